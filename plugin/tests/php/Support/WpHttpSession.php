<?php
/**
 * A browser-like HTTP client for the test profile's web server: logs in through wp-login.php, keeps the
 * cookies, and calls REST routes with or without the X-WP-Nonce header. Use it where the in-process
 * IntegrationTestCase::rest() cannot tell the difference: cookie authentication and nonce checks happen
 * only for real HTTP requests.
 */

declare(strict_types=1);

namespace GPSync\Tests\Support;

final class WpHttpSession {

	private string $base_url;
	/** @var non-empty-string */
	private string $cookie_jar;
	private ?string $rest_nonce = null;

	public function __construct( string $base_url ) {
		$this->base_url = rtrim( $base_url, '/' );
		$jar            = tempnam( sys_get_temp_dir(), 'gpsync-cookies-' );
		if ( false === $jar ) {
			throw new \RuntimeException( 'cannot create a cookie jar' );
		}
		$this->cookie_jar = $jar;
	}

	public function __destruct() {
		if ( is_file( $this->cookie_jar ) ) {
			unlink( $this->cookie_jar );
		}
	}

	/** Logs in as a real browser would; throws when WordPress does not accept the credentials. */
	public function log_in( string $user_login, string $password ): void {
		// wp-login.php refuses logins from clients without its test cookie.
		$this->request( 'GET', '/wp-login.php' );
		$response = $this->request(
			'POST',
			'/wp-login.php',
			http_build_query(
				array(
					'log'         => $user_login,
					'pwd'         => $password,
					'wp-submit'   => 'Log In',
					'redirect_to' => $this->base_url . '/wp-admin/',
					'testcookie'  => '1',
				)
			),
			array( 'Content-Type: application/x-www-form-urlencoded', 'Cookie: wordpress_test_cookie=WP%20Cookie%20check' )
		);
		if ( 302 !== $response['status'] || ! str_contains( $response['headers']['location'] ?? '', '/wp-admin' ) ) {
			throw new \RuntimeException( "login as $user_login failed (HTTP {$response['status']})" );
		}
		$this->rest_nonce = null;
	}

	/** The wp_rest nonce of the logged-in user, as wp-admin pages receive it (wpApiSettings.nonce). */
	public function rest_nonce(): string {
		if ( null === $this->rest_nonce ) {
			$response = $this->request( 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce' );
			if ( 200 !== $response['status'] || ! preg_match( '/^[a-f0-9]{10}$/', $response['body'] ) ) {
				throw new \RuntimeException( "no REST nonce (HTTP {$response['status']}): log in first" );
			}
			$this->rest_nonce = $response['body'];
		}
		return $this->rest_nonce;
	}

	/**
	 * Calls a REST route (e.g. '/gpsync/v1/settings') through /wp-json/ with the session's cookies.
	 *
	 * @param array<string, mixed>|null $body  sent as JSON
	 * @param bool                      $nonce send X-WP-Nonce (false: what a cross-site request would look like)
	 * @return array{status: int, headers: array<string, string>, body: string, json: mixed}
	 */
	public function rest( string $method, string $route, ?array $body = null, bool $nonce = true ): array {
		$headers = array( 'Accept: application/json' );
		if ( $nonce ) {
			$headers[] = 'X-WP-Nonce: ' . $this->rest_nonce();
		}
		$payload = null;
		if ( null !== $body ) {
			$headers[] = 'Content-Type: application/json';
			$payload   = (string) json_encode( $body, JSON_THROW_ON_ERROR );
		}
		$response         = $this->request( $method, '/wp-json/' . ltrim( $route, '/' ), $payload, $headers );
		$response['json'] = json_decode( $response['body'], true );
		return $response;
	}

	/**
	 * A plain request to the site (paths start with '/').
	 *
	 * @param list<string> $headers
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	public function request( string $method, string $path, ?string $body = null, array $headers = array() ): array {
		if ( '' === $method ) {
			throw new \InvalidArgumentException( 'HTTP method missing' );
		}
		$response_headers = array();
		$curl             = curl_init( $this->base_url . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_FOLLOWLOCATION => false,
				CURLOPT_COOKIEJAR      => $this->cookie_jar,
				CURLOPT_COOKIEFILE     => $this->cookie_jar,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$response_headers ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$response_headers[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		if ( null !== $body ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, $body );
		}
		$result = curl_exec( $curl );
		if ( ! is_string( $result ) ) {
			$error = curl_error( $curl );
			curl_close( $curl );
			throw new \RuntimeException( "HTTP $method $path failed: $error" );
		}
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $response_headers,
			'body'    => $result,
		);
	}
}
