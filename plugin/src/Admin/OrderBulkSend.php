<?php
/**
 * The orders list's bulk action "Send to GP" (HPOS and posts storage).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Orders\OrderGateway;
use GPSync\Settings\Capability;

/**
 * WordPress and WooCommerce check the list's nonce (bulk-orders / bulk-posts) before the handle filter runs;
 * this checks the capability. Each order goes through OrderSender (a dead letter is retried, anything else
 * enqueued), and the list reloads with a notice saying how many were queued.
 */
final class OrderBulkSend implements Registerable {

	public const ACTION = 'gpsync_send_to_gp';
	/** Query argument carrying the count back to the list after the redirect. */
	public const RESULT_ARG = 'gpsync_sent';

	private OrderSender $sender;
	private OrderGateway $orders;

	public function __construct( OrderSender $sender, OrderGateway $orders ) {
		$this->sender = $sender;
		$this->orders = $orders;
	}

	public function register(): void {
		foreach ( [ 'woocommerce_page_wc-orders', 'edit-shop_order' ] as $screen ) {
			add_filter( 'bulk_actions-' . $screen, [ $this, 'actions' ] );
			add_filter( 'handle_bulk_actions-' . $screen, [ $this, 'handle' ], 10, 3 );
		}
		add_action( 'admin_notices', [ $this, 'notice' ] );
		add_filter( 'removable_query_args', [ $this, 'removable' ] );
	}

	/**
	 * The count is shown once: WordPress strips it from the address bar after the page loads.
	 *
	 * @internal
	 * @param list<string> $args
	 * @return list<string>
	 */
	public function removable( $args ): array {
		$args   = array_values( (array) $args );
		$args[] = self::RESULT_ARG;
		return $args;
	}

	/**
	 * @internal
	 * @param array<string,string> $actions
	 * @return array<string,string>
	 */
	public function actions( $actions ): array {
		$actions = (array) $actions;
		if ( Capability::current_user_can_manage() ) {
			$actions[ self::ACTION ] = __( 'Send to GP', 'gp-sync-for-woocommerce' );
		}
		return $actions;
	}

	/**
	 * @internal
	 * @param string          $redirect_to
	 * @param string          $action
	 * @param array<int|string> $ids
	 */
	public function handle( $redirect_to, $action, $ids ): string {
		if ( self::ACTION !== $action || ! Capability::current_user_can_manage() ) {
			return (string) $redirect_to;
		}
		$sent = 0;
		foreach ( array_unique( array_map( 'absint', (array) $ids ) ) as $order_id ) {
			if ( null !== $this->orders->find_order( $order_id ) ) {
				$this->sender->send( $order_id );
				++$sent;
			}
		}
		return add_query_arg( self::RESULT_ARG, $sent, (string) $redirect_to );
	}

	/** @internal */
	public function notice(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a count to display, no state change.
		if ( ! isset( $_GET[ self::RESULT_ARG ] ) || ! Capability::current_user_can_manage() ) {
			return;
		}
		$count = absint( wp_unslash( $_GET[ self::RESULT_ARG ] ) ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		/* translators: %d: number of orders */
		$message = sprintf( _n( '%d order queued for Dynamics GP.', '%d orders queued for Dynamics GP.', $count, 'gp-sync-for-woocommerce' ), $count );
		printf( '<div class="notice notice-success is-dismissible" role="status"><p>%s</p></div>', esc_html( $message ) );
	}
}
