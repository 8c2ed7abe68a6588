<?php
/**
 * The plugin's log.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Logging;

use GPSync\Settings\SettingsKeys;

/**
 * Writes through WooCommerce's logger when present (WooCommerce → Status → Logs), else error_log.
 * Callers pass short facts (ids, codes, counts); never the secret, a signature or a whole payload.
 */
class Logger {

	/** @param array<string,mixed> $context */
	public function info( string $message, array $context = [] ): void {
		$this->log( 'info', $message, $context );
	}

	/** @param array<string,mixed> $context */
	public function warning( string $message, array $context = [] ): void {
		$this->log( 'warning', $message, $context );
	}

	/** @param array<string,mixed> $context */
	public function error( string $message, array $context = [] ): void {
		$this->log( 'error', $message, $context );
	}

	/** @param array<string,mixed> $context */
	protected function log( string $level, string $message, array $context ): void {
		$line = [] === $context ? $message : $message . ' ' . (string) wp_json_encode( $context );
		if ( function_exists( 'wc_get_logger' ) ) {
			wc_get_logger()->log( $level, $line, [ 'source' => SettingsKeys::LOG_SOURCE ] );
			return;
		}
		error_log( '[' . SettingsKeys::LOG_SOURCE . "] $level: $line" ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the fallback log without WooCommerce.
	}
}
