<?php
/**
 * Customer and product payloads from the fixture store's customers and products.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload;

use GPSync\Payload\Assembly\CustomerPayloadAssembler;
use GPSync\Tests\Unit\Payload\Support\WooFixtures;
use PHPUnit\Framework\TestCase;

final class CustomerAndProductPayloadAssemblerTest extends TestCase {

	public function test_when_a_registered_customer_is_assembled_then_addresses_and_names_are_raw(): void {
		$customer = $this->json( WooFixtures::customer_payload( 4 ) );
		$this->assertSame( 4, $customer['woo_customer_id'] );
		$this->assertSame( 'bob.oneil@example.com', $customer['email'] );
		$this->assertSame( "O'Neil", $customer['last_name'] );
		$this->assertSame( "O'Neil & Sons <Wholesale> Ltd.", $customer['billing']['company'] );
		$this->assertSame( '', $customer['shipping']['email'], 'shipping addresses have no e-mail' );
		$this->assertNull( $customer['gp_customer_number'] );
	}

	public function test_when_the_user_has_a_gp_customer_number_then_it_is_sent(): void {
		$this->assertSame( 'WC0000003', $this->json( WooFixtures::customer_payload( 3, 'WC0000003' ) )['gp_customer_number'] );
	}

	public function test_when_the_profile_has_no_names_then_the_billing_names_are_used_and_an_empty_gp_number_is_null(): void {
		$customer = $this->json(
			CustomerPayloadAssembler::for_user(
				[
					'id'    => 7,
					'email' => ' Mixed.Case@Example.com ',
				],
				[
					'first_name' => 'Zoë',
					'last_name'  => 'Ångström',
				],
				[],
				'',
				[ 'loyalty_tier' => 'gold' ]
			)
		);
		$this->assertSame( 'Mixed.Case@Example.com', $customer['email'], 'trimmed, case kept: the bridge compares case-insensitively' );
		$this->assertSame( 'Zoë', $customer['first_name'] );
		$this->assertSame( 'Ångström', $customer['last_name'] );
		$this->assertNull( $customer['gp_customer_number'] );
		$this->assertSame( [ 'loyalty_tier' => 'gold' ], $customer['meta'] );
	}

	public function test_when_the_account_has_no_address_then_the_order_addresses_fill_in_and_existing_ones_stay(): void {
		$order    = WooFixtures::export( 'guest-checkout-ca' )['order'];
		$customer = CustomerPayloadAssembler::for_user(
			[
				'id'    => 9,
				'email' => 'staff-made@example.com',
			],
			[],
			[ 'city' => 'Fresno' ],
			null,
			[]
		);
		$merged   = CustomerPayloadAssembler::with_order_addresses( $customer, $order['billing'], $order['shipping'] );
		$this->assertSame( '742 Evergreen Terrace', $merged['billing']['address_1'] );
		$this->assertSame( 'Fresno', $merged['shipping']['city'], 'an account address is never overwritten' );
		$this->assertSame( 'staff-made@example.com', $merged['email'] );
	}

	public function test_when_products_are_assembled_then_all_15_store_products_and_variations_come_out(): void {
		$products = array_map( [ $this, 'json' ], WooFixtures::product_payloads() );
		$this->assertCount( 15, $products );
		$by_sku = array_column( $products, null, 'sku' );

		$this->assertSame( '19.99', $by_sku['WCGP-MUG-001']['regular_price'] );
		$this->assertSame( '0.45', $by_sku['WCGP-MUG-001']['weight'] );
		$this->assertArrayHasKey( 'WCGP-SHELF-BRACKET-HD-STEEL-BLK-350', $by_sku, '35-character SKU untouched' );

		$small = $by_sku['WCGP-TEE-S'];
		$this->assertSame( 'variation', $small['type'] );
		$this->assertSame( 31, $small['parent_id'] );
		$this->assertSame(
			[
				[
					'name'   => 'pa_size',
					'label'  => 'Size',
					'values' => [ 'Small' ],
				],
			],
			$small['attributes']
		);

		$parent = $by_sku['WCGP-TEE'];
		$this->assertNull( $parent['parent_id'] );
		$this->assertNull( $parent['regular_price'], 'a variable product has no price of its own ("")' );
		$this->assertSame( [ 'Large', 'Medium', 'Small' ], $parent['attributes'][0]['values'] );
	}

	public function test_when_a_product_has_no_sku_then_its_payload_says_so_with_an_empty_sku(): void {
		$skus = array_column( array_map( [ $this, 'json' ], WooFixtures::product_payloads() ), 'sku' );
		$this->assertContains( '', $skus );
	}

	/**
	 * @param mixed $payload
	 * @return array<string,mixed>
	 */
	public function json( $payload ): array {
		$this->assertIsArray( $payload );
		return json_decode( (string) json_encode( $payload ), true );
	}
}
