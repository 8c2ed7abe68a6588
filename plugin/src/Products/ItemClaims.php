<?php
/**
 * Which products claim which GP item numbers, read for many numbers at once.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Products;

use GPSync\Settings\SettingsKeys;

/**
 * A product claims a GP item number explicitly (its `_gpsync_item_number` meta) or through its SKU while it
 * has no explicit number. Trashed products claim nothing.
 *
 * Two queries answer for any number of item numbers: the explicit claims through postmeta's meta_key index,
 * and the SKU claims through WooCommerce's product lookup table, whose sku index is what WooCommerce's own
 * unique-SKU check uses. Checking one number at a time against postmeta cost a scan of every product's meta
 * per check, which made the first push of a large catalogue quadratic (bench/inventory.php): the dispatcher
 * loads the claims of a whole batch's answers here once, and records each number it stores (claim()), so the
 * checks later in the same batch see it.
 */
final class ItemClaims {

	/** @var array<string, list<int>> normalised item number → ids of the products claiming it, lowest first */
	private array $claims = [];

	/** @var array<string, true> the numbers this instance knows the whole answer for */
	private array $loaded = [];

	/**
	 * @param list<string> $item_numbers
	 * @throws \RuntimeException When the database refuses the query (a check that cannot run must not pass).
	 */
	public static function load( array $item_numbers ): self {
		$claims = new self();
		$wanted = [];
		foreach ( $item_numbers as $number ) {
			$number = ItemNumbers::normalise( $number );
			if ( '' !== $number ) {
				$wanted[ $number ]         = true;
				$claims->loaded[ $number ] = true;
			}
		}
		if ( [] === $wanted ) {
			return $claims;
		}
		$values = array_map( 'strval', array_keys( $wanted ) );
		foreach ( self::explicit_rows( $values ) + self::sku_rows( $values ) as $row ) {
			$claims->claim( (string) $row[1], (int) $row[0] );
		}
		return $claims;
	}

	/**
	 * $claims when it has read $number (a batch's answers), else the claims of $number read now.
	 *
	 * @throws \RuntimeException When they must be read and the database refuses the query.
	 */
	public static function covering( ?self $claims, string $number ): self {
		return null !== $claims && $claims->knows( $number ) ? $claims : self::load( [ $number ] );
	}

	/** The lowest id of a product other than $except that claims $number; 0 when none. */
	public function claimant( string $number, int $except ): int {
		foreach ( $this->claims[ ItemNumbers::normalise( $number ) ] ?? [] as $id ) {
			if ( $id !== $except ) {
				return $id;
			}
		}
		return 0;
	}

	public function knows( string $number ): bool {
		return isset( $this->loaded[ ItemNumbers::normalise( $number ) ] );
	}

	/** A claim read, or a number just stored on a product: later checks in the same batch must see it. */
	public function claim( string $number, int $product_id ): void {
		$number = ItemNumbers::normalise( $number );
		if ( ! isset( $this->loaded[ $number ] ) || in_array( $product_id, $this->claims[ $number ] ?? [], true ) ) {
			return;
		}
		$this->claims[ $number ][] = $product_id;
		sort( $this->claims[ $number ] );
	}

	/**
	 * STRAIGHT_JOIN: from the meta_key index (one row per product that has a number) to the post. Left to
	 * itself MariaDB starts from every product in wp_posts instead, which grows with the whole catalogue.
	 *
	 * @param list<string> $values normalised item numbers
	 * @return array<string, array{0:int, 1:string}> keyed "e<id>" so the two readers' rows can be joined with +
	 */
	private static function explicit_rows( array $values ): array {
		global $wpdb;
		$in = implode( ', ', array_fill( 0, count( $values ), '%s' ) );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is placeholders, table names are WordPress's.
		$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a uniqueness check must see the database, not a cache.
			$wpdb->prepare(
				"SELECT STRAIGHT_JOIN m.post_id, m.meta_value FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id
				WHERE m.meta_key = %s AND m.meta_value IN ($in) AND p.post_status <> 'trash' AND p.post_type IN ('product', 'product_variation')",
				array_merge( [ SettingsKeys::META_ITEM_NUMBER ], $values )
			),
			ARRAY_N
		);
		// phpcs:enable
		self::fail_on_error();
		$found = [];
		foreach ( (array) $rows as $row ) {
			$found[ 'e' . $row[0] ] = [ (int) $row[0], (string) $row[1] ];
		}
		return $found;
	}

	/**
	 * SKUs compare as GP item numbers do: trimmed and upper-cased. WordPress creates its tables with a
	 * case-insensitive collation, so the index finds "abc" for "ABC"; PHP then keeps only true matches.
	 *
	 * @param list<string> $values normalised item numbers
	 * @return array<string, array{0:int, 1:string}>
	 */
	private static function sku_rows( array $values ): array {
		global $wpdb;
		$in     = implode( ', ', array_fill( 0, count( $values ), '%s' ) );
		$lookup = $wpdb->prefix . 'wc_product_meta_lookup';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is placeholders, table names are WordPress's.
		$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a uniqueness check must see the database, not a cache.
			$wpdb->prepare(
				"SELECT l.product_id, l.sku FROM $lookup l JOIN {$wpdb->posts} p ON p.ID = l.product_id
				LEFT JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = %s
				WHERE l.sku IN ($in) AND ( m.meta_value IS NULL OR m.meta_value = '' )
				AND p.post_status <> 'trash' AND p.post_type IN ('product', 'product_variation')",
				array_merge( [ SettingsKeys::META_ITEM_NUMBER ], $values )
			),
			ARRAY_N
		);
		// phpcs:enable
		self::fail_on_error();
		$wanted = array_fill_keys( $values, true );
		$found  = [];
		foreach ( (array) $rows as $row ) {
			if ( isset( $wanted[ ItemNumbers::normalise( (string) $row[1] ) ] ) ) {
				$found[ 's' . $row[0] ] = [ (int) $row[0], (string) $row[1] ];
			}
		}
		return $found;
	}

	private static function fail_on_error(): void {
		global $wpdb;
		if ( '' !== $wpdb->last_error ) {
			throw new \RuntimeException( 'Reading which products claim a GP item number failed: ' . $wpdb->last_error );
		}
	}
}
