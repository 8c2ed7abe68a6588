<?php
/**
 * Order payloads of the 24 real WooCommerce 9.4 orders.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload;

use GPSync\Tests\Unit\Payload\Support\Cents;
use GPSync\Tests\Unit\Payload\Support\WooFixtures;
use PHPUnit\Framework\TestCase;

final class OrderPayloadAssemblerTest extends TestCase {

	/** @return array<string, array{string}> */
	public function scenarios(): array {
		$cases = [];
		foreach ( WooFixtures::scenarios() as $scenario ) {
			$cases[ $scenario ] = [ $scenario ];
		}
		return $cases;
	}

	public function test_when_the_fixtures_are_listed_then_all_24_orders_are_there(): void {
		$this->assertCount( 24, WooFixtures::scenarios() );
	}

	/** @dataProvider scenarios */
	public function test_when_assembled_then_every_figure_is_the_stored_string( string $scenario ): void {
		$order   = WooFixtures::export( $scenario )['order'];
		$payload = $this->payload( $scenario );

		foreach ( [ 'discount_total', 'discount_tax', 'shipping_total', 'shipping_tax', 'cart_tax', 'total_tax', 'total' ] as $key ) {
			$this->assertSame( $order[ $key ], $payload['totals'][ $key ], "totals.$key" );
		}
		$this->assertCount( count( $order['line_items'] ), $payload['lines'] );
		foreach ( $order['line_items'] as $i => $item ) {
			$line = $payload['lines'][ $i ];
			$this->assertSame( $item['id'], $line['woo_item_id'] );
			foreach ( [ 'subtotal', 'subtotal_tax', 'total', 'total_tax' ] as $key ) {
				$this->assertSame( $item[ $key ], $line[ $key ], "line {$item['id']} $key" );
			}
			$this->assertSame( (string) $item['quantity'], $line['quantity'] );
			$this->assertSame( $item['name'], $line['name'] );
			foreach ( $line['taxes'] as $tax ) {
				// The unrounded per-rate figure exactly as stored ("0.49975"), never rounded on the way.
				$this->assertSame( $item['taxes']['total'][ (string) $tax['rate_id'] ], $tax['total'] );
				$this->assertSame( $item['taxes']['subtotal'][ (string) $tax['rate_id'] ], $tax['subtotal'] ?? null );
			}
			$this->assertCount( count( $item['taxes']['total'] ), $line['taxes'] );
		}
		foreach ( $order['shipping_lines'] as $i => $item ) {
			$this->assertSame( $item['total'], $payload['shipping_lines'][ $i ]['total'] );
			$this->assertSame( $item['total_tax'], $payload['shipping_lines'][ $i ]['total_tax'] );
			$this->assertSame( $item['method_id'], $payload['shipping_lines'][ $i ]['method_id'] );
		}
		foreach ( $order['fee_lines'] as $i => $item ) {
			$this->assertSame( $item['total'], $payload['fees'][ $i ]['total'] );
			$this->assertSame( $item['total_tax'], $payload['fees'][ $i ]['total_tax'] );
		}
		foreach ( $order['coupon_lines'] as $i => $item ) {
			$this->assertSame( $item['discount'], $payload['coupons'][ $i ]['discount'] );
			$this->assertSame( $item['discount_tax'], $payload['coupons'][ $i ]['discount_tax'] );
		}
	}

	/** @dataProvider scenarios */
	public function test_when_assembled_then_lines_shipping_fees_and_their_taxes_add_up_to_the_total( string $scenario ): void {
		$payload = $this->payload( $scenario );
		$items   = array_merge( $payload['lines'], $payload['shipping_lines'], $payload['fees'] );

		$net = Cents::sum( array_column( $items, 'total' ) );
		$tax = Cents::sum( array_column( $items, 'total_tax' ) );

		$this->assertSame( Cents::micros( $payload['totals']['total'] ), $net + $tax, 'Σ totals + Σ taxes = order total' );
		$this->assertSame( Cents::micros( $payload['totals']['total_tax'] ), $tax, 'Σ item taxes = total_tax' );
	}

	/** @dataProvider scenarios */
	public function test_when_assembled_then_each_tax_line_is_the_sum_of_its_rate_rounded_per_item( string $scenario ): void {
		$payload = $this->payload( $scenario );
		$this->assertCount( count( WooFixtures::export( $scenario )['order']['tax_lines'] ), $payload['tax_lines'] );
		foreach ( $payload['tax_lines'] as $tax_line ) {
			$cart = 0;
			foreach ( array_merge( $payload['lines'], $payload['fees'] ) as $item ) {
				foreach ( $item['taxes'] as $tax ) {
					$cart += $tax['rate_id'] === $tax_line['rate_id'] ? Cents::rounded_cents( $tax['total'] ) : 0;
				}
			}
			$this->assertSame( intdiv( Cents::micros( $tax_line['tax_total'] ), 10000 ), $cart, "rate {$tax_line['rate_id']}" );
		}
	}

	/** @dataProvider scenarios */
	public function test_when_assembled_then_no_money_or_quantity_is_a_float_and_dates_carry_an_offset( string $scenario ): void {
		$payload = $this->payload( $scenario );
		$this->assertSame( [], $this->floats_in( $payload, '' ) );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/', $payload['created_at'] );
		$this->assertStringStartsNotWith( 'wc-', $payload['status'] );
		$this->assertSame( WooFixtures::export( $scenario )['order']['status'], $payload['status'] );
		$this->assertSame( WooFixtures::export( $scenario )['order']['number'], $payload['order_number'] );
	}

	public function test_when_tax_lines_are_assembled_then_rate_percent_is_a_decimal_string(): void {
		$tax_lines = $this->payload( 'percent-coupon-two-tax-rates-ca' )['tax_lines'];
		$this->assertSame( [ '6', '1.25' ], array_column( $tax_lines, 'rate_percent' ) );
		$refund_tax_shipping = WooFixtures::export( 'partial-refund-one-line-ca' )['refunds'][0]['refund']['tax_lines'][0]['shipping_tax_total'];
		$this->assertSame( 0, $refund_tax_shipping, 'the export really holds an integer here' );
	}

	public function test_when_the_order_is_a_guest_checkout_then_the_customer_comes_from_billing_with_no_woo_id(): void {
		$payload = $this->payload( 'guest-checkout-ca' );
		$this->assertNull( $payload['customer']['woo_customer_id'] );
		$this->assertSame( 'carmen.delgado@example.net', $payload['customer']['email'] );
		$this->assertSame( 'Carmen', $payload['customer']['first_name'] );
		$this->assertSame( 'Delgado', $payload['customer']['last_name'] );
		$this->assertSame( $payload['billing'], $payload['customer']['billing'] );
	}

	public function test_when_the_order_has_a_registered_customer_then_the_customer_is_the_account(): void {
		$payload = $this->payload( 'partial-refund-one-line-ca' );
		$this->assertSame( 3, $payload['customer']['woo_customer_id'] );
		$this->assertSame( 'alice.gardner@example.com', $payload['customer']['email'] );
		$this->assertSame( '88 Orchard Road', $payload['customer']['shipping']['address_1'] );
	}

	public function test_when_names_are_non_latin_and_the_sku_is_35_characters_then_both_pass_through_untouched(): void {
		$lines = $this->payload( 'non-latin-names-long-sku-special-company-ny' )['lines'];
		$this->assertSame( 'Café Crème – Größe XL', $lines[0]['name'] );
		$this->assertSame( '抹茶ラテ スティック（10本入り）', $lines[1]['name'] );
		$this->assertSame( 'WCGP-SHELF-BRACKET-HD-STEEL-BLK-350', $lines[2]['sku'] );
		$this->assertSame( 35, strlen( $lines[2]['sku'] ) );
		$this->assertSame( "O'Neil & Sons <Wholesale> Ltd.", $this->payload( 'non-latin-names-long-sku-special-company-ny' )['billing']['company'] );
	}

	public function test_when_a_product_has_no_sku_then_its_line_has_an_empty_sku(): void {
		$skus = array_column( $this->payload( 'sku-less-product-line-ca' )['lines'], 'sku' );
		$this->assertContains( '', $skus );
	}

	public function test_when_meta_keys_are_selected_then_only_those_keys_are_sent_with_raw_values(): void {
		$payload = $this->payload( 'custom-checkout-fields-meta-ny', [ 'po_number', 'delivery_instructions', 'not_on_this_order' ] );
		$this->assertSame(
			[
				'delivery_instructions' => 'Leave at loading dock 3 & ring the bell twice; ask for "Sam" <receiving>.',
				'po_number'             => 'PO-2024-00731',
			],
			$payload['meta']
		);
	}

	public function test_when_no_meta_key_is_selected_then_no_order_meta_is_sent_and_it_encodes_as_an_object(): void {
		$raw = WooFixtures::order_payload( 'custom-checkout-fields-meta-ny', [] );
		$this->assertSame( '{}', json_encode( $raw['meta'] ) );
	}

	public function test_when_lines_carry_meta_then_only_visible_keys_are_sent(): void {
		$this->assertSame( [ 'engraving' => 'J.S. & Co.' ], $this->payload( 'custom-checkout-fields-meta-ny' )['lines'][0]['meta'] );
		$this->assertSame( [ 'pa_size' => 'medium' ], $this->payload( 'variation-lines-three-sizes-ca' )['lines'][1]['meta'] );
		$this->assertSame( 33, $this->payload( 'variation-lines-three-sizes-ca' )['lines'][1]['variation_id'] );
	}

	/**
	 * The payload as the bridge receives it (JSON), as arrays.
	 *
	 * @param string[]|null $meta_keys
	 * @return array<string,mixed>
	 */
	private function payload( string $scenario, ?array $meta_keys = null ): array {
		$payload = null === $meta_keys ? WooFixtures::order_payload( $scenario ) : WooFixtures::order_payload( $scenario, $meta_keys );
		return json_decode( (string) json_encode( $payload ), true );
	}

	/**
	 * @param mixed $value
	 * @return list<string> paths holding a float
	 */
	private function floats_in( $value, string $path ): array {
		if ( is_float( $value ) ) {
			return [ $path ];
		}
		$found = [];
		if ( is_array( $value ) || is_object( $value ) ) {
			foreach ( (array) $value as $key => $child ) {
				$found = array_merge( $found, $this->floats_in( $child, "$path.$key" ) );
			}
		}
		return $found;
	}
}
