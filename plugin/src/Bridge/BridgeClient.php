<?php
/**
 * Signed calls to the bridge.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Bridge;

use GPSync\Exception\BridgeRequestFailed;
use GPSync\Settings\Settings;

/**
 * Turns every whole-request failure into a BridgeRequestFailed with a kind the dispatcher acts on, and checks
 * a 200 body is the shape it needs before anyone trusts it. Never logs or returns the secret.
 */
class BridgeClient {

	private Settings $settings;
	private HttpTransport $transport;
	/** @var callable(): int */
	private $clock;

	/** @param (callable(): int)|null $clock unix seconds (tests pin it) */
	public function __construct( Settings $settings, HttpTransport $transport, ?callable $clock = null ) {
		$this->settings  = $settings;
		$this->transport = $transport;
		$this->clock     = $clock ?? 'time';
	}

	/**
	 * POST /v1/messages.
	 *
	 * @param array<string,mixed> $batch {schema_version, profile, messages}
	 * @return array{profile_version: string, results: list<array<string,mixed>>}
	 * @throws BridgeRequestFailed When the request fails as a whole.
	 */
	public function send_messages( array $batch ): array {
		$decoded = $this->call( 'POST', '/v1/messages', $batch );
		if ( ! isset( $decoded['results'] ) || ! is_array( $decoded['results'] ) ) {
			throw BridgeRequestFailed::garbage_body( 200 );
		}
		$results = [];
		foreach ( $decoded['results'] as $result ) {
			if ( ! is_array( $result ) || ! isset( $result['id'], $result['status'] ) || ! is_string( $result['id'] ) ) {
				throw BridgeRequestFailed::garbage_body( 200 );
			}
			$results[] = $result;
		}
		return [
			'profile_version' => (string) ( $decoded['profile_version'] ?? '' ),
			'results'         => $results,
		];
	}

	/**
	 * POST /v1/preview: the eConnect XML the bridge would run; never writes GP.
	 *
	 * @param array<string,mixed> $batch
	 * @return array<string,mixed>
	 */
	public function preview( array $batch ): array {
		return $this->call( 'POST', '/v1/preview', $batch );
	}

	/**
	 * GET /v1/inventory (signed).
	 *
	 * @return array<string,mixed> {items, next_cursor, has_more}
	 */
	public function inventory( ?string $cursor, int $limit, string $sites ): array {
		// A fresh id per request: two polls with the same cursor in the same second (the cron and a manual run)
		// would otherwise be byte-identical signed requests, which the bridge refuses as replays.
		$query = [
			'limit'      => (string) $limit,
			'request_id' => wp_generate_uuid4(),
		];
		if ( null !== $cursor && '' !== $cursor ) {
			$query['cursor'] = $cursor;
		}
		if ( 'all' !== $sites ) {
			$query['sites'] = $sites;
		}
		$decoded = $this->call( 'GET', '/v1/inventory?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ), null );
		if ( ! isset( $decoded['items'], $decoded['next_cursor'] ) || ! is_array( $decoded['items'] ) ) {
			throw BridgeRequestFailed::garbage_body( 200 );
		}
		return $decoded;
	}

	/**
	 * GET /v1/health. Open by contract, but signed when a secret is set: the bridge tells only signed callers
	 * why GP is unreachable (the reason names GP's SQL Server), and the admin's "Test connection" needs it.
	 * A wrong secret still gets the status (health never answers 401); the signed preview check reports it.
	 *
	 * @return array<string,mixed>
	 */
	public function health(): array {
		return $this->call( 'GET', '/v1/health', null, '' !== $this->settings->bridge_secret() );
	}

	/**
	 * @param array<string,mixed>|null $payload JSON body (null for GET)
	 * @return array<string,mixed> the decoded 200 body
	 * @throws BridgeRequestFailed When the request fails as a whole.
	 */
	private function call( string $method, string $path_and_query, ?array $payload, bool $signed = true ): array {
		$base   = $this->settings->bridge_url();
		$secret = $this->settings->bridge_secret();
		if ( '' === $base || ( $signed && '' === $secret ) ) {
			throw BridgeRequestFailed::not_configured();
		}
		$body    = null === $payload ? '' : (string) wp_json_encode( $payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		$headers = [
			'Content-Type' => 'application/json',
			'Accept'       => 'application/json',
		];
		if ( $signed ) {
			// The contract signs the request target exactly as sent, so a base URL with a path prefix
			// (https://proxy.example/gp) signs /gp/v1/… ; the proxy must forward it unchanged.
			$prefix   = (string) wp_parse_url( $base, PHP_URL_PATH );
			$headers += ( new RequestSigner( $secret ) )->headers( $method, $prefix . $path_and_query, $body, (int) ( $this->clock )() );
		}
		$response = $this->transport->request( $method, $base . $path_and_query, $headers, $body, $this->settings->request_timeout() );
		if ( is_string( $response ) ) {
			throw BridgeRequestFailed::unreachable( $response );
		}
		$status  = $response['status'];
		$decoded = json_decode( $response['body'], true );
		$code    = is_array( $decoded ) && isset( $decoded['code'] ) && is_string( $decoded['code'] ) ? $decoded['code'] : '';
		if ( 401 === $status ) {
			throw BridgeRequestFailed::unauthorized( $code );
		}
		if ( 429 === $status || $status >= 500 || 0 === $status ) {
			throw BridgeRequestFailed::server_error( $status, $code );
		}
		if ( $status >= 300 ) {
			throw BridgeRequestFailed::rejected( $status, $code, self::problem_paths( $decoded ) );
		}
		if ( ! is_array( $decoded ) ) {
			throw BridgeRequestFailed::garbage_body( $status );
		}
		return $decoded;
	}

	/**
	 * "path: message" of the first few `errors` of a validation_failed problem document, for the log and the
	 * admin: they name what the plugin sent wrong.
	 *
	 * @param mixed $problem
	 */
	private static function problem_paths( $problem ): string {
		if ( ! is_array( $problem ) || ! isset( $problem['errors'] ) || ! is_array( $problem['errors'] ) ) {
			return '';
		}
		$paths = [];
		foreach ( array_slice( $problem['errors'], 0, 5 ) as $error ) {
			if ( is_array( $error ) ) {
				$paths[] = (string) ( $error['path'] ?? '' ) . ': ' . (string) ( $error['message'] ?? '' );
			}
		}
		return implode( '; ', $paths );
	}
}
