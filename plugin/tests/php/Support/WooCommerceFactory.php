<?php
/**
 * Small factories for WooCommerce objects in integration tests, made through WooCommerce's CRUD (so HPOS and
 * the lookup tables are filled as on a real store). Prices are strings: money never goes through floats here.
 * Everything made is deleted after the test by IntegrationTestCase.
 */

declare(strict_types=1);

namespace GPSync\Tests\Support;

trait WooCommerceFactory {

	/** @param array<string, mixed> $props extra WC_Product setters, e.g. ['weight' => '1.5', 'manage_stock' => true] */
	protected function create_simple_product( string $sku, string $regular_price, array $props = array() ): \WC_Product_Simple {
		$this->require_woocommerce();
		$product = new \WC_Product_Simple();
		$product->set_props(
			$props + array(
				'name'          => "Test product $sku",
				'sku'           => $sku,
				'regular_price' => $regular_price,
				'status'        => 'publish',
			)
		);
		$product->save();
		return $product;
	}

	/**
	 * An order with the given lines, a billing address, totals calculated by WooCommerce, saved.
	 *
	 * @param list<array{0: \WC_Product, 1: int}> $lines  product and quantity
	 * @param array<string, mixed>                 $props extra WC_Order setters, e.g. ['status' => 'on-hold']
	 */
	protected function create_order( array $lines, array $props = array(), ?\WP_User $customer = null ): \WC_Order {
		$this->require_woocommerce();
		$order = new \WC_Order();
		foreach ( $lines as [ $product, $quantity ] ) {
			$order->add_product( $product, $quantity );
		}
		$order->set_props(
			$props + array(
				'customer_id'        => null === $customer ? 0 : $customer->ID,
				'billing_first_name' => 'Ada',
				'billing_last_name'  => 'Lovelace',
				'billing_company'    => 'Analytical Engines Ltd',
				'billing_address_1'  => '12 Test Street',
				'billing_city'       => 'London',
				'billing_postcode'   => 'N1 1AA',
				'billing_country'    => 'GB',
				'billing_email'      => 'ada@example.test',
				'billing_phone'      => '+44 20 7946 0000',
				'currency'           => 'USD',
				'payment_method'     => 'bacs',
			)
		);
		$order->calculate_totals();
		$status = $props['status'] ?? 'processing';
		$order->set_status( is_string( $status ) ? $status : 'processing' );
		$order->save();
		return $order;
	}
}
