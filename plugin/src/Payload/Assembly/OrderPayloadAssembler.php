<?php
/**
 * The order payload (bridge/src/contracts/order.ts) from plain WooCommerce data.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * Input is exactly what WooCommerce hands over: WC_Order::get_data() (dates may be WC_DateTime or ISO strings,
 * meta_data arrays or WC_Meta_Data) and each item's get_data() grouped by type. Needs no WordPress, so the
 * 24 real WooCommerce 9.4 orders in tests/fixtures test it in plain PHP.
 */
final class OrderPayloadAssembler {

	/**
	 * @param array<string,mixed>                    $order_data    WC_Order::get_data() (its item arrays are ignored).
	 * @param array<string,list<array<string,mixed>>> $items_by_type line_items, shipping_lines, fee_lines, coupon_lines, tax_lines.
	 * @param array<string,mixed>                    $customer      a customer payload (CustomerPayloadAssembler).
	 * @param array<int,string>                      $skus          SKU by line item id.
	 * @param string                                 $order_number  WC_Order::get_order_number().
	 * @param string[]                               $meta_keys     order meta keys the mapping profile selects.
	 * @param array<int,string>                      $item_numbers  explicit GP item number by line item id.
	 * @return array<string,mixed>
	 */
	public static function from_order_data( array $order_data, array $items_by_type, array $customer, array $skus, string $order_number, array $meta_keys, array $item_numbers = [] ): array {
		return [
			'schema_version'     => 1,
			'woo_order_id'       => (int) $order_data['id'],
			'order_number'       => '' !== $order_number ? $order_number : (string) $order_data['id'],
			'status'             => self::status( (string) ( $order_data['status'] ?? '' ) ),
			'currency'           => (string) ( $order_data['currency'] ?? '' ),
			'prices_include_tax' => (bool) ( $order_data['prices_include_tax'] ?? false ),
			'created_at'         => IsoDate::required( $order_data['date_created'] ?? null, 'date_created' ),
			'completed_at'       => IsoDate::of( $order_data['date_completed'] ?? null ),
			'customer'           => $customer,
			'billing'            => AddressAssembler::from_array( self::address( $order_data, 'billing' ) ),
			'shipping'           => AddressAssembler::from_array( self::address( $order_data, 'shipping' ) ),
			'payment'            => [
				'method'         => (string) ( $order_data['payment_method'] ?? '' ),
				'method_title'   => (string) ( $order_data['payment_method_title'] ?? '' ),
				'transaction_id' => (string) ( $order_data['transaction_id'] ?? '' ),
				'paid_at'        => IsoDate::of( $order_data['date_paid'] ?? null ),
			],
			'lines'              => OrderItemsAssembler::lines( $items_by_type['line_items'] ?? [], $skus, $item_numbers ),
			'shipping_lines'     => OrderItemsAssembler::shipping( $items_by_type['shipping_lines'] ?? [] ),
			'fees'               => OrderItemsAssembler::fees( $items_by_type['fee_lines'] ?? [] ),
			'coupons'            => OrderItemsAssembler::coupons( $items_by_type['coupon_lines'] ?? [] ),
			'tax_lines'          => OrderItemsAssembler::tax_lines( $items_by_type['tax_lines'] ?? [] ),
			'totals'             => [
				'discount_total' => DecimalString::of( $order_data['discount_total'] ?? '0' ),
				'discount_tax'   => DecimalString::of( $order_data['discount_tax'] ?? '0' ),
				'shipping_total' => DecimalString::of( $order_data['shipping_total'] ?? '0' ),
				'shipping_tax'   => DecimalString::of( $order_data['shipping_tax'] ?? '0' ),
				'cart_tax'       => DecimalString::of( $order_data['cart_tax'] ?? '0' ),
				'total_tax'      => DecimalString::of( $order_data['total_tax'] ?? '0' ),
				'total'          => DecimalString::of( $order_data['total'] ?? '0' ),
			],
			'customer_note'      => (string) ( $order_data['customer_note'] ?? '' ),
			'meta'               => MetaSelector::to_map( MetaSelector::select( OrderItemsAssembler::meta_entries( $order_data ), $meta_keys ) ),
		];
	}

	/**
	 * WooCommerce's status without the `wc-` prefix posts storage keeps on some paths.
	 */
	public static function status( string $status ): string {
		return 0 === strpos( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
	}

	/**
	 * @param array<string,mixed> $order_data
	 * @return array<string,mixed>
	 */
	private static function address( array $order_data, string $type ): array {
		return is_array( $order_data[ $type ] ?? null ) ? $order_data[ $type ] : [];
	}
}
