<?php
/**
 * An order's items (lines, shipping, fees, coupons, tax lines) in the contract's shape.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * Every figure is WooCommerce's stored figure, untouched: GP totals are built from them (SPEC §3), never
 * recomputed. Inputs are WC_Order_Item::get_data() arrays.
 */
final class OrderItemsAssembler {

	/**
	 * @param list<array<string,mixed>> $items line_item data.
	 * @param array<int,string>         $skus         SKU by item id (the product's SKU; "" when it has none).
	 * @param array<int,string>         $item_numbers explicit GP item number by item id ("" or absent when none).
	 * @return list<array<string,mixed>>
	 */
	public static function lines( array $items, array $skus, array $item_numbers = [] ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$id      = (int) $item['id'];
			$lines[] = [
				'woo_item_id'    => $id,
				'product_id'     => (int) ( $item['product_id'] ?? 0 ),
				'variation_id'   => (int) ( $item['variation_id'] ?? 0 ),
				'sku'            => $skus[ $id ] ?? '',
				'gp_item_number' => $item_numbers[ $id ] ?? '',
				'name'           => (string) ( $item['name'] ?? '' ),
				'quantity'       => DecimalString::of( $item['quantity'] ?? 0 ),
				'tax_class'      => (string) ( $item['tax_class'] ?? '' ),
				'subtotal'       => DecimalString::of( $item['subtotal'] ?? '0' ),
				'subtotal_tax'   => DecimalString::of( $item['subtotal_tax'] ?? '0' ),
				'total'          => DecimalString::of( $item['total'] ?? '0' ),
				'total_tax'      => DecimalString::of( $item['total_tax'] ?? '0' ),
				'taxes'          => ItemTaxes::from_item( $item ),
				'meta'           => MetaSelector::to_map( MetaSelector::visible( self::meta_entries( $item ) ) ),
			];
		}
		return $lines;
	}

	/**
	 * @param list<array<string,mixed>> $items shipping item data.
	 * @return list<array<string,mixed>>
	 */
	public static function shipping( array $items ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$lines[] = [
				'woo_item_id'  => (int) $item['id'],
				'method_id'    => (string) ( $item['method_id'] ?? '' ),
				'instance_id'  => (string) ( $item['instance_id'] ?? '' ),
				'method_title' => (string) ( $item['method_title'] ?? '' ),
				'total'        => DecimalString::of( $item['total'] ?? '0' ),
				'total_tax'    => DecimalString::of( $item['total_tax'] ?? '0' ),
				'taxes'        => ItemTaxes::from_item( $item ),
			];
		}
		return $lines;
	}

	/**
	 * @param list<array<string,mixed>> $items fee item data.
	 * @return list<array<string,mixed>>
	 */
	public static function fees( array $items ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$tax_status = (string) ( $item['tax_status'] ?? '' );
			$lines[]    = [
				'woo_item_id' => (int) $item['id'],
				'name'        => (string) ( $item['name'] ?? '' ),
				'tax_class'   => (string) ( $item['tax_class'] ?? '' ),
				'tax_status'  => '' === $tax_status ? 'taxable' : $tax_status,
				'total'       => DecimalString::of( $item['total'] ?? '0' ),
				'total_tax'   => DecimalString::of( $item['total_tax'] ?? '0' ),
				'taxes'       => ItemTaxes::from_item( $item ),
			];
		}
		return $lines;
	}

	/**
	 * @param list<array<string,mixed>> $items coupon item data.
	 * @return list<array<string,mixed>>
	 */
	public static function coupons( array $items ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$lines[] = [
				'code'         => (string) ( $item['code'] ?? '' ),
				'discount'     => DecimalString::of( $item['discount'] ?? '0' ),
				'discount_tax' => DecimalString::of( $item['discount_tax'] ?? '0' ),
			];
		}
		return $lines;
	}

	/**
	 * @param list<array<string,mixed>> $items tax item data.
	 * @return list<array<string,mixed>>
	 */
	public static function tax_lines( array $items ): array {
		$lines = [];
		foreach ( $items as $item ) {
			$lines[] = [
				'rate_id'            => (int) ( $item['rate_id'] ?? 0 ),
				'rate_code'          => (string) ( $item['rate_code'] ?? '' ),
				'label'              => (string) ( $item['label'] ?? '' ),
				'compound'           => (bool) ( $item['compound'] ?? false ),
				'rate_percent'       => DecimalString::nullable( $item['rate_percent'] ?? null ),
				'tax_total'          => DecimalString::of( $item['tax_total'] ?? '0' ),
				'shipping_tax_total' => DecimalString::of( $item['shipping_tax_total'] ?? '0' ),
			];
		}
		return $lines;
	}

	/**
	 * @param array<string,mixed> $item
	 * @return iterable<mixed>
	 */
	public static function meta_entries( array $item ): iterable {
		return is_iterable( $item['meta_data'] ?? null ) ? $item['meta_data'] : [];
	}
}
