<?php
/**
 * The product payload (bridge/src/contracts/product.ts) from plain WooCommerce data.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * Input: WC_Product::get_data() (or the same keys from the REST API), the product type, its attributes
 * already resolved to names/labels/values (taxonomy term names; a variation's chosen value) and its meta.
 * The SKU goes out exactly as stored, however long (the bridge reports a SKU that does not fit GP; nothing here
 * truncates). `gp_item_number` is the product's explicit GP item number (`_gpsync_item_number`, put into the
 * data by the builder): when not empty GP uses it instead of the SKU.
 */
final class ProductPayloadAssembler {

	/**
	 * @param array<string,mixed>                                          $product_data WC_Product::get_data().
	 * @param list<array{name: string, label?: string, values?: string[]}> $attributes   resolved attributes.
	 * @param iterable<mixed>                                              $meta_entries meta_data entries.
	 * @param string[]                                                     $meta_keys    product meta keys the mapping profile selects.
	 * @return array<string,mixed>
	 */
	public static function from_product_data( array $product_data, string $type, array $attributes, iterable $meta_entries, array $meta_keys ): array {
		$parent_id = (int) ( $product_data['parent_id'] ?? 0 );
		return [
			'schema_version'    => 1,
			'woo_product_id'    => (int) $product_data['id'],
			'parent_id'         => $parent_id > 0 ? $parent_id : null,
			'type'              => '' !== $type ? $type : 'simple',
			'sku'               => (string) ( $product_data['sku'] ?? '' ),
			'gp_item_number'    => (string) ( $product_data['gp_item_number'] ?? '' ),
			'name'              => (string) ( $product_data['name'] ?? '' ),
			'short_description' => (string) ( $product_data['short_description'] ?? '' ),
			'status'            => (string) ( $product_data['status'] ?? 'publish' ),
			'regular_price'     => DecimalString::nullable( $product_data['regular_price'] ?? null ),
			'price'             => DecimalString::nullable( $product_data['price'] ?? null ),
			'manage_stock'      => (bool) ( $product_data['manage_stock'] ?? false ),
			'virtual'           => (bool) ( $product_data['virtual'] ?? false ),
			'weight'            => DecimalString::nullable( $product_data['weight'] ?? null ),
			'tax_status'        => (string) ( $product_data['tax_status'] ?? 'taxable' ),
			'tax_class'         => (string) ( $product_data['tax_class'] ?? '' ),
			'attributes'        => self::attributes( $attributes ),
			'meta'              => MetaSelector::to_map( MetaSelector::select( $meta_entries, $meta_keys ) ),
		];
	}

	/**
	 * @param list<array{name: string, label?: string, values?: string[]}> $attributes
	 * @return list<array{name: string, label: string, values: list<string>}>
	 */
	private static function attributes( array $attributes ): array {
		$result = [];
		foreach ( $attributes as $attribute ) {
			if ( '' === $attribute['name'] ) {
				continue; // The contract requires a name; WooCommerce never stores an unnamed attribute.
			}
			$result[] = [
				'name'   => $attribute['name'],
				'label'  => (string) ( $attribute['label'] ?? '' ),
				'values' => array_values( array_map( 'strval', $attribute['values'] ?? [] ) ),
			];
		}
		return $result;
	}
}
