<?php
/**
 * Stores what GP answered on the WooCommerce side, under the stable meta keys.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Meta;

use GPSync\Orders\OrderGateway;
use GPSync\Orders\SyncState;
use GPSync\Outbox\OutboxRepository;
use GPSync\Products\ItemClaims;
use GPSync\Products\ItemNumbers;
use GPSync\Settings\SettingsKeys;

/**
 * Orders and refunds: _gpsync_state (+ _gpsync_state_reason), _gpsync_sop_number, _gpsync_sop_type,
 * _gpsync_customer_number (CRUD + order note); customer (a user): _gpsync_customer_number (user meta);
 * product/variation: _gpsync_item_number on the first successful sync (ItemNumbers).
 * Writes run with capture paused: saving an order must not enqueue it again.
 */
class GpIdsWriter {

	private OrderGateway $orders;
	private OutboxRepository $outbox;
	private ItemNumbers $items;

	/** What the item numbers of the batch being applied are claimed by; null outside a batch. */
	private ?ItemClaims $claims = null;

	public function __construct( OrderGateway $orders, OutboxRepository $outbox, ?ItemNumbers $items = null ) {
		$this->orders = $orders;
		$this->outbox = $outbox;
		$this->items  = $items ?? new ItemNumbers();
	}

	/**
	 * Before a batch's results are written: reads which products claim the item numbers in them in two
	 * queries, instead of two per product (the first push of a large catalogue). end_results() forgets it.
	 *
	 * @param list<array<string,mixed>> $results the bridge's results of one batch
	 */
	public function begin_results( array $results ): void {
		$numbers = [];
		foreach ( $results as $result ) {
			$number = is_array( $result['gp'] ?? null ) ? (string) ( $result['gp']['item_number'] ?? '' ) : '';
			if ( '' !== $number ) {
				$numbers[] = $number;
			}
		}
		try {
			$this->claims = [] === $numbers ? null : ItemClaims::load( $numbers );
		} catch ( \RuntimeException $unreadable ) {
			$this->claims = null; // each answer then reads its own claims (and keeps nothing if that fails too)
		}
	}

	public function end_results(): void {
		$this->claims = null;
	}

	/**
	 * @param array<string,mixed>                $gp       the `gp` object of a done result.
	 * @param list<array<string,mixed>>          $warnings the done result's warnings (shown in the order note).
	 */
	public function write_done( string $kind, int $entity_id, array $gp, array $warnings = [] ): void {
		$this->outbox->without_capture(
			function () use ( $kind, $entity_id, $gp, $warnings ): void {
				switch ( $kind ) {
					case 'order':
					case 'refund':
						$this->write_document( $entity_id, $gp, $warnings );
						break;
					case 'customer':
						if ( isset( $gp['customer_number'] ) && '' !== (string) $gp['customer_number'] && false !== get_userdata( $entity_id ) ) {
							update_user_meta( $entity_id, SettingsKeys::META_CUSTOMER_NUMBER, (string) $gp['customer_number'] );
						}
						break;
					case 'product':
						if ( isset( $gp['item_number'] ) && '' !== (string) $gp['item_number'] ) {
							$this->items->remember_from_sync( $entity_id, (string) $gp['item_number'], $this->claims );
						}
						break;
				}
			}
		);
	}

	/**
	 * Nothing reached GP and nothing has to: an order the status map skips, or one cancelled before GP saw it.
	 * An order GP already has keeps `sent` (a later skipped status does not take its document away).
	 */
	public function write_not_sent( string $kind, int $entity_id, string $reason ): void {
		if ( 'order' !== $kind && 'refund' !== $kind ) {
			return;
		}
		$this->outbox->without_capture(
			function () use ( $entity_id, $reason ): void {
				if ( '' !== $this->orders->meta( $entity_id, SettingsKeys::META_SOP_NUMBER ) ) {
					$this->orders->update_meta( $entity_id, [ SettingsKeys::META_STATE => SyncState::SENT ] );
					return;
				}
				$this->orders->update_meta(
					$entity_id,
					[
						SettingsKeys::META_STATE        => SyncState::NOT_SENT,
						SettingsKeys::META_STATE_REASON => $reason,
					]
				);
			}
		);
	}

