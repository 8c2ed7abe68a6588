<?php
/**
 * Stores what GP answered on the WooCommerce side, under the stable meta keys.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Meta;

use GPSync\Orders\OrderGateway;
use GPSync\Outbox\OutboxRepository;
use GPSync\Settings\SettingsKeys;

/**
 * Orders and refunds: _gpsync_state, _gpsync_sop_number, _gpsync_sop_type, _gpsync_customer_number (CRUD + note);
 * customer (a user): _gpsync_customer_number (user meta); product/variation: _gpsync_item_number (CRUD).
 * Writes run with capture paused: saving an order must not enqueue it again.
 */
class GpIdsWriter {

	public const STATE_SYNCED = 'synced';
	public const STATE_FAILED = 'failed';

	private OrderGateway $orders;
	private OutboxRepository $outbox;

	public function __construct( OrderGateway $orders, OutboxRepository $outbox ) {
		$this->orders = $orders;
		$this->outbox = $outbox;
	}

	/** @param array<string,mixed> $gp the `gp` object of a done result */
	public function write_done( string $kind, int $entity_id, array $gp ): void {
		$this->outbox->without_capture(
			function () use ( $kind, $entity_id, $gp ): void {
				switch ( $kind ) {
					case 'order':
					case 'refund':
						$this->write_document( $entity_id, $gp );
						break;
					case 'customer':
						if ( isset( $gp['customer_number'] ) && '' !== (string) $gp['customer_number'] && false !== get_userdata( $entity_id ) ) {
							update_user_meta( $entity_id, SettingsKeys::META_CUSTOMER_NUMBER, (string) $gp['customer_number'] );
						}
						break;
					case 'product':
						$this->write_item( $entity_id, $gp );
						break;
				}
			}
		);
	}

	public function write_dead( string $kind, int $entity_id, string $code, string $message ): void {
		if ( 'order' !== $kind && 'refund' !== $kind ) {
			return;
		}
		$this->outbox->without_capture(
			function () use ( $entity_id, $code, $message ): void {
				/* translators: 1: error code, 2: message */
				$note = sprintf( __( 'Dynamics GP did not accept this: %1$s — %2$s', 'gp-sync-for-woocommerce' ), $code, $message );
				$this->orders->update_meta( $entity_id, [ SettingsKeys::META_STATE => self::STATE_FAILED ], $note );
			}
		);
	}

	/** @param array<string,mixed> $gp */
	private function write_document( int $order_id, array $gp ): void {
		$meta = [ SettingsKeys::META_STATE => self::STATE_SYNCED ];
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
		$this->orders->update_meta( $order_id, $meta, $note );
	}

	/** @param array<string,mixed> $gp */
	private function write_item( int $product_id, array $gp ): void {
		if ( ! isset( $gp['item_number'] ) || ! function_exists( 'wc_get_product' ) ) {
			return;
		}
		$product = wc_get_product( $product_id );
		if ( $product instanceof \WC_Product && (string) $product->get_meta( SettingsKeys::META_ITEM_NUMBER ) !== (string) $gp['item_number'] ) {
			$product->update_meta_data( SettingsKeys::META_ITEM_NUMBER, (string) $gp['item_number'] );
			// Only the meta changed: a full save() (post row, lookup tables, terms, transients) would make the
			// first push of a large catalogue several times slower for nothing.
			$product->save_meta_data();
		}
	}
}
