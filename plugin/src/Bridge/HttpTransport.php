<?php
/**
 * The one place HTTP leaves the plugin.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Bridge;

/**
 * A thin proxy over wp_remote_request, so the client's status and body handling is unit-testable.
 */
class HttpTransport {

	/**
	 * @param array<string,string> $headers
	 * @return array{status:int, body:string}|string the response, or the transport error message
	 */
	public function request( string $method, string $url, array $headers, string $body, int $timeout ) {
		$args = [
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => (float) $timeout,
			'redirection' => 0,
		];
		if ( 'GET' !== $method ) {
			$args['body'] = $body;
		}
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			return $response->get_error_message();
		}
		return [
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'body'   => (string) wp_remote_retrieve_body( $response ),
		];
	}
}
