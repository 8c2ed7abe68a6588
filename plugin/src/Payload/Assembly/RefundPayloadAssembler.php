<?php
/**
 * The refund payload (bridge/src/contracts/refund.ts) from plain WooCommerce data.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * WooCommerce stores a refund's items as negative copies of the order's items, linked by `_refunded_item_id`.
 * The payload carries magnitudes (positive), so the bridge never flips signs, and the link to the order item.
 * `amount` is what was refunded, whatever its items say: an amount-only refund has no items at all.
 */
final class RefundPayloadAssembler {

	/**
	 * @param array<string,mixed>                     $refund_data   WC_Order_Refund::get_data().
	 * @param array<string,list<array<string,mixed>>> $items_by_type the refund's line_items, shipping_lines, fee_lines.
	 * @param array<string,mixed>                     $order_data    the refunded order's get_data() (addresses, currency).
	 * @param array<string,mixed>                     $customer      the order's customer payload.
	 * @param array<int,string>                       $skus          SKU by item id (refund items or the order items they refund).
	 * @param string[]                                $meta_keys     refund meta keys the mapping profile selects.
	 * @param array<int,string>                       $item_numbers  explicit GP item number by item id (refund items or the order items they refund).
	 * @return array<string,mixed>
	 */
	public static function from_refund_data( array $refund_data, array $items_by_type, array $order_data, array $customer, array $skus, string $order_number, array $meta_keys, array $item_numbers = [] ): array {
		$amount = $refund_data['amount'] ?? '';
		// `amount` is stored positive; `total` is its negative twin, used only if amount is missing.
		$amount = '' === $amount ? ( $refund_data['total'] ?? '0' ) : $amount;
		return [
			'schema_version' => 1,
			'woo_refund_id'  => (int) $refund_data['id'],
			'woo_order_id'   => (int) $order_data['id'],
			'order_number'   => '' !== $order_number ? $order_number : (string) $order_data['id'],
			'created_at'     => IsoDate::required( $refund_data['date_created'] ?? null, 'date_created' ),
			'currency'       => (string) ( $refund_data['currency'] ?? $order_data['currency'] ?? '' ),
			'amount'         => DecimalString::magnitude( $amount ),
			'reason'         => (string) ( $refund_data['reason'] ?? '' ),
			'customer'       => $customer,
			'billing'        => AddressAssembler::from_array( is_array( $order_data['billing'] ?? null ) ? $order_data['billing'] : [] ),
			'shipping'       => AddressAssembler::from_array( is_array( $order_data['shipping'] ?? null ) ? $order_data['shipping'] : [] ),
			'lines'          => self::lines( $items_by_type['line_items'] ?? [], $skus, $item_numbers ),
			'shipping_lines' => self::amount_lines( $items_by_type['shipping_lines'] ?? [] ),
			'fees'           => self::amount_lines( $items_by_type['fee_lines'] ?? [] ),
			'meta'           => MetaSelector::to_map( MetaSelector::select( OrderItemsAssembler::meta_entries( $refund_data ), $meta_keys ) ),
		];
	}

	/**
	 * @param list<array<string,mixed>> $items
	 * @param array<int,string>         $skus
	 * @param array<int,string>         $item_numbers
	 * @return list<array<string,mixed>>
	 */
	private static function lines( array $items, array $skus, array $item_numbers ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$id       = (int) $item['id'];
			$refunded = self::refunded_item_id( $item );
			$lines[]  = [
				'woo_item_id'      => $id,
				'refunded_item_id' => $refunded,
				'product_id'       => (int) ( $item['product_id'] ?? 0 ),
				'variation_id'     => (int) ( $item['variation_id'] ?? 0 ),
				'sku'              => $skus[ $id ] ?? $skus[ $refunded ] ?? '',
				'gp_item_number'   => $item_numbers[ $id ] ?? $item_numbers[ $refunded ] ?? '',
				'name'             => (string) ( $item['name'] ?? '' ),
				'quantity'         => DecimalString::magnitude( $item['quantity'] ?? 0 ),
				'total'            => DecimalString::magnitude( $item['total'] ?? '0' ),
				'total_tax'        => DecimalString::magnitude( $item['total_tax'] ?? '0' ),
				'taxes'            => ItemTaxes::from_item( $item, true ),
			];
		}
		return $lines;
	}

	/**
	 * Shipping and fee refunds: an amount (and its taxes) against one order item.
	 *
	 * @param list<array<string,mixed>> $items
	 * @return list<array<string,mixed>>
	 */
	private static function amount_lines( array $items ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$lines[] = [
				'woo_item_id'      => (int) $item['id'],
				'refunded_item_id' => self::refunded_item_id( $item ),
				'name'             => (string) ( $item['name'] ?? '' ),
				'total'            => DecimalString::magnitude( $item['total'] ?? '0' ),
				'total_tax'        => DecimalString::magnitude( $item['total_tax'] ?? '0' ),
				'taxes'            => ItemTaxes::from_item( $item, true ),
			];
		}
		return $lines;
	}

	/**
	 * @param array<string,mixed> $item
	 * @throws \InvalidArgumentException When a refund item has no link to an order item (never in WooCommerce).
	 */
	private static function refunded_item_id( array $item ): int {
		$meta = MetaSelector::select( OrderItemsAssembler::meta_entries( $item ), [ '_refunded_item_id' ] );
		$id   = (int) ( $meta['_refunded_item_id'] ?? 0 );
		if ( $id <= 0 ) {
			throw new \InvalidArgumentException( sprintf( 'Refund item %d has no _refunded_item_id.', (int) $item['id'] ) );
		}
		return $id;
	}
}
