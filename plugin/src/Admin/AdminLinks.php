<?php
/**
 * Where in wp-admin the store owner fixes things.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

/**
 * URLs of the GP Sync screens (WooCommerce → GP Sync, page slug `gp-sync`, tab in the query string) and of the
 * WooCommerce screens a dead letter points to. Raw URLs: callers escape them where they print them.
 */
final class AdminLinks {

	public const PAGE_SLUG = 'gp-sync';

	/** @param array<string,string|int> $args more query arguments */
	public static function tab( string $tab, array $args = [] ): string {
		return add_query_arg(
			[
				'page' => self::PAGE_SLUG,
				'tab'  => $tab,
			] + $args,
			admin_url( 'admin.php' )
		);
	}

	public static function queue_message( int $row_id ): string {
		return self::tab( 'queue', [ 'message' => $row_id ] );
	}

	/** The edit screen of a product; a variation's is its parent's (variations have no screen of their own). */
	public static function product( \WC_Product $product ): string {
		$id = $product->is_type( 'variation' ) ? $product->get_parent_id() : $product->get_id();
		return (string) get_edit_post_link( $id, 'raw' );
	}

	/** The order's edit screen under HPOS or posts storage. */
	public static function order( \WC_Order $order ): string {
		return $order->get_edit_order_url();
	}
}
