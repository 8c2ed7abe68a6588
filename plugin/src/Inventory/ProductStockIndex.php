<?php
/**
 * Finds the WooCommerce products of a page of GP item numbers, in one query.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

use GPSync\Settings\SettingsKeys;

/**
 * A product's GP item number is its `_gpsync_item_number` meta when set, else its SKU (SPEC §3 "Products").
 * One UNION query per page reads both ways in and, for each product found, what the skip decision needs
 * from wc_product_meta_lookup, which WooCommerce updates with every stock write: stock_quantity (NULL when
 * the product does not manage its own stock) and stock_status. Unchanged products are skipped without
 * loading them. SKUs are found through the lookup table's sku index; the item number meta through
 * postmeta's meta_key index.
 */
class ProductStockIndex {

	/**
	 * @param list<string> $item_numbers GP item numbers of one page
	 * @return array<string, list<ProductStock>> keyed by normalised item number (see key())
	 */
	public function find( array $item_numbers ): array {
		global $wpdb;
		$wanted = [];
		foreach ( $item_numbers as $number ) {
			$key = self::key( $number );
			if ( '' !== $key ) {
				$wanted[ $key ] = $number;
			}
		}
		if ( [] === $wanted ) {
			return [];
		}
		$values       = array_values( array_map( 'strval', array_keys( $wanted ) ) );
		$placeholders = implode( ', ', array_fill( 0, count( $values ), '%s' ) );
		$lookup       = $wpdb->prefix . 'wc_product_meta_lookup';
		$columns      = 'p.ID AS id, p.post_type AS post_type, l.sku AS sku, inum.meta_value AS item_meta, l.stock_quantity AS stock, l.stock_status AS stock_status FROM %FROM%';
		$by_sku       = str_replace( '%FROM%', "$lookup l JOIN {$wpdb->posts} p ON p.ID = l.product_id LEFT JOIN {$wpdb->postmeta} inum ON inum.post_id = p.ID AND inum.meta_key = '" . SettingsKeys::META_ITEM_NUMBER . "'", $columns );
		$by_meta      = str_replace( '%FROM%', "{$wpdb->postmeta} inum JOIN {$wpdb->posts} p ON p.ID = inum.post_id LEFT JOIN $lookup l ON l.product_id = p.ID", $columns );
		$live         = "p.post_type IN ('product', 'product_variation') AND p.post_status NOT IN ('trash', 'auto-draft')";
		$sql          = "SELECT $by_sku WHERE l.sku IN ($placeholders) AND $live
			UNION SELECT $by_meta WHERE inum.meta_key = '" . SettingsKeys::META_ITEM_NUMBER . "' AND inum.meta_value IN ($placeholders) AND $live";
		$rows         = $wpdb->get_results( $wpdb->prepare( $sql, array_merge( $values, $values ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table names are WordPress's, values are placeholders; a page must be one query.
		if ( '' !== $wpdb->last_error ) {
			throw new \RuntimeException( 'Reading products for inventory failed: ' . $wpdb->last_error );
		}

		$found = [];
		$seen  = [];
		foreach ( is_array( $rows ) ? $rows : [] as $row ) {
			$id = (int) $row['id'];
			if ( isset( $seen[ $id ] ) ) {
				continue;
			}
			$seen[ $id ] = true;
			// The meta wins over the SKU: a product whose meta names another item is not this SKU's product.
			$meta   = self::key( (string) $row['item_meta'] );
			$number = '' !== $meta ? $meta : self::key( (string) $row['sku'] );
			if ( ! isset( $wanted[ $number ] ) ) {
				continue;
			}
			// WooCommerce keeps stock_quantity NULL in the lookup table for products that do not manage their own stock.
			$found[ $number ][] = new ProductStock(
				$id,
				'product_variation' === $row['post_type'],
				null !== $row['stock'],
				null === $row['stock'] ? null : (string) $row['stock'],
				(string) $row['stock_status']
			);
		}
		return $found;
	}

	/** GP item numbers are upper case and blank-padded; SKUs may be typed in any case. */
	public static function key( string $item_number ): string {
		return strtoupper( trim( $item_number ) );
	}
}
