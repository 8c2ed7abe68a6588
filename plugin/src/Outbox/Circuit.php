<?php
/**
 * The "bridge is down" circuit.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Settings\SettingsKeys;

/**
 * While open, workers do not drain the queue: one worker at a time sends one small batch as a probe. The
 * probe lock is an option added with add_option(), which fails when the row exists, so only one process
 * gets it; it expires on its own so a crashed probe never blocks for good, and it is kept after a failed
 * probe so probes are spaced by its lifetime.
 */
class Circuit {

	/** @phpstan-impure */
	public function is_open(): bool {
		$state = get_option( SettingsKeys::CIRCUIT_OPTION, null );
		return is_array( $state );
	}

	/** @return array{opened_at:int, reason:string}|null */
	public function state(): ?array {
		$state = get_option( SettingsKeys::CIRCUIT_OPTION, null );
		if ( ! is_array( $state ) ) {
			return null;
		}
		return [
			'opened_at' => (int) ( $state['opened_at'] ?? 0 ),
			'reason'    => (string) ( $state['reason'] ?? '' ),
		];
	}

	public function open( string $reason ): void {
		$current = $this->state();
		update_option(
			SettingsKeys::CIRCUIT_OPTION,
			[
				'opened_at' => null === $current ? time() : $current['opened_at'],
				'reason'    => $reason,
			],
			false
		);
	}

	public function close(): void {
		if ( $this->is_open() ) {
			delete_option( SettingsKeys::CIRCUIT_OPTION );
		}
		delete_option( SettingsKeys::PROBE_LOCK_OPTION );
	}

	/** True for exactly one caller until the lock expires or close() runs. */
	public function try_acquire_probe( int $ttl_seconds ): bool {
		$expires = time() + $ttl_seconds;
		if ( add_option( SettingsKeys::PROBE_LOCK_OPTION, $expires, '', false ) ) {
			return true;
		}
		global $wpdb;
		// An expired lock is taken over by one process only: the UPDATE's guard on the old value decides.
		$current = (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", SettingsKeys::PROBE_LOCK_OPTION ) );
		if ( $current > time() ) {
			return false;
		}
		$taken = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) $expires, SettingsKeys::PROBE_LOCK_OPTION, (string) $current ) );
		wp_cache_delete( SettingsKeys::PROBE_LOCK_OPTION, 'options' );
		return 1 === $taken;
	}
}
