<?php
/**
 * Which entities a queue search names by e-mail, SKU or GP item number.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Exception\OutboxQueryFailed;

/**
 * The outbox stores only kind + entity id, so a search for "ada@example.com" or "HOODIE-BLUE" is first turned
 * into the entity ids it names, each by one bounded, indexed query on WordPress/WooCommerce tables; the outbox is
 * then filtered by kind + entity id (its kind_entity key). Matching is exact (case-insensitive through the
 * tables' collation): the search text is a value, never a pattern, so "%" or "_" find only what they spell.
 *
 * - e-mail: the customer whose account has it; orders billed to it; refunds of those orders.
 * - anything else: products and variations whose SKU or GP item number (`_gpsync_item_number`) it is (a
 *   variation's own rows, as variations are queued on their own); orders and refunds with a line of one of them.
 *
 * Orders are read from HPOS (`wc_orders`) or from posts, whichever WooCommerce uses; order lines are order
 * items in both storages.
 */
final class QueueSearchTargets {

	/** At most this many entities per kind: a SKU on 40,000 orders lists the rows of the newest MAX_IDS. */
	public const MAX_IDS = 500;

	/** Longest value worth looking up (the REST route already caps the search at 64 characters). */
	private const MAX_LENGTH = 100;

	/**
	 * @return array<string, list<int>> kind => entity ids; kinds with none are left out
	 */
	public function resolve( string $search ): array {
		$search = trim( $search );
		if ( '' === $search || strlen( $search ) > self::MAX_LENGTH ) {
			return [];
		}
		$targets = is_email( $search ) ? $this->by_email( $search ) : $this->by_item( $search );
		return array_filter( array_map( [ self::class, 'bounded' ], $targets ) );
	}

	/** @return array<string, list<int>> */
	private function by_email( string $email ): array {
		global $wpdb;
		$customers = $this->ids( $wpdb->prepare( "SELECT ID FROM {$wpdb->users} WHERE user_email = %s ORDER BY ID DESC LIMIT %d", $email, self::MAX_IDS ) );
		if ( $this->hpos() ) {
			$orders = $this->ids( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}wc_orders WHERE billing_email = %s AND type = 'shop_order' ORDER BY id DESC LIMIT %d", $email, self::MAX_IDS ) );
		} else {
			$orders = $this->ids( $wpdb->prepare( "SELECT p.ID FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id AND p.post_type = 'shop_order' WHERE m.meta_key = '_billing_email' AND m.meta_value = %s ORDER BY p.ID DESC LIMIT %d", $email, self::MAX_IDS ) );
		}
		return [
			'customer' => $customers,
			'order'    => $orders,
			'refund'   => $this->refunds_of( $orders ),
		];
	}

	/** @return array<string, list<int>> */
	private function by_item( string $item ): array {
		global $wpdb;
		$products = $this->ids( $wpdb->prepare( "SELECT p.ID FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id AND p.post_type IN ('product','product_variation') WHERE m.meta_key IN ('_sku','_gpsync_item_number') AND m.meta_value = %s ORDER BY p.ID DESC LIMIT %d", $item, self::MAX_IDS ) );
		if ( [] === $products ) {
			return [];
		}
		// meta_value is text: compared with text, not numbers, so MySQL does not cast every row.
		$as_text = self::in_list( $products, '%s' );
		// A refund's lines are order items of the refund, so these ids are orders and refunds alike; each id
		// belongs to one of them, and an order id listed among refunds simply matches no refund row.
		$with_line = $this->ids( $wpdb->prepare( "SELECT DISTINCT i.order_id FROM {$wpdb->prefix}woocommerce_order_itemmeta im JOIN {$wpdb->prefix}woocommerce_order_items i ON i.order_item_id = im.order_item_id AND i.order_item_type = 'line_item' WHERE im.meta_key IN ('_product_id','_variation_id') AND im.meta_value IN ($as_text) ORDER BY i.order_id DESC LIMIT %d", array_merge( array_map( 'strval', $products ), [ self::MAX_IDS ] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- $as_text is %s placeholders.
		return [
			'product' => $products,
			'order'   => $with_line,
			'refund'  => $with_line,
		];
	}

	/**
	 * @param list<int> $orders
	 * @return list<int>
	 */
	private function refunds_of( array $orders ): array {
		if ( [] === $orders ) {
			return [];
		}
		global $wpdb;
		$in  = self::in_list( $orders, '%d' );
		$sql = $this->hpos()
			? "SELECT id FROM {$wpdb->prefix}wc_orders WHERE type = 'shop_order_refund' AND parent_order_id IN ($in) ORDER BY id DESC LIMIT %d"
			: "SELECT ID FROM {$wpdb->posts} WHERE post_type = 'shop_order_refund' AND post_parent IN ($in) ORDER BY ID DESC LIMIT %d";
		return $this->ids( $wpdb->prepare( $sql, array_merge( $orders, [ self::MAX_IDS ] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- $sql holds only %d placeholders.
	}

	private function hpos(): bool {
		return class_exists( '\Automattic\WooCommerce\Utilities\OrderUtil' )
			&& \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	}

	/** @return list<int> */
	private function ids( string $prepared_sql ): array {
		global $wpdb;
		$ids = $wpdb->get_col( $prepared_sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared by the caller.
		if ( '' !== (string) $wpdb->last_error ) {
			throw OutboxQueryFailed::from_wpdb( 'select', (string) $wpdb->last_error );
		}
		return array_values( array_map( 'intval', $ids ) );
	}

	/** @param list<int> $ids */
	private static function in_list( array $ids, string $placeholder ): string {
		return implode( ',', array_fill( 0, count( $ids ), $placeholder ) );
	}

	/**
	 * @param list<int> $ids
	 * @return list<int>
	 */
	private static function bounded( array $ids ): array {
		return array_slice( array_values( array_unique( array_filter( $ids ) ) ), 0, self::MAX_IDS );
	}
}