	/**
	 * A retry: the order is on its way. Written only when the state changes, so a long outage does not save
	 * every waiting order at every attempt. An order GP already has stays `sent` (an edit on its way).
	 */
	public function write_waiting( string $kind, int $entity_id, string $reason ): void {
		if ( 'order' !== $kind && 'refund' !== $kind ) {
			return;
		}
		$current = SyncState::normalise( $this->orders->meta( $entity_id, SettingsKeys::META_STATE ) );
		if ( SyncState::WAITING === $current || SyncState::SENT === $current ) {
			return;
		}
		$this->outbox->without_capture(
			function () use ( $entity_id, $reason ): void {
				$this->orders->update_meta(
					$entity_id,
					[
						SettingsKeys::META_STATE        => SyncState::WAITING,
						SettingsKeys::META_STATE_REASON => $reason,
					]
				);
			}
		);
	}

	/** @param array<string,mixed> $details the dead result's details (both totals of changed_after_posting …) */
	public function write_dead( string $kind, int $entity_id, string $code, string $message, array $details = [] ): void {
		if ( 'order' !== $kind && 'refund' !== $kind ) {
			return;
		}
		$this->outbox->without_capture(
			function () use ( $entity_id, $code, $message, $details ): void {
				/* translators: 1: error code, 2: message */
				$note = sprintf( __( 'Dynamics GP did not accept this: %1$s — %2$s', 'gp-sync-for-woocommerce' ), $code, $message );
				if ( [] !== $details ) {
					$note .= ' ' . self::describe( $details );
				}
				// An order GP has (e.g. edited after posting) keeps its document; the dead letter is the alert.
				$state = '' !== $this->orders->meta( $entity_id, SettingsKeys::META_SOP_NUMBER ) && 'changed_after_posting' === $code ? SyncState::SENT : SyncState::FAILED;
				$this->orders->update_meta(
					$entity_id,
					[
						SettingsKeys::META_STATE        => $state,
						SettingsKeys::META_STATE_REASON => $code . ': ' . $message,
					],
					$note
				);
			}
		);
	}

	/**
	 * @param array<string,mixed>       $gp
	 * @param list<array<string,mixed>> $warnings
	 */
	private function write_document( int $order_id, array $gp, array $warnings ): void {
		$meta = [
			SettingsKeys::META_STATE        => SyncState::SENT,
			SettingsKeys::META_STATE_REASON => '',
		];
		if ( isset( $gp['sop_number'] ) ) {
			$meta[ SettingsKeys::META_SOP_NUMBER ] = (string) $gp['sop_number'];
		}
		if ( isset( $gp['sop_type'] ) ) {
			$meta[ SettingsKeys::META_SOP_TYPE ] = (string) (int) $gp['sop_type'];
		}
		if ( isset( $gp['customer_number'] ) ) {
			$meta[ SettingsKeys::META_CUSTOMER_NUMBER ] = (string) $gp['customer_number'];
		}
		$outcome = (string) ( $gp['outcome'] ?? '' );
		$note    = '';
		if ( isset( $gp['sop_number'] ) && 'existing' !== $outcome && 'skipped' !== $outcome ) {
			/* translators: 1: SOP number, 2: SOP type number, 3: outcome (created, updated, voided) */
			$note = sprintf( __( 'Sent to Dynamics GP: SOP %1$s (type %2$d, %3$s).', 'gp-sync-for-woocommerce' ), (string) $gp['sop_number'], (int) ( $gp['sop_type'] ?? 0 ), $outcome );
		}
		$warning_text = self::warnings_text( $warnings );
		if ( '' !== $warning_text ) {
			$note = trim( $note . ' ' . $warning_text );
		}
		$this->orders->update_meta( $order_id, $meta, $note );
	}

	/** @param list<array<string,mixed>> $warnings */
	private static function warnings_text( array $warnings ): string {
		$parts = [];
		foreach ( $warnings as $warning ) {
			$message = (string) ( $warning['message'] ?? '' );
			if ( '' !== $message ) {
				$parts[] = $message;
			}
		}
		if ( [] === $parts ) {
			return '';
		}
		/* translators: %s: the warnings, separated by semicolons */
		return sprintf( __( 'GP Sync warnings: %s.', 'gp-sync-for-woocommerce' ), implode( '; ', $parts ) );
	}

	/**
	 * The details of a dead letter as "key: value" pairs (scalars only), e.g. both totals.
	 *
	 * @param array<string,mixed> $details
	 */
	private static function describe( array $details ): string {
		$parts = [];
		foreach ( $details as $key => $value ) {
			if ( is_scalar( $value ) ) {
				$parts[] = $key . ': ' . (string) $value;
			} elseif ( is_array( $value ) ) {
				$parts[] = $key . ': ' . (string) wp_json_encode( $value );
			}
		}
		return '(' . implode( ', ', $parts ) . ')';
	}
}
