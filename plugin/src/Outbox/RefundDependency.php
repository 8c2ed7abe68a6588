<?php
/**
 * A refund waits for its order to reach GP: make sure the order is on its way, and say why when it never came.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Orders\OrderGateway;
use GPSync\Orders\SyncState;
use GPSync\Settings\SettingsKeys;

/**
 * The bridge answers `retry depends_on_pending` for a refund whose order GP has no document for. Waiting
 * alone can last for ever (the order was skipped, or its message died), so each such answer checks the order:
 * when it is neither in GP nor waiting in the outbox, it is queued. The dispatcher bounds the refund's retries
 * (max_attempts) and then dead-letters it as `order_not_in_gp` with the sentence from gave_up().
 */
class RefundDependency {

	/** The dead-letter code of a refund whose order never reached GP. */
	public const GAVE_UP_CODE = 'order_not_in_gp';

	private OutboxRepository $outbox;
	private OrderGateway $orders;

	public function __construct( OutboxRepository $outbox, OrderGateway $orders ) {
		$this->outbox = $outbox;
		$this->orders = $orders;
	}

	/**
	 * Queues the refund's order unless GP has it or a message for it is already waiting or in flight.
	 *
	 * @return int the order's outbox row id when this call queued it, else 0.
	 */
	public function ensure_order_on_its_way( int $refund_id ): int {
		$order_id = $this->order_id( $refund_id );
		if ( $order_id <= 0 || $this->outbox->has_open_row( 'order', $order_id ) ) {
			return 0;
		}
		if ( SyncState::SENT === SyncState::normalise( $this->orders->meta( $order_id, SettingsKeys::META_STATE ) ) ) {
			return 0;
		}
		return $this->outbox->enqueue( 'order', $order_id, 'order.needed_by_refund' );
	}

	/** Why the refund stops waiting: which order, how long it waited, and what the order's own state says. */
	public function gave_up( int $refund_id, int $attempts ): string {
		$order_id = $this->order_id( $refund_id );
		$state    = $order_id > 0 ? SyncState::normalise( $this->orders->meta( $order_id, SettingsKeys::META_STATE ) ) : '';
		$reason   = $order_id > 0 ? $this->orders->meta( $order_id, SettingsKeys::META_STATE_REASON ) : '';
		$where    = '' === $state ? 'never sent' : $state . ( '' !== $reason ? ' (' . $reason . ')' : '' );
		return sprintf(
			/* translators: 1: order id, 2: attempts, 3: the order's GP Sync state and reason */
			__( 'GP still has no document for order %1$d after %2$d attempts, so this refund cannot become a GP return. The order is %3$s: get the order into GP (fix or retry its message), then retry this refund.', 'gp-sync-for-woocommerce' ),
			$order_id,
			$attempts,
			$where
		);
	}

	private function order_id( int $refund_id ): int {
		$refund = $this->orders->find_refund( $refund_id );
		return null === $refund ? 0 : (int) $refund->get_parent_id();
	}
}
