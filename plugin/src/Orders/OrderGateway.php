<?php
/**
 * The plugin's only door to WooCommerce orders and refunds (HPOS-safe: CRUD only).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Orders;

/**
 * Public methods take ids. Meta goes through update_meta_data() and one save(), never post meta functions,
 * so it works with HPOS on or off.
 */
class OrderGateway {

	public function is_available(): bool {
		return function_exists( 'wc_get_order' );
	}

	/** @param array<string,string> $meta */
	public function update_meta( int $order_id, array $meta, string $note = '' ): bool {
		$order = $this->is_available() ? wc_get_order( $order_id ) : false;
		if ( ! $order instanceof \WC_Abstract_Order ) {
			return false;
		}
		foreach ( $meta as $key => $value ) {
			$order->update_meta_data( $key, $value );
		}
		$order->save();
		if ( '' !== $note ) {
			$this->add_note( $order, $note );
		}
		return true;
	}

	public function meta( int $order_id, string $key ): string {
		$order = $this->is_available() ? wc_get_order( $order_id ) : false;
		return $order instanceof \WC_Abstract_Order ? (string) $order->get_meta( $key ) : '';
	}

	/** The order with this id; null for a refund id, a missing id, or without WooCommerce. */
	public function find_order( int $order_id ): ?\WC_Order {
		$order = $this->load( $order_id );
		return $order instanceof \WC_Order ? $order : null;
	}

	/** The refund with this id; null for an order id (wc_get_order() returns either kind for any id). */
	public function find_refund( int $refund_id ): ?\WC_Order_Refund {
		$refund = $this->load( $refund_id );
		return $refund instanceof \WC_Order_Refund ? $refund : null;
	}

	private function load( int $id ): ?\WC_Abstract_Order {
		if ( $id <= 0 || ! $this->is_available() ) {
			return null;
		}
		$order = wc_get_order( $id );
		return $order instanceof \WC_Abstract_Order ? $order : null;
	}

	public function exists( int $order_id ): bool {
		return $this->is_available() && wc_get_order( $order_id ) instanceof \WC_Abstract_Order;
	}

	/**
	 * Ids of orders created on or after $from (Y-m-d), oldest first, one page at a time.
	 *
	 * @return list<int>
	 */
	public function ids_created_since( string $from, int $page, int $per_page ): array {
		if ( ! function_exists( 'wc_get_orders' ) ) {
			return [];
		}
		$ids    = wc_get_orders(
			[
				'type'         => 'shop_order',
				'date_created' => '>=' . $from,
				'orderby'      => 'ID',
				'order'        => 'ASC',
				'limit'        => $per_page,
				'paged'        => $page,
				'return'       => 'ids',
			]
		);
		$result = [];
		foreach ( is_array( $ids ) ? $ids : [] as $id ) {
			$result[] = is_numeric( $id ) ? (int) $id : 0;
		}
		return array_values( array_filter( $result ) );
	}

	/**
	 * Meta keys found on the most recent orders (the Mappings tab's picker), sorted. Keys starting with an
	 * underscore are WooCommerce's or plugins' internals, except checkout fields' (`_billing_…`) which
	 * stores map; ours (`_gpsync_…`) are left out.
	 *
	 * @return list<string>
	 */
	public function recent_meta_keys( int $orders ): array {
		if ( ! function_exists( 'wc_get_orders' ) ) {
			return [];
		}
		$found = wc_get_orders(
			[
				'type'    => 'shop_order',
				'limit'   => $orders,
				'orderby' => 'date',
				'order'   => 'DESC',
			]
		);
		$keys  = [];
		foreach ( is_array( $found ) ? $found : [] as $order ) {
			if ( ! $order instanceof \WC_Order ) {
				continue;
			}
			foreach ( $order->get_meta_data() as $meta ) {
				$key = (string) $meta->key;
				if ( '' !== $key && 0 !== strpos( $key, '_gpsync_' ) && ( '_' !== $key[0] || 0 === strpos( $key, '_billing_' ) || 0 === strpos( $key, '_shipping_' ) ) ) {
					$keys[ $key ] = true;
				}
			}
		}
		$list = array_map( 'strval', array_keys( $keys ) );
		sort( $list );
		return $list;
	}

	/** Notes go on the order a human looks at: a refund's note goes on its parent order. */
	private function add_note( \WC_Abstract_Order $order, string $note ): void {
		if ( $order instanceof \WC_Order_Refund ) {
			$parent = wc_get_order( $order->get_parent_id() );
			if ( $parent instanceof \WC_Order ) {
				$parent->add_order_note( $note );
			}
			return;
		}
		if ( $order instanceof \WC_Order ) {
			$order->add_order_note( $note );
		}
	}
}
