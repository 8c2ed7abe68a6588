<?php
/**
 * The "GP" column of the orders list (HPOS and posts storage).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;

/**
 * One short, escaped line per order (StatusText::short_html), placed after the status column. Shown only to
 * users who can manage GP Sync.
 */
final class OrderListColumn implements Registerable {

	public const COLUMN = 'gpsync_gp';

	private OrderStanding $statuses;

	public function __construct( OrderStanding $statuses ) {
		$this->statuses = $statuses;
	}

	public function register(): void {
		// HPOS list table (admin.php?page=wc-orders).
		add_filter( 'manage_woocommerce_page_wc-orders_columns', [ $this, 'columns' ] );
		add_action( 'manage_woocommerce_page_wc-orders_custom_column', [ $this, 'render_hpos' ], 10, 2 );
		// Posts storage (edit.php?post_type=shop_order).
		add_filter( 'manage_edit-shop_order_columns', [ $this, 'columns' ] );
		add_action( 'manage_shop_order_posts_custom_column', [ $this, 'render_post' ], 10, 2 );
	}

	/**
	 * @internal
	 * @param array<string,string> $columns
	 * @return array<string,string>
	 */
	public function columns( $columns ): array {
		$columns = (array) $columns;
		if ( ! Capability::current_user_can_manage() ) {
			return $columns;
		}
		$result = [];
		foreach ( $columns as $key => $label ) {
			$result[ $key ] = $label;
			if ( 'order_status' === $key ) {
				$result[ self::COLUMN ] = __( 'GP', 'gp-sync-for-woocommerce' );
			}
		}
		if ( ! isset( $result[ self::COLUMN ] ) ) {
			$result[ self::COLUMN ] = __( 'GP', 'gp-sync-for-woocommerce' );
		}
		return $result;
	}

	/**
	 * @internal
	 * @param string          $column
	 * @param \WC_Order|mixed $order
	 */
	public function render_hpos( $column, $order ): void {
		if ( self::COLUMN === $column && $order instanceof \WC_Order ) {
			echo $this->cell( $order->get_id() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- cell() escapes.
		}
	}

	/**
	 * @internal
	 * @param string     $column
	 * @param int|string $post_id
	 */
	public function render_post( $column, $post_id ): void {
		if ( self::COLUMN === $column ) {
			echo $this->cell( (int) $post_id ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- cell() escapes.
		}
	}

	public function cell( int $order_id ): string {
		$status = $this->statuses->for_order( $order_id );
		return null === $status ? '' : StatusText::short_html( $status );
	}
}
