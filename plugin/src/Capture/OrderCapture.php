<?php
/**
 * Records order changes in the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Infrastructure\Registerable;
use GPSync\Orders\OrderGateway;

/**
 * Order-level WooCommerce hooks, which fire the same with HPOS on or off (save_post does not fire for HPOS
 * orders). Each callback records the order id and the event only; the payload is built at dispatch time.
 * Several hooks fire for one checkout (new, status changed, update): the outbox coalesces them into one row.
 * Edits after an order reached GP are captured like any change (the bridge brings an unposted document up to
 * date, or reports `changed_after_posting`): address and field saves go through woocommerce_update_order;
 * line edits in wp-admin (quantities, added or removed lines) are saved by wc_save_order_items(), whose own
 * hook is recorded too, because it saves the items without always saving the order.
 */
class OrderCapture implements Registerable {

	private OutboxRecorder $outbox;
	private OrderGateway $orders;

	public function __construct( OutboxRecorder $outbox, OrderGateway $orders ) {
		$this->outbox = $outbox;
		$this->orders = $orders;
	}

	public function register(): void {
		add_action( 'woocommerce_new_order', [ $this, 'on_new_order' ], 10, 2 );
		add_action( 'woocommerce_update_order', [ $this, 'on_update_order' ], 10, 2 );
		add_action( 'woocommerce_order_status_changed', [ $this, 'on_status_changed' ], 10, 4 );
		add_action( 'woocommerce_saved_order_items', [ $this, 'on_items_saved' ], 10, 1 );
	}

	/**
	 * @internal Hook callback (wp-admin's order item editor, HPOS and posts storage alike).
	 * @param mixed $order_id
	 */
	public function on_items_saved( $order_id ): void {
		$this->record( (int) $order_id, null, 'order.items_saved' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $order_id
	 * @param mixed $order WC_Order since WooCommerce 5.x; looked up when absent.
	 */
	public function on_new_order( $order_id, $order = null ): void {
		$this->record( (int) $order_id, $order, 'order.created' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $order_id
	 * @param mixed $order
	 */
	public function on_update_order( $order_id, $order = null ): void {
		$this->record( (int) $order_id, $order, 'order.updated' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $order_id
	 * @param mixed $from
	 * @param mixed $to
	 * @param mixed $order
	 */
	public function on_status_changed( $order_id, $from, $to, $order = null ): void {
		$this->record( (int) $order_id, $order, 'order.status.' . (string) $to );
	}

	/**
	 * @param mixed $order
	 */
	private function record( int $order_id, $order, string $event ): void {
		// A refund is a WC_Abstract_Order too and some paths fire order hooks for it: refunds have their own kind.
		if ( $order instanceof \WC_Order_Refund ) {
			return;
		}
		if ( ! $order instanceof \WC_Order ) {
			$order = $this->orders->find_order( $order_id );
		}
		if ( null === $order || ! CapturePolicy::captures_order_status( (string) $order->get_status() ) ) {
			return;
		}
		$this->outbox->record( 'order', (int) $order->get_id(), $event );
	}
}
