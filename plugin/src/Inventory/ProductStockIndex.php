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
 * After its first sync nearly every product has the meta, and it almost always equals the SKU: such a
 * product is found through its SKU, by WooCommerce's lookup table and its sku index, one query per page.
 * Only the products whose number differs from their SKU (long or missing SKUs, numbers chosen by hand) need
 * the meta itself, and postmeta has no index on meta_value: reading them per page would scan every product's
 * meta once per page. They are read once per run (start_run()), usually a handful, and kept by number.
 *
 * For each product found, what the skip decision needs comes from wc_product_meta_lookup, which WooCommerce
 * updates with every stock write: stock_quantity (NULL when the product does not manage its own stock) and
 * stock_status. Unchanged products are skipped without loading them.
 */
class ProductStockIndex {

	/** @var array<string, list<int>>|null normalised explicit number → products whose SKU is another; null before start_run() */
	private ?array $divergent = null;

	/** Reads the products whose explicit number is not their SKU; call at the start of each run. */
	public function start_run(): void {
		global $wpdb;
		$lookup = $wpdb->prefix . 'wc_product_meta_lookup';
		// The comparison is the table's collation (case- and accent-insensitive): whatever it calls equal, the
		// per-page SKU query finds as well, so nothing falls between the two.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names are WordPress's.
		$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the index must see the database; one query per run.
			$wpdb->prepare(
				"SELECT STRAIGHT_JOIN inum.post_id, inum.meta_value FROM {$wpdb->postmeta} inum LEFT JOIN $lookup l ON l.product_id = inum.post_id
				WHERE inum.meta_key = %s AND inum.meta_value <> '' AND ( l.sku IS NULL OR l.sku <> inum.meta_value )",
				SettingsKeys::META_ITEM_NUMBER
			),
			ARRAY_N
		);
		// phpcs:enable
		self::fail_on_error();
		$this->divergent = [];
		foreach ( (array) $rows as $row ) {
			$this->divergent[ self::key( (string) $row[1] ) ][] = (int) $row[0];
		}
	}

	/**
	 * @param list<string> $item_numbers GP item numbers of one page
	 * @return array<string, list<ProductStock>> keyed by normalised item number (see key())
	 */
	public function find( array $item_numbers ): array {
		global $wpdb;
		if ( null === $this->divergent ) {
			$this->start_run();
		}
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
		$values  = array_values( array_map( 'strval', array_keys( $wanted ) ) );
		$by_meta = [];
		foreach ( $values as $value ) {
			array_push( $by_meta, ...( $this->divergent[ $value ] ?? [] ) );
		}
		$lookup  = $wpdb->prefix . 'wc_product_meta_lookup';
		$columns = "p.ID AS id, p.post_type AS post_type, l.sku AS sku, inum.meta_value AS item_meta, l.stock_quantity AS stock, l.stock_status AS stock_status
			FROM {$wpdb->posts} p LEFT JOIN $lookup l ON l.product_id = p.ID LEFT JOIN {$wpdb->postmeta} inum ON inum.post_id = p.ID AND inum.meta_key = '" . SettingsKeys::META_ITEM_NUMBER . "'";
		$live    = "p.post_type IN ('product', 'product_variation') AND p.post_status NOT IN ('trash', 'auto-draft')";
		$sql     = "SELECT $columns WHERE l.sku IN (" . implode( ', ', array_fill( 0, count( $values ), '%s' ) ) . ") AND $live";
		$args    = $values;
		if ( [] !== $by_meta ) {
			$sql .= " UNION SELECT $columns WHERE p.ID IN (" . implode( ', ', array_fill( 0, count( $by_meta ), '%d' ) ) . ") AND $live";
			$args = array_merge( $args, $by_meta );
		}
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, $args ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table names are WordPress's, values are placeholders; a page must be one query.
		self::fail_on_error();

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

	private static function fail_on_error(): void {
		global $wpdb;
		if ( '' !== $wpdb->last_error ) {
			throw new \RuntimeException( 'Reading products for inventory failed: ' . $wpdb->last_error );
		}
	}
}
