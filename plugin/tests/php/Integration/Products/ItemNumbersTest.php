<?php
/**
 * The per-product GP item number: rules, storage, payloads, the product screen, REST and WP-CLI.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Products;

use GPSync\Cli\ItemNumberCommand;
use GPSync\Exception\InvalidItemNumber;
use GPSync\Products\ItemNumbers;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\Payload\LivePayloads;

final class ItemNumbersTest extends CoreTestCase {

	use LivePayloads;

	private ItemNumbers $items;

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->items = $this->plugin()->item_numbers();
	}

	public function test_a_number_is_trimmed_upper_cased_stored_as_meta_and_queues_the_product(): void {
		$product = $this->quiet_product( 'gps-in-' . $this->suffix() );

		$stored = $this->items->set( $product->get_id(), '  blue-shirt-' . $this->suffix() . ' ' );

		$this->assertSame( strtoupper( 'blue-shirt-' . $this->suffix() ), $stored );
		$this->assertSame( $stored, $this->stored( $product->get_id() ) );
		$this->assertSame( 'pending', $this->outbox()->for_entity( 'product', $product->get_id() )[0]->status ?? null, 'GP gets the item under its new number' );
	}

	public function test_30_characters_fit_and_31_are_refused_with_the_limit_in_the_message(): void {
		$product = $this->quiet_product( 'GPS-IN-' . $this->suffix() );
		$fits    = 'F' . $this->suffix() . str_repeat( 'X', 29 - strlen( $this->suffix() ) );
		$this->assertSame( 30, strlen( $fits ) );
		$this->assertSame( $fits, $this->items->set( $product->get_id(), $fits ) );

		try {
			$this->items->set( $product->get_id(), $fits . 'Y' );
			$this->fail( '31 characters were accepted' );
		} catch ( InvalidItemNumber $refused ) {
			$this->assertSame( 'too_long', $refused->reason() );
			$this->assertStringContainsString( 'at most 30', $refused->getMessage() );
		}
		$this->assertSame( $fits, $this->stored( $product->get_id() ), 'a refused number leaves the stored one alone' );
	}

	public function test_control_characters_and_characters_outside_windows_1252_are_refused(): void {
		$product = $this->quiet_product( 'GPS-IN-' . $this->suffix() );
		foreach ( [ "AB\tC", 'ITEM-☃' ] as $bad ) {
			try {
				$this->items->set( $product->get_id(), $bad );
				$this->fail( "accepted $bad" );
			} catch ( InvalidItemNumber $refused ) {
				$this->assertSame( 'bad_characters', $refused->reason() );
			}
		}
		$this->assertSame( 'CAFÉ-' . $this->suffix(), $this->items->set( $product->get_id(), 'café-' . $this->suffix() ), 'é is in Windows-1252' );
	}

	public function test_two_products_never_claim_one_gp_item_explicitly_or_through_a_sku(): void {
		$first  = $this->quiet_product( 'GPS-IN-A' . $this->suffix() );
		$second = $this->quiet_product( 'GPS-IN-B' . $this->suffix() );
		$number = 'SHARED-' . $this->suffix();
		$this->items->set( $first->get_id(), $number );

		try {
			$this->items->set( $second->get_id(), strtolower( $number ) );
			$this->fail( 'a claimed number was accepted' );
		} catch ( InvalidItemNumber $refused ) {
			$this->assertSame( 'claimed', $refused->reason() );
			$this->assertSame( $first->get_id(), $refused->claimed_by() );
			$this->assertStringContainsString( (string) $first->get_name(), $refused->getMessage() );
		}
		$this->assertSame( 'GPS-IN-A' . $this->suffix(), $this->items->set( $second->get_id(), 'gps-in-a' . $this->suffix() ), 'a product with its own number no longer holds its SKU' );
	}

	public function test_another_products_sku_claims_its_number_until_that_product_has_its_own(): void {
		$holder = $this->quiet_product( 'GPS-IN-SKU' . $this->suffix() );
		$other  = $this->quiet_product( 'GPS-IN-OTHER' . $this->suffix() );

		try {
			$this->items->set( $other->get_id(), 'gps-in-sku' . $this->suffix() );
			$this->fail( 'another product\'s SKU was accepted' );
		} catch ( InvalidItemNumber $refused ) {
			$this->assertSame( $holder->get_id(), $refused->claimed_by() );
		}
		$this->assertSame( 'GPS-IN-SKU' . $this->suffix(), $this->items->set( $holder->get_id(), 'GPS-IN-SKU' . $this->suffix() ), 'its own SKU is fine' );
		$this->items->set( $holder->get_id(), 'MOVED-' . $this->suffix() );
		$this->assertSame( 'GPS-IN-SKU' . $this->suffix(), $this->items->set( $other->get_id(), 'gps-in-sku' . $this->suffix() ), 'free once the holder is another GP item' );

		$trashed = $this->quiet_product( 'GPS-IN-T' . $this->suffix() );
		$this->items->set( $trashed->get_id(), 'TRASHED-' . $this->suffix() );
		wp_trash_post( $trashed->get_id() );
		$this->assertSame( 'TRASHED-' . $this->suffix(), $this->items->set( $other->get_id(), 'trashed-' . $this->suffix() ), 'a trashed product holds nothing' );
	}

	public function test_an_empty_number_clears_it_and_the_sku_is_the_gp_item_again(): void {
		$product = $this->quiet_product( 'gps-in-' . $this->suffix() );
		$this->items->set( $product->get_id(), 'X-' . $this->suffix() );

		$this->assertSame( '', $this->items->set( $product->get_id(), '' ) );

		$fresh = wc_get_product( $product->get_id() );
		$this->assertInstanceOf( \WC_Product::class, $fresh );
		$this->assertSame( '', $this->items->explicit( $fresh ) );
		$this->assertSame( 'GPS-IN-' . strtoupper( $this->suffix() ), $this->items->effective( $fresh ) );
	}

	public function test_payloads_carry_the_number_and_a_variation_never_inherits_its_parents(): void {
		[ $parent, $with, $without ] = $this->quiet_variable_product();
		$this->items->set( $parent->get_id(), 'PARENT-' . $this->suffix() );
		$this->items->set( $with->get_id(), 'VAR-' . $this->suffix() );
		$simple = $this->quiet_product( 'GPS-IN-S' . $this->suffix() );
		$this->items->set( $simple->get_id(), 'SIMPLE-' . $this->suffix() );

		$this->assertSame( 'SIMPLE-' . $this->suffix(), $this->build_live_payload( 'product', $simple->get_id(), 'item-number-simple' )['gp_item_number'] );
		$this->assertSame( 'VAR-' . $this->suffix(), $this->build_live_payload( 'product', $with->get_id(), 'item-number-variation' )['gp_item_number'] );
		$this->assertSame( '', $this->build_live_payload( 'product', $without->get_id(), 'item-number-variation-none' )['gp_item_number'] );

		$order = $this->outbox()->without_capture(
			fn(): \WC_Order => $this->create_order( [ [ $simple, 1 ], [ $this->product( $with->get_id() ), 1 ], [ $this->product( $without->get_id() ), 1 ] ], [ 'status' => 'completed' ] )
		);
		$lines = $this->build_live_payload( 'order', $order->get_id(), 'item-number-order' )['lines'];
		$this->assertSame( [ 'SIMPLE-' . $this->suffix(), 'VAR-' . $this->suffix(), '' ], array_column( $lines, 'gp_item_number' ) );

		$items  = array_values( $order->get_items( 'line_item' ) );
		$refund = $this->outbox()->without_capture(
			static fn() => wc_create_refund(
				[
					'order_id'   => $order->get_id(),
					'amount'     => '5.00',
					'line_items' => [
						$items[1]->get_id() => [
							'qty'          => 1,
							'refund_total' => '5.00',
						],
					],
				]
			)
		);
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund );
		$refund_lines = $this->build_live_payload( 'refund', $refund->get_id(), 'item-number-refund' )['lines'];
		$this->assertSame( 'VAR-' . $this->suffix(), $refund_lines[0]['gp_item_number'] );
	}

	public function test_the_first_successful_sync_stores_the_number_but_never_overwrites_one_that_is_set(): void {
		$unset = $this->quiet_product( 'GPS-IN-U' . $this->suffix() );
		$set   = $this->quiet_product( 'GPS-IN-V' . $this->suffix() );
		$this->items->set( $set->get_id(), 'CHOSEN-' . $this->suffix() );
		$writer = new \GPSync\Meta\GpIdsWriter( $this->plugin()->orders(), $this->outbox(), $this->items );

		$writer->write_done( 'product', $unset->get_id(), [ 'item_number' => 'GPS-IN-U' . $this->suffix() ] );
		$writer->write_done( 'product', $set->get_id(), [ 'item_number' => 'GPS-IN-V' . $this->suffix() ] );

		$this->assertSame( 'GPS-IN-U' . $this->suffix(), $this->stored( $unset->get_id() ) );
		$this->assertSame( 'CHOSEN-' . $this->suffix(), $this->stored( $set->get_id() ) );
	}

	public function test_a_batchs_answers_are_checked_once_against_the_store_and_against_each_other(): void {
		$lower   = $this->quiet_product( 'gps-in-low' . $this->suffix() );
		$holder  = $this->quiet_product( 'GPS-IN-H' . $this->suffix() );
		$greedy  = $this->quiet_product( 'GPS-IN-G' . $this->suffix() );
		$twin_a  = $this->quiet_product( 'GPS-IN-TA' . $this->suffix() );
		$twin_b  = $this->quiet_product( 'GPS-IN-TB' . $this->suffix() );
		$skuless = $this->quiet_product( '' );
		$this->items->set( $holder->get_id(), 'TAKEN-' . $this->suffix() );
		$writer  = new \GPSync\Meta\GpIdsWriter( $this->plugin()->orders(), $this->outbox(), $this->items );
		$answers = [
			[ $lower, 'GPS-IN-LOW' . $this->suffix() ],  // its own SKU, upper-cased as GP stores it
			[ $greedy, 'TAKEN-' . $this->suffix() ],     // held explicitly by another product
			[ $twin_a, 'TWIN-' . $this->suffix() ],      // free in the store …
			[ $twin_b, 'TWIN-' . $this->suffix() ],      // … but taken by the answer just before it
			[ $skuless, 'GPS-IN-H' . $this->suffix() ],  // the SKU of a product that has its own number: free
		];
		$results = array_map( static fn( array $a ): array => [ 'gp' => [ 'item_number' => $a[1] ] ], $answers );

		$claim_reads = 0;
		$count       = static function ( string $sql ) use ( &$claim_reads ): string {
			if ( false !== strpos( $sql, 'wc_product_meta_lookup l JOIN' ) || false !== strpos( $sql, 'STRAIGHT_JOIN m.post_id' ) ) {
				++$claim_reads;
			}
			return $sql;
		};
		add_filter( 'query', $count );
		$writer->begin_results( $results );
		$at_begin = $claim_reads;
		foreach ( $answers as [ $product, $number ] ) {
			$writer->write_done( 'product', $product->get_id(), [ 'item_number' => $number ] );
		}
		$in_loop = $claim_reads - $at_begin;
		$writer->end_results();

		$this->assertSame( 'GPS-IN-LOW' . $this->suffix(), $this->stored( $lower->get_id() ) );
		$this->assertSame( '', $this->stored( $greedy->get_id() ), 'a number another product holds is not stored' );
		$this->assertSame( 'TWIN-' . $this->suffix(), $this->stored( $twin_a->get_id() ) );
		$this->assertSame( '', $this->stored( $twin_b->get_id() ), 'two answers of one batch never give one GP item to two products' );
		$this->assertSame( 'GPS-IN-H' . $this->suffix(), $this->stored( $skuless->get_id() ) );
		$this->assertSame( 'TAKEN-' . $this->suffix(), $this->stored( $holder->get_id() ), 'the holder keeps its own' );

		$before_alone = $claim_reads;
		$writer->write_done( 'product', $twin_b->get_id(), [ 'item_number' => 'ALONE-' . $this->suffix() ] );
		$alone = $claim_reads - $before_alone;
		remove_filter( 'query', $count );
		$this->assertSame( 'ALONE-' . $this->suffix(), $this->stored( $twin_b->get_id() ), 'outside a batch an answer is checked on its own' );
		$this->assertSame( [ 2, 0, 2 ], [ $at_begin, $in_loop, $alone ], 'the claims of a batch are read once (two queries), not per answer' );
	}

	public function test_rest_sets_the_number_and_answers_400_404_409_and_refuses_customers(): void {
		$product = $this->quiet_product( 'GPS-IN-R' . $this->suffix() );
		$other   = $this->quiet_product( 'GPS-IN-O' . $this->suffix() );
		$manager = $this->create_user( 'shop_manager' );
		$route   = '/gp-sync/v1/products/' . $product->get_id() . '/item-number';

		$ok = $this->rest( 'POST', $route, [ 'item_number' => 'rest-' . $this->suffix() ], $manager );
		$this->assertSame( 200, $ok->get_status() );
		$this->assertSame( 'REST-' . strtoupper( $this->suffix() ), $ok->get_data()['item_number'] );
		$this->assertSame( 'REST-' . strtoupper( $this->suffix() ), $ok->get_data()['effective'] );

		$long = $this->rest( 'POST', $route, [ 'item_number' => str_repeat( 'A', 31 ) ], $manager );
		$this->assertSame( 400, $long->get_status() );
		$this->assertSame( 'gpsync_item_number_too_long', $long->get_data()['code'] );

		$claimed = $this->rest( 'POST', '/gp-sync/v1/products/' . $other->get_id() . '/item-number', [ 'item_number' => 'REST-' . $this->suffix() ], $manager );
		$this->assertSame( 409, $claimed->get_status() );
		$this->assertSame( $product->get_id(), $claimed->get_data()['data']['claimed_by'] );

		$missing = $this->rest( 'POST', '/gp-sync/v1/products/999999999/item-number', [ 'item_number' => 'X' ], $manager );
		$this->assertSame( 404, $missing->get_status() );

		$customer = $this->rest( 'POST', $route, [ 'item_number' => 'HACK' ], $this->create_user( 'customer' ) );
		$this->assertContains( $customer->get_status(), [ 401, 403 ] );
		$this->assertSame( 'REST-' . strtoupper( $this->suffix() ), $this->stored( $product->get_id() ) );
	}

	public function test_wp_cli_sets_the_number_and_reports_a_refusal_as_an_error(): void {
		require_once __DIR__ . '/../CoreSupport/wp-cli-shim.php';
		\WP_CLI::$lines = [];
		$product        = $this->quiet_product( 'GPS-IN-C' . $this->suffix() );
		$command        = new ItemNumberCommand( $this->items );

		$command( [ (string) $product->get_id(), 'cli-' . $this->suffix() ], [] );
		$this->assertStringContainsString( 'Success: Product ' . $product->get_id() . ' is GP item CLI-' . strtoupper( $this->suffix() ), \WP_CLI::output() );
		$this->assertSame( 'CLI-' . strtoupper( $this->suffix() ), $this->stored( $product->get_id() ) );

		try {
			$command( [ (string) $product->get_id(), str_repeat( 'Z', 40 ) ], [] );
			$this->fail( 'no error for 40 characters' );
		} catch ( \RuntimeException $error ) {
			$this->assertStringContainsString( 'at most 30', $error->getMessage() );
		}
	}

	public function test_the_product_screen_shows_the_field_and_saves_it_or_shows_why_not(): void {
		if ( ! function_exists( 'woocommerce_wp_text_input' ) ) {
			require_once WC_ABSPATH . 'includes/admin/wc-meta-box-functions.php';
		}
		if ( ! class_exists( \WC_Admin_Meta_Boxes::class ) ) {
			require_once WC_ABSPATH . 'includes/admin/class-wc-admin-meta-boxes.php';
		}
		$product = $this->quiet_product( 'GPS-IN-P' . $this->suffix() );
		$this->items->set( $product->get_id(), 'SHOWN-' . $this->suffix() );
		$GLOBALS['product_object'] = wc_get_product( $product->get_id() ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedVariableFound -- WooCommerce's own global for the product screen.

		ob_start();
		do_action( 'woocommerce_product_options_general_product_data' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WooCommerce's hook.
		$html = (string) ob_get_clean();
		$this->assertMatchesRegularExpression( '/<input[^>]+name="_gpsync_item_number"[^>]+value="SHOWN-' . preg_quote( strtoupper( $this->suffix() ), '/' ) . '"/', $html );
		$this->assertStringContainsString( 'GP item number', $html );

		$_POST['_gpsync_item_number'] = 'saved-' . $this->suffix();
		$edited                       = $this->product( $product->get_id() );
		do_action( 'woocommerce_admin_process_product_object', $edited ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		$edited->save();
		$this->assertSame( 'SAVED-' . strtoupper( $this->suffix() ), $this->stored( $product->get_id() ) );

		\WC_Admin_Meta_Boxes::$meta_box_errors = [];
		$_POST['_gpsync_item_number']          = str_repeat( 'Q', 35 );
		$edited                                = $this->product( $product->get_id() );
		do_action( 'woocommerce_admin_process_product_object', $edited ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		$edited->save();
		$this->assertSame( 'SAVED-' . strtoupper( $this->suffix() ), $this->stored( $product->get_id() ), 'a refused number keeps the stored one' );
		$this->assertStringContainsString( 'at most 30', implode( ' ', \WC_Admin_Meta_Boxes::$meta_box_errors ) );

		[ , $variation ]              = $this->quiet_variable_product();
		$_POST['_gpsync_item_number'] = [ 3 => 'var-screen-' . $this->suffix() ];
		$loaded                       = $this->product( $variation->get_id() );
		do_action( 'woocommerce_admin_process_variation_object', $loaded, 3 ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		$loaded->save();
		$this->assertSame( 'VAR-SCREEN-' . strtoupper( $this->suffix() ), $this->stored( $variation->get_id() ) );
		ob_start();
		do_action( 'woocommerce_variation_options_pricing', 3, [], get_post( $variation->get_id() ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		$this->assertStringContainsString( 'name="_gpsync_item_number[3]"', (string) ob_get_clean() );
		unset( $GLOBALS['product_object'] );
		$_POST = [];
	}

	// ----- helpers -----------------------------------------------------------------------------------

	/**
	 * A per-test suffix (see suffix()).
	 *
	 * @var string
	 */
	private string $suffix = '';

	/** A per-test suffix so numbers never collide with other tests' products. */
	private function suffix(): string {
		if ( '' === $this->suffix ) {
			$this->suffix = strtoupper( wp_generate_password( 6, false ) );
		}
		return $this->suffix;
	}

	private function quiet_product( string $sku ): \WC_Product_Simple {
		return $this->outbox()->without_capture( fn(): \WC_Product_Simple => $this->create_simple_product( $sku, '5.00' ) );
	}

	/** @return array{0: \WC_Product_Variable, 1: \WC_Product_Variation, 2: \WC_Product_Variation} parent, two variations */
	private function quiet_variable_product(): array {
		return $this->outbox()->without_capture(
			function (): array {
				$parent = new \WC_Product_Variable();
				$parent->set_props(
					[
						'name'   => 'Shirt ' . $this->suffix(),
						'sku'    => 'GPS-IN-SHIRT' . $this->suffix() . wp_generate_password( 3, false ),
						'status' => 'publish',
					]
				);
				$attribute = new \WC_Product_Attribute();
				$attribute->set_name( 'Size' );
				$attribute->set_options( [ 'S', 'M' ] );
				$attribute->set_variation( true );
				$parent->set_attributes( [ $attribute ] );
				$parent->save();
				$variations = [];
				foreach ( [ 'S', 'M' ] as $size ) {
					$variation = new \WC_Product_Variation();
					$variation->set_props(
						[
							'parent_id'     => $parent->get_id(),
							'sku'           => 'GPS-IN-SHIRT-' . $size . $this->suffix() . wp_generate_password( 3, false ),
							'regular_price' => '5.00',
							'status'        => 'publish',
						]
					);
					$variation->set_attributes( [ 'size' => $size ] );
					$variation->save();
					$variations[] = $variation;
				}
				return [ $parent, $variations[0], $variations[1] ];
			}
		);
	}

	private function product( int $id ): \WC_Product {
		$product = wc_get_product( $id );
		$this->assertInstanceOf( \WC_Product::class, $product );
		return $product;
	}

	private function stored( int $product_id ): string {
		wp_cache_flush();
		$product = wc_get_product( $product_id );
		return $product instanceof \WC_Product ? (string) $product->get_meta( SettingsKeys::META_ITEM_NUMBER ) : '';
	}
}
