<?php
/**
 * Turns WooCommerce order objects into the plain arrays the assemblers take.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Source;

use GPSync\Products\ItemNumbers;

/**
 * The get_data() of the order and of each item, exactly as WooCommerce returns them (strings for money, WC_DateTime
 * for dates, WC_Meta_Data for meta: the assemblers accept those). The only things added are each line's SKU
 * and explicit GP item number, which WooCommerce keeps on the product, not on the line.
 */
class OrderDataReader {

	private ItemNumbers $item_numbers;

	public function __construct( ?ItemNumbers $item_numbers = null ) {
		$this->item_numbers = $item_numbers ?? new ItemNumbers();
	}

	public const ORDER_ITEM_TYPES  = [
		'line_items'     => 'line_item',
		'shipping_lines' => 'shipping',
		'fee_lines'      => 'fee',
		'coupon_lines'   => 'coupon',
		'tax_lines'      => 'tax',
	];
	public const REFUND_ITEM_TYPES = [
		'line_items'     => 'line_item',
		'shipping_lines' => 'shipping',
		'fee_lines'      => 'fee',
	];

	/**
	 * @return array<string,mixed>
	 */
	public function data( \WC_Abstract_Order $order ): array {
		$data = $order->get_data();
		// The item lists are passed separately (items_by_type); the meta objects stay, MetaSelector reads them.
		foreach ( array_keys( self::ORDER_ITEM_TYPES ) as $key ) {
			unset( $data[ $key ] );
		}
		return $data;
	}

	/**
	 * @param array<string,string> $types key in the assembler input => WooCommerce item type.
	 * @return array<string,list<array<string,mixed>>>
	 */
	public function items_by_type( \WC_Abstract_Order $order, array $types ): array {
		$result = [];
		foreach ( $types as $key => $type ) {
			$result[ $key ] = [];
			foreach ( $order->get_items( $type ) as $item ) {
				$result[ $key ][] = $item->get_data();
			}
		}
		return $result;
	}

	/**
	 * SKU of each line's product (the variation's own SKU, or the parent's it inherits); "" when the product
	 * has none or no longer exists.
	 *
	 * @return array<int,string>
	 */
	public function skus( \WC_Abstract_Order $order ): array {
		$skus = [];
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$product                       = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
			$skus[ (int) $item->get_id() ] = $product instanceof \WC_Product ? (string) $product->get_sku() : '';
		}
		return $skus;
	}

	/**
	 * Explicit GP item number of each line's product: a variation's own, never its parent's (a variation
	 * without one is sent by SKU, as before); "" when none or the product no longer exists.
	 *
	 * @return array<int,string>
	 */
	public function item_numbers( \WC_Abstract_Order $order ): array {
		$numbers = [];
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$product                          = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
			$numbers[ (int) $item->get_id() ] = $product instanceof \WC_Product ? $this->item_numbers->explicit( $product ) : '';
		}
		return $numbers;
	}
}
