<?php
/**
 * A request to the bridge failed as a whole (no per-message results).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Exception;

/**
 * `kind` tells the dispatcher what to do with the claimed rows:
 * unavailable (network, timeout, 5xx, 429, garbage body: retry, never spends bounded attempts),
 * unauthorized (401: retry, pause and alert the admin), rejected (other 4xx: a client bug; spends attempts),
 * not_configured (no URL or secret yet: rows wait).
 */
final class BridgeRequestFailed extends \RuntimeException implements GPSyncException {

	public const UNAVAILABLE    = 'unavailable';
	public const UNAUTHORIZED   = 'unauthorized';
	public const REJECTED       = 'rejected';
	public const NOT_CONFIGURED = 'not_configured';

	private string $kind;
	private string $code_name;
	private int $http_status;

	private function __construct( string $kind, string $code_name, string $message, int $http_status = 0 ) {
		parent::__construct( $message );
		$this->kind        = $kind;
		$this->code_name   = $code_name;
		$this->http_status = $http_status;
	}

	public static function unreachable( string $transport_error ): self {
		return new self( self::UNAVAILABLE, 'bridge_unreachable', 'The bridge could not be reached: ' . $transport_error );
	}

	public static function server_error( int $status, string $code ): self {
		return new self( self::UNAVAILABLE, '' === $code ? 'bridge_http_' . $status : $code, sprintf( 'The bridge answered HTTP %d%s.', $status, '' === $code ? '' : " ($code)" ), $status );
	}

	public static function garbage_body( int $status ): self {
		return new self( self::UNAVAILABLE, 'bridge_bad_response', sprintf( 'The bridge answered HTTP %d with a body that is not a valid result list.', $status ), $status );
	}

	public static function unauthorized( string $code ): self {
		return new self( self::UNAUTHORIZED, '' === $code ? 'signature_rejected' : $code, sprintf( 'The bridge rejected the signature (%s): check that the secret matches the bridge\'s GPSYNC_SECRET.', '' === $code ? 'HTTP 401' : $code ), 401 );
	}

	public static function rejected( int $status, string $code, string $detail = '' ): self {
		return new self( self::REJECTED, '' === $code ? 'bridge_http_' . $status : $code, sprintf( 'The bridge refused the request: HTTP %d%s.%s', $status, '' === $code ? '' : " ($code)", '' === $detail ? '' : ' ' . $detail ), $status );
	}

	public static function not_configured(): self {
		return new self( self::NOT_CONFIGURED, 'bridge_not_configured', 'The bridge URL or secret is not set (WooCommerce → GP Sync → Settings).' );
	}

	public function kind(): string {
		return $this->kind;
	}

	/** Stable machine code stored as last_error_code. */
	public function code_name(): string {
		return $this->code_name;
	}

	public function http_status(): int {
		return $this->http_status;
	}
}
