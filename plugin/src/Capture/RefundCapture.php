<?php
/**
 * Records refunds in the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Infrastructure\Registerable;
use GPSync\Orders\OrderGateway;

/**
 * Each refund is its own message (kind refund, entity = the refund's id): it becomes a GP return. Both hooks
 * fire for one refund and coalesce. When the refund left the order fully refunded, the order is recorded
 * too, so its new status reaches GP even if the status hook was missed.
 */
class RefundCapture implements Registerable {

	private OutboxRecorder $outbox;
	private OrderGateway $orders;

	public function __construct( OutboxRecorder $outbox, OrderGateway $orders ) {
		$this->outbox = $outbox;
		$this->orders = $orders;
	}

	public function register(): void {
		add_action( 'woocommerce_refund_created', [ $this, 'on_refund_created' ], 10, 1 );
		add_action( 'woocommerce_order_refunded', [ $this, 'on_order_refunded' ], 10, 2 );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $refund_id
	 */
	public function on_refund_created( $refund_id ): void {
		if ( (int) $refund_id > 0 ) {
			$this->outbox->record( 'refund', (int) $refund_id, 'refund.created' );
		}
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $order_id
	 * @param mixed $refund_id
	 */
	public function on_order_refunded( $order_id, $refund_id ): void {
		if ( (int) $refund_id > 0 ) {
			$this->outbox->record( 'refund', (int) $refund_id, 'refund.created' );
		}
		$order = $this->orders->find_order( (int) $order_id );
		if ( null !== $order && $order->has_status( 'refunded' ) ) {
			$this->outbox->record( 'order', (int) $order->get_id(), 'order.status.refunded' );
		}
	}
}
