<?php
/**
 * The v1 signature of a bridge request (docs/contract.md#signing).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Bridge;

/**
 * HMAC-SHA256 over "<timestamp>\n<METHOD>\n<path and query>\n<hex sha256 of body>", sent as
 * X-GPSync-Timestamp and X-GPSync-Signature: v1=<hex>. Sign the exact bytes that are sent.
 */
final class RequestSigner {

	private string $secret;

	public function __construct( string $secret ) {
		$this->secret = $secret;
	}

	/** @return array{X-GPSync-Timestamp: string, X-GPSync-Signature: string} */
	public function headers( string $method, string $path_and_query, string $body, int $timestamp ): array {
		$string_to_sign = implode( "\n", [ (string) $timestamp, strtoupper( $method ), $path_and_query, hash( 'sha256', $body ) ] );
		return [
			'X-GPSync-Timestamp' => (string) $timestamp,
			'X-GPSync-Signature' => 'v1=' . hash_hmac( 'sha256', $string_to_sign, $this->secret ),
		];
	}
}
