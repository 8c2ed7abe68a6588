<?php
/**
 * The WooCommerce factories make real HPOS orders with WooCommerce-calculated totals, and the harness deletes
 * them after the test.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Harness;

use GPSync\Tests\Support\IntegrationTestCase;

final class WooCommerceFactoryTest extends IntegrationTestCase {

	private static int $order_from_previous_test = 0;

	public function test_when_an_order_is_made_from_two_products_then_woocommerce_totals_it_in_the_orders_table(): void {
		$this->require_woocommerce();
		$pen                            = $this->create_simple_product( 'HARNESS-PEN', '1.10' );
		$paper                          = $this->create_simple_product( 'HARNESS-PAPER', '2.25' );
		$order                          = $this->create_order( array( array( $pen, 3 ), array( $paper, 1 ) ) );
		self::$order_from_previous_test = $order->get_id();

		$reloaded = wc_get_order( $order->get_id() );
		$this->assertInstanceOf( \WC_Order::class, $reloaded );
		$this->assertSame( '5.55', $reloaded->get_total() ); // 3 × 1.10 + 2.25, no tax configured.
		$this->assertSame( 'processing', $reloaded->get_status() );
		$this->assertSame( $pen->get_id(), wc_get_product_id_by_sku( 'HARNESS-PEN' ) );
	}

	/** @depends test_when_an_order_is_made_from_two_products_then_woocommerce_totals_it_in_the_orders_table */
	public function test_when_the_next_test_starts_then_the_order_and_products_are_gone(): void {
		$this->assertFalse( wc_get_order( self::$order_from_previous_test ) );
		$this->assertSame( 0, wc_get_product_id_by_sku( 'HARNESS-PEN' ) );
	}
}
