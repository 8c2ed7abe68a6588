<?php
/**
 * GP stock into WooCommerce on the real stack: resolution by SKU or GP item number, variations, products that
 * do not manage stock, unknown items, site filtering, fractional and negative quantities, what a write does to
 * stock status, notices, lookup table and caches, and a page that fails half-way.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Inventory;

use GPSync\Settings\SettingsKeys;

final class InventorySyncTest extends InventoryTestCase {

	public function test_when_gp_stock_changes_then_products_found_by_sku_or_gp_item_number_follow_and_the_rest_is_left_alone(): void {
		$p = $this->prefix;
		$this->gp_items( [ "{$p}PLAIN", "{$p}LOWER", "{$p}OVERRIDE", "{$p}UNMANAGED", "{$p}NOBODY", "{$p}KEPT", "{$p}NOSKU" ] );
		$plain    = $this->stocked_product( "{$p}PLAIN", 1 );
		$lower    = $this->stocked_product( strtolower( "{$p}LOWER" ), 1 ); // SKUs may be typed in any case.
		$override = $this->stocked_product( "{$p}WOO-SKU", 1 );
		$override->update_meta_data( SettingsKeys::META_ITEM_NUMBER, "{$p}OVERRIDE" );
		$this->outbox()->without_capture( static fn() => $override->save() );
		$decoy = $this->stocked_product( "{$p}OVERRIDE-NOT", 1 ); // a SKU that only starts like the item number
		// After its first sync a product keeps GP's number, its own SKU in GP's case (found through the SKU) …
		$kept = $this->stocked_product( strtolower( "{$p}KEPT" ), 1 );
		$kept->update_meta_data( SettingsKeys::META_ITEM_NUMBER, "{$p}KEPT" );
		$this->outbox()->without_capture( static fn() => $kept->save() );
		// … and one without a SKU is found through its number alone.
		$no_sku = $this->stocked_product( '', 1 );
		$no_sku->update_meta_data( SettingsKeys::META_ITEM_NUMBER, "{$p}NOSKU" );
		$this->outbox()->without_capture( static fn() => $no_sku->save() );
		$unmanaged = $this->outbox()->without_capture( fn() => $this->create_simple_product( "{$p}UNMANAGED", '3.00' ) );
		$this->gp_stock( [ [ "{$p}PLAIN", 'MAIN', '12' ], [ "{$p}LOWER", 'WEST', '5' ], [ "{$p}OVERRIDE", 'MAIN', '30' ], [ "{$p}UNMANAGED", 'MAIN', '9' ], [ "{$p}NOBODY", 'MAIN', '4' ], [ "{$p}KEPT", 'MAIN', '7' ], [ "{$p}NOSKU", 'MAIN', '8' ] ] );

		$totals = $this->sync();

		$this->assertSame( '12', $this->stock_of( $plain->get_id() ) );
		$this->assertSame( '5', $this->stock_of( $lower->get_id() ) );
		$this->assertSame( '30', $this->stock_of( $override->get_id() ), 'the GP item number meta wins over the SKU' );
		$this->assertSame( '1', $this->stock_of( $decoy->get_id() ) );
		$this->assertSame( '7', $this->stock_of( $kept->get_id() ) );
		$this->assertSame( '8', $this->stock_of( $no_sku->get_id() ) );
		$this->assertNull( $this->stock_of( $unmanaged->get_id() ), 'a product that does not manage stock is left alone' );
		$this->assertSame( 'instock', $this->product( $unmanaged->get_id() )->get_stock_status() );
		$this->assertSame( 5, $totals['updated'] );
		$this->assertGreaterThanOrEqual( 1, $totals['not_managed'] );
		$this->assertContains( "{$p}NOBODY", $totals['unknown_items'], 'unknown item numbers are listed' );
		$this->assertSame( [], $this->all_rows(), 'stock written from GP is not queued back to GP' );

		$again = $this->sync();
		$this->assertSame( 0, $again['updated'], 'a second run finds nothing to change' );
		$this->assertGreaterThanOrEqual( 5, $again['unchanged'] );
	}

	public function test_when_variations_carry_gp_items_then_each_follows_its_own_and_a_parent_managed_variation_is_left_to_its_parent(): void {
		$p = $this->prefix;
		$this->gp_items( [ "{$p}RED", "{$p}BLUE", "{$p}PARENT", "{$p}GREEN" ] );
		$parent    = $this->outbox()->without_capture(
			function () use ( $p ): \WC_Product_Variable {
				$parent = new \WC_Product_Variable();
				$parent->set_props(
					[
						'name'           => 'Inventory test tee',
						'sku'            => "{$p}PARENT",
						'status'         => 'publish',
						'manage_stock'   => true,
						'stock_quantity' => 50,
					]
				);
				$parent->save();
				return $parent;
			}
		);
		$variation = function ( string $sku, bool $manage, array $meta = [] ) use ( $parent ): \WC_Product_Variation {
			return $this->outbox()->without_capture(
				static function () use ( $parent, $sku, $manage, $meta ): \WC_Product_Variation {
					$variation = new \WC_Product_Variation();
					$variation->set_props(
						[
							'parent_id'     => $parent->get_id(),
							'sku'           => $sku,
							'regular_price' => '9.00',
							'manage_stock'  => $manage,
						] + ( $manage ? [ 'stock_quantity' => 1 ] : [] )
					);
					foreach ( $meta as $key => $value ) {
						$variation->update_meta_data( $key, $value );
					}
					$variation->save();
					return $variation;
				}
			);
		};
		$red       = $variation( "{$p}RED", true );
		$blue      = $variation( strtolower( "{$p}blue-in-woo" ), true, [ SettingsKeys::META_ITEM_NUMBER => "{$p}BLUE" ] );
		$green     = $variation( "{$p}GREEN", false ); // follows the parent's stock
		$this->gp_stock( [ [ "{$p}RED", 'MAIN', '7' ], [ "{$p}BLUE", 'WEST', '3' ], [ "{$p}PARENT", 'MAIN', '40' ], [ "{$p}GREEN", 'MAIN', '99' ] ] );

		$this->sync();

		$this->assertSame( '7', $this->stock_of( $red->get_id() ) );
		$this->assertSame( '3', $this->stock_of( $blue->get_id() ) );
		$this->assertSame( '40', $this->stock_of( $parent->get_id() ) );
		$this->assertSame( '40', $this->stock_of( $green->get_id() ), 'GREEN is not written: it shows its parent\'s stock' );
	}

	public function test_when_a_site_filter_is_set_then_only_those_sites_count(): void {
		$p = $this->prefix;
		$this->gp_items( [ "{$p}SITES" ] );
		$product = $this->stocked_product( "{$p}SITES", 0 );
		$this->gp_stock( [ [ "{$p}SITES", 'MAIN', '7' ], [ "{$p}SITES", 'WEST', '4' ], [ "{$p}SITES", 'NORTH', '20' ] ] );

		foreach ( [
			'MAIN'      => '7',
			'WEST'      => '4',
			'MAIN,WEST' => '11',
			'EAST'      => '0',
			'all'       => '31',
		] as $sites => $expected ) {
			$this->configure( [ 'inventory_sites' => $sites ] );
			$this->sync();
			$this->assertSame( $expected, $this->stock_of( $product->get_id() ), "sites $sites" );
		}
	}

	public function test_when_gp_quantities_are_fractional_or_negative_then_the_store_rounding_rule_applies_and_negatives_pass_through(): void {
		$p = $this->prefix;
		$this->gp_items( [ "{$p}FRACTION" ] );
		$product = $this->stocked_product( "{$p}FRACTION", 5, [ 'backorders' => 'notify' ] );

		$this->gp_stock( [ [ "{$p}FRACTION", 'MAIN', '7.75' ] ] );
		$this->sync();
		$this->assertSame( '7', $this->stock_of( $product->get_id() ), 'WooCommerce keeps whole units unless the store says otherwise' );

		$this->gp_stock( [ [ "{$p}FRACTION", 'MAIN', '-3' ] ] );
		$this->sync();
		$this->assertSame( '-3', $this->stock_of( $product->get_id() ) );
		$this->assertSame( 'onbackorder', $this->product( $product->get_id() )->get_stock_status() );

		// A store that sells by weight lets stock be decimal (as such extensions do: floatval instead of intval);
		// the GP figure then arrives exactly.
		remove_filter( 'woocommerce_stock_amount', 'intval' );
		add_filter( 'woocommerce_stock_amount', 'floatval' );
		try {
			$this->gp_stock( [ [ "{$p}FRACTION", 'MAIN', '2.125' ] ] );
			$this->sync();
			$this->assertSame( '2.125', $this->stock_of( $product->get_id() ) );
			$this->assertSame( 'instock', $this->product( $product->get_id() )->get_stock_status() );
		} finally {
			remove_filter( 'woocommerce_stock_amount', 'floatval' );
			add_filter( 'woocommerce_stock_amount', 'intval' );
		}
	}

	public function test_when_stock_is_written_then_status_notices_lookup_table_and_caches_follow(): void {
		global $wpdb;
		$p = $this->prefix;
		$this->gp_items( [ "{$p}NOTICE" ] );
		$product = $this->stocked_product( "{$p}NOTICE", 50, [ 'low_stock_amount' => 5 ] );
		wc_get_product( $product->get_id() ); // warm the object cache: the write must not leave it stale
		$notices = [];
		$low     = static function ( \WC_Product $changed ) use ( &$notices ): void {
			$notices[] = 'low:' . $changed->get_stock_quantity();
		};
		$none    = static function ( \WC_Product $changed ) use ( &$notices ): void {
			$notices[] = 'none:' . $changed->get_stock_quantity();
		};
		add_action( 'woocommerce_low_stock', $low );
		add_action( 'woocommerce_no_stock', $none );
		$lookup = static fn() => $wpdb->get_row( $wpdb->prepare( "SELECT stock_quantity, stock_status FROM {$wpdb->prefix}wc_product_meta_lookup WHERE product_id = %d", $product->get_id() ), ARRAY_A );
		try {
			$this->gp_stock( [ [ "{$p}NOTICE", 'MAIN', '3' ] ] );
			$this->sync();
			$this->assertSame( '3', (string) $this->product( $product->get_id() )->get_stock_quantity(), 'the cached product was refreshed' );
			$this->assertSame(
				[
					'stock_quantity' => '3',
					'stock_status'   => 'instock',
				],
				$lookup()
			);

			$this->gp_stock( [ [ "{$p}NOTICE", 'MAIN', '0' ] ] );
			$this->sync();
			$this->assertSame( 'outofstock', $this->product( $product->get_id() )->get_stock_status() );
			$this->assertSame(
				[
					'stock_quantity' => '0',
					'stock_status'   => 'outofstock',
				],
				$lookup()
			);

			$this->gp_stock( [ [ "{$p}NOTICE", 'MAIN', '20' ] ] );
			$this->sync();
			$this->assertSame( 'instock', $this->product( $product->get_id() )->get_stock_status() );
			$this->assertSame(
				[
					'stock_quantity' => '20',
					'stock_status'   => 'instock',
				],
				$lookup()
			);
			$this->assertSame( [ 'low:3', 'none:0' ], $notices, 'a fall to low or no stock notifies once; a rise does not' );
		} finally {
			remove_action( 'woocommerce_low_stock', $low );
			remove_action( 'woocommerce_no_stock', $none );
		}
	}

	public function test_when_a_run_spends_its_time_budget_then_it_stops_between_pages_and_a_background_run_goes_on_from_the_cursor(): void {
		$p       = $this->prefix;
		$numbers = [ "{$p}T1", "{$p}T2", "{$p}T3" ];
		$this->gp_items( $numbers );
		$products = array_map( fn( string $number ) => $this->stocked_product( $number, 1 ), $numbers );
		$this->sync(); // settle: the cursor at the end of the feed
		$this->gp_stock( array_map( static fn( string $number ) => [ $number, 'MAIN', '40' ], $numbers ) );

		// No time at all: exactly one page, then it stops with its place kept.
		$first = $this->plugin()->inventory()->sync( null, false, 1, 0.0 );
		$this->assertSame( [ 1, true ], [ $first['pages'], $first['more'] ], 'one page, and it says there is more' );
		$this->assertSame( $first['cursor'], get_option( SettingsKeys::INVENTORY_CURSOR_OPTION ) );
		// The feed re-reads its last five minutes (other tests' items too), so which item that page held varies; not all three.
		$this->assertLessThan( 3, count( array_filter( $products, fn( $product ) => '40' === $this->stock_of( $product->get_id() ) ) ) );

		// The scheduled run goes on from there, in its own request (its own hook, so the recurring poll's pending copy cannot block it).
		$this->plugin()->job()->continue_inventory( $first );
		$this->assertTrue( as_has_scheduled_action( SettingsKeys::HOOK_INVENTORY_CONTINUE, [], SettingsKeys::AS_GROUP ) );
		do_action( SettingsKeys::HOOK_INVENTORY_CONTINUE ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
		foreach ( $products as $product ) {
			$this->assertSame( '40', $this->stock_of( $product->get_id() ), 'the rest applied by the continuation' );
		}

		$unbounded = $this->plugin()->inventory()->sync( null );
		$this->assertFalse( $unbounded['more'], 'without a budget a run reads to the end' );
		as_unschedule_all_actions( SettingsKeys::HOOK_INVENTORY_CONTINUE, [], SettingsKeys::AS_GROUP );

		// The Tools tab's resync: a shop this size fits its 20 seconds, so nothing continues in the background.
		$this->gp_stock( [ [ "{$p}T1", 'MAIN', '41' ] ] );
		$answer = $this->rest( 'POST', '/gp-sync/v1/inventory/resync', [ 'mode' => 'changes' ], $this->create_user( 'administrator' ) );
		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( [ 1, false ], [ $answer->get_data()['applied'], $answer->get_data()['continues'] ] );
		$this->assertFalse( as_has_scheduled_action( SettingsKeys::HOOK_INVENTORY_CONTINUE, [], SettingsKeys::AS_GROUP ) );
		$this->assertSame( '41', $this->stock_of( $products[0]->get_id() ) );
	}

	public function test_when_a_page_fails_half_way_then_the_next_run_applies_it_again_without_skipping_or_counting_twice(): void {
		$p       = $this->prefix;
		$numbers = [ "{$p}A", "{$p}B", "{$p}C", "{$p}D", "{$p}E" ];
		$this->gp_items( $numbers );
		$products = [];
		foreach ( $numbers as $number ) {
			$products[ $number ] = $this->stocked_product( $number, 1 );
		}
		$this->sync(); // settle: every product at GP's figure, the cursor at the end of the feed
		$cursor = (string) get_option( SettingsKeys::INVENTORY_CURSOR_OPTION );
		$this->gp_stock( array_map( static fn( string $number, int $i ) => [ $number, 'MAIN', (string) ( 10 + $i ) ], $numbers, array_keys( $numbers ) ) );

		$broken = $products[ "{$p}D" ]->get_id();
		$fail   = static function ( \WC_Product $product ) use ( $broken ): void {
			if ( $product->get_id() === $broken ) {
				throw new \RuntimeException( 'disk full while saving D' );
			}
		};
		add_action( 'woocommerce_product_before_set_stock', $fail );
		$pages = 0;
		try {
			$this->plugin()->inventory()->sync(
				static function () use ( &$pages ): void {
					++$pages;
				},
				false,
				2
			);
			$this->fail( 'the failure inside the page reaches the caller' );
		} catch ( \RuntimeException $error ) {
			$this->assertSame( 'disk full while saving D', $error->getMessage() );
		} finally {
			remove_action( 'woocommerce_product_before_set_stock', $fail );
		}
		// Pages before the failure are committed; the failing page is rolled back whole and D, E are untouched.
		$this->assertSame( '0', $this->stock_of( $broken ), 'D still has the figure of the settling run' );
		$this->assertSame( '0', $this->stock_of( $products[ "{$p}E" ]->get_id() ) );
		$committed = count( array_filter( $numbers, fn( string $number, int $i ) => (string) ( 10 + $i ) === $this->stock_of( $products[ $number ]->get_id() ), ARRAY_FILTER_USE_BOTH ) );
		if ( $committed > 0 ) {
			$this->assertNotSame( $cursor, get_option( SettingsKeys::INVENTORY_CURSOR_OPTION ), 'whole pages before the failure moved the cursor on' );
		}

		$second = $this->sync( false, 2 );

		$this->assertSame( 5, $committed + $second['updated'], 'each product written once over both runs: none skipped, none counted twice' );
		$this->assertGreaterThanOrEqual( 2, $second['updated'], 'D and E at least' );
		foreach ( $numbers as $i => $number ) {
			$this->assertSame( (string) ( 10 + $i ), $this->stock_of( $products[ $number ]->get_id() ), $number );
		}
		$this->assertGreaterThanOrEqual( 1, $pages );
	}
}
