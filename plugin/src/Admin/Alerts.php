<?php
/**
 * What the store owner must act on, each with where the fix is.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Outbox\Circuit;
use GPSync\Settings\SettingsKeys;

/**
 * Dead letters, totals/tax mismatches on hold, bridge unreachable (circuit open), signature rejected, queue
 * stalled (messages due for a while and nothing finished: the scheduler is not running). Plain text; the
 * admin app links each `tab` to its screen.
 */
final class Alerts {

	/** A message due this long without any row finishing means the scheduler is not running. */
	public const STALLED_AFTER_SECONDS = 900;

	private Circuit $circuit;

	public function __construct( Circuit $circuit ) {
		$this->circuit = $circuit;
	}

	/**
	 * @param array<string,int> $counts             rows by status
	 * @param int|null          $oldest_waiting_age seconds
	 * @param int               $mismatches         dead rows with total_mismatch or tax_mismatch
	 * @return list<array{code:string, message:string, tab:string}>
	 */
	public function current( array $counts, ?int $oldest_waiting_age, int $mismatches ): array {
		$alerts = [];
		if ( ! class_exists( 'WooCommerce', false ) ) {
			$alerts[] = self::alert( 'woocommerce_missing', __( 'GP Sync for WooCommerce needs WooCommerce 9.0 or later to send orders and products. The queue, settings and customer sync still work.', 'gp-sync-for-woocommerce' ), 'overview' );
		}
		$circuit = $this->circuit->state();
		if ( null !== $circuit ) {
			/* translators: 1: how long ago, e.g. "5 mins", 2: the reason code */
			$alerts[] = self::alert( 'bridge_unreachable', sprintf( __( 'The bridge or GP has been unreachable for %1$s (%2$s). Messages wait and are sent when it answers again.', 'gp-sync-for-woocommerce' ), human_time_diff( $circuit['opened_at'] ), $circuit['reason'] ), 'settings' );
		}
		$auth = get_option( SettingsKeys::AUTH_FAILURE_OPTION, false );
		if ( is_array( $auth ) ) {
			/* translators: %s: the bridge's reason code, e.g. signature_invalid */
			$alerts[] = self::alert( 'signature_rejected', sprintf( __( 'The bridge rejected the signature (%s): check the secret. Messages stay queued until it matches.', 'gp-sync-for-woocommerce' ), (string) ( $auth['code'] ?? '' ) ), 'settings' );
		}
		$dead = (int) ( $counts['dead'] ?? 0 );
		if ( $mismatches > 0 ) {
			/* translators: %d: number of orders */
			$alerts[] = self::alert( 'totals_on_hold', sprintf( _n( '%d order is on hold because GP computed a different total or tax.', '%d orders are on hold because GP computed a different total or tax.', $mismatches, 'gp-sync-for-woocommerce' ), $mismatches ), 'queue' );
		}
		if ( $dead > $mismatches ) {
			/* translators: %d: number of messages */
			$alerts[] = self::alert( 'dead_letters', sprintf( _n( '%d message failed and needs a fix before it can reach GP.', '%d messages failed and need a fix before they can reach GP.', $dead, 'gp-sync-for-woocommerce' ), $dead ), 'queue' );
		}
		if ( null === $circuit && null !== $oldest_waiting_age && $oldest_waiting_age > self::STALLED_AFTER_SECONDS ) {
			/* translators: %s: how long, e.g. "20 mins" */
			$alerts[] = self::alert( 'queue_stalled', sprintf( __( 'The queue is stalled: the oldest message has waited %s. Check that WP-Cron or Action Scheduler runs (WooCommerce → Status → Scheduled Actions).', 'gp-sync-for-woocommerce' ), human_time_diff( time() - $oldest_waiting_age ) ), 'tools' );
		}
		return $alerts;
	}

	/** @return array{code:string, message:string, tab:string} */
	private static function alert( string $code, string $message, string $tab ): array {
		return [
			'code'    => $code,
			'message' => $message,
			'tab'     => $tab,
		];
	}
}
