<?php
/**
 * Shared set-up for the inventory tests: the real bridge on the test stack's sandbox GP, items made in GP the
 * way the plugin makes them (a product pushed through the dispatcher), stock set with `gp-bridge sandbox stock`.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Inventory;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Support\WooCommerceFactory;

abstract class InventoryTestCase extends CoreTestCase {
	use WooCommerceFactory;

	/** Unique per test, so item numbers never collide with earlier tests in the same sandbox GP. */
	protected string $prefix;

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->use_real_bridge();
		if ( ! $this->plugin()->messages()->has_builder( 'product' ) ) {
			$this->markTestSkipped( 'the product payload builder is not in this tree' );
		}
		$this->configure( [ 'inventory_sites' => 'all' ] );
		$this->prefix = 'INV' . strtoupper( wp_generate_password( 5, false ) ) . '-';
	}

	/**
	 * Creates these items in GP as the plugin does (a product pushed through the dispatcher to the bridge); the
	 * stand-in products are deleted again, so WooCommerce does not know these numbers unless a test says so.
	 *
	 * @param list<string> $numbers
	 */
	protected function gp_items( array $numbers ): void {
		$products = $this->outbox()->without_capture(
			function () use ( $numbers ): array {
				return array_map( fn( string $number ) => $this->create_simple_product( $number, '1.00' ), $numbers );
			}
		);
		foreach ( $products as $product ) {
			$this->outbox()->enqueue( 'product', $product->get_id(), 'created' );
		}
		$this->dispatcher( null )->run( 30 );
		foreach ( $this->all_rows() as $row ) {
			if ( 'product' === $row->kind ) {
				$this->assertSame( OutboxStatus::DONE, $row->status, 'item pushed to GP: ' . wp_json_encode( $row->last_response ) );
			}
		}
		$this->outbox()->without_capture(
			static function () use ( $products ): void {
				foreach ( $products as $product ) {
					$product->delete( true );
				}
			}
		);
		$this->truncate_outbox();
	}

	/**
	 * Sets on-hand stock in the sandbox GP through `gp-bridge sandbox stock --csv -`.
	 *
	 * @param list<array{0:string,1:string,2:string}> $levels item, site, quantity
	 */
	protected function gp_stock( array $levels ): void {
		$csv = "item,site,quantity\n";
		foreach ( $levels as [ $item, $site, $quantity ] ) {
			$csv .= "$item,$site,$quantity\n";
		}
		$root = dirname( __DIR__, 5 );
		// The source, not bridge/dist: the build the stack made may predate the working tree.
		$command = [ "$root/node_modules/.bin/tsx", "$root/bridge/src/cli.ts" ];
		$pipes   = [];
		$process = proc_open(
			array_merge( $command, [ 'sandbox', 'stock', '--csv', '-' ] ),
			[
				0 => [ 'pipe', 'r' ],
				1 => [ 'pipe', 'w' ],
				2 => [ 'pipe', 'w' ],
			],
			$pipes,
			$root,
			[
				'PATH'                => (string) getenv( 'PATH' ),
				'HOME'                => (string) getenv( 'HOME' ),
				'GPSYNC_SANDBOX_PATH' => self::stack_env()->get( 'SANDBOX_PATH' ),
				'GPSYNC_LOG_LEVEL'    => 'warn',
			]
		);
		$this->assertIsResource( $process );
		fwrite( $pipes[0], $csv );
		fclose( $pipes[0] );
		$out  = (string) stream_get_contents( $pipes[1] );
		$err  = (string) stream_get_contents( $pipes[2] );
		$code = proc_close( $process );
		$this->assertSame( 0, $code, "gp-bridge sandbox stock: $out $err" );
	}

	/** @return array<string,mixed> the run's totals */
	protected function sync( bool $full = true, int $page_size = 1000 ): array {
		return $this->plugin()->inventory()->sync( null, $full, $page_size );
	}

	protected function stock_of( int $product_id ): ?string {
		wp_cache_flush(); // What a fresh request would read.
		$product = wc_get_product( $product_id );
		$this->assertInstanceOf( \WC_Product::class, $product );
		$stock = $product->get_stock_quantity();
		return null === $stock ? null : (string) $stock;
	}

	protected function truncate_outbox(): void {
		global $wpdb;
		$wpdb->query( 'TRUNCATE TABLE `' . $this->outbox()->table_name() . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	protected function product( int $id ): \WC_Product {
		$product = wc_get_product( $id );
		$this->assertInstanceOf( \WC_Product::class, $product );
		return $product;
	}

	protected function order( int $id ): \WC_Order {
		$order = wc_get_order( $id );
		$this->assertInstanceOf( \WC_Order::class, $order );
		return $order;
	}

	/**
	 * A managed-stock simple product, made without queueing it for GP.
	 *
	 * @param array<string, mixed> $props
	 */
	protected function stocked_product( string $sku, int $stock, array $props = [] ): \WC_Product_Simple {
		return $this->outbox()->without_capture(
			function () use ( $sku, $stock, $props ): \WC_Product_Simple {
				return $this->create_simple_product(
					$sku,
					'10.00',
					$props + [
						'manage_stock'   => true,
						'stock_quantity' => $stock,
					]
				);
			}
		);
	}
}
