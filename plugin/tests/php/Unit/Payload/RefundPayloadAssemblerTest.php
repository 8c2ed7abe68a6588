<?php
/**
 * Refund payloads of the three real WooCommerce 9.4 refunds.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload;

use GPSync\Payload\Assembly\RefundPayloadAssembler;
use GPSync\Tests\Unit\Payload\Support\Cents;
use GPSync\Tests\Unit\Payload\Support\WooFixtures;
use PHPUnit\Framework\TestCase;

final class RefundPayloadAssemblerTest extends TestCase {

	public function test_when_one_unit_of_a_line_is_refunded_then_the_line_is_a_positive_magnitude_linked_to_the_order_line(): void {
		$refund = $this->refund( 'partial-refund-one-line-ca' );
		$this->assertSame( 94, $refund['woo_refund_id'] );
		$this->assertSame( 93, $refund['woo_order_id'] );
		$this->assertSame( '93', $refund['order_number'] );
		$this->assertSame( '21.44', $refund['amount'] );
		$this->assertSame( 'Customer returned one mug (chipped)', $refund['reason'] );
		$this->assertCount( 1, $refund['lines'] );
		$line = $refund['lines'][0];
		$this->assertSame( 284, $line['woo_item_id'] );
		$this->assertSame( 279, $line['refunded_item_id'] );
		$this->assertSame( 'WCGP-MUG-001', $line['sku'] );
		$this->assertSame( '1', $line['quantity'] );
		$this->assertSame( '19.99', $line['total'] );
		$this->assertSame( '1.45', $line['total_tax'] );
		$this->assertSame(
			[
				[
					'rate_id'  => 1,
					'total'    => '1.2',
					'subtotal' => '1.2',
				],
				[
					'rate_id'  => 2,
					'total'    => '0.25',
					'subtotal' => '0.25',
				],
			],
			$line['taxes']
		);
		$this->assertSame( [], $refund['shipping_lines'] );
		$this->assertSame( [], $refund['fees'] );
	}

	public function test_when_everything_is_refunded_then_lines_shipping_and_fee_are_magnitudes_that_add_up_to_the_amount(): void {
		$refund = $this->refund( 'full-refund-all-lines-ny' );
		$this->assertSame( [ 287, 288 ], array_column( $refund['lines'], 'refunded_item_id' ) );
		$this->assertSame( [ 289 ], array_column( $refund['shipping_lines'], 'refunded_item_id' ) );
		$this->assertSame( [ 290 ], array_column( $refund['fees'], 'refunded_item_id' ) );
		$this->assertSame( '2.5', $refund['fees'][0]['total'], 'as stored ("-2.5"), only the sign dropped' );
		$this->assertSame( '7.95', $refund['shipping_lines'][0]['total'] );

		$items = array_merge( $refund['lines'], $refund['shipping_lines'], $refund['fees'] );
		$sum   = Cents::sum( array_column( $items, 'total' ) ) + Cents::sum( array_column( $items, 'total_tax' ) );
		$this->assertSame( Cents::micros( $refund['amount'] ), $sum );
		$this->assertSame( '25.55', $refund['amount'] );
	}

	public function test_when_a_refund_is_amount_only_then_it_has_no_lines_and_carries_the_amount(): void {
		$refund = $this->refund( 'amount-only-refund-goodwill-ca' );
		$this->assertSame( '5.00', $refund['amount'] );
		$this->assertSame( [], $refund['lines'] );
		$this->assertSame( [], $refund['shipping_lines'] );
		$this->assertSame( [], $refund['fees'] );
		$this->assertSame( 'Goodwill: late delivery', $refund['reason'] );
	}

	public function test_when_any_refund_is_assembled_then_no_figure_is_negative(): void {
		foreach ( [ 'partial-refund-one-line-ca', 'full-refund-all-lines-ny', 'amount-only-refund-goodwill-ca' ] as $scenario ) {
			$json = (string) json_encode( WooFixtures::refund_payloads( $scenario ) );
			$this->assertDoesNotMatchRegularExpression( '/"-\d/', $json, $scenario );
		}
	}

	public function test_when_the_order_has_no_refund_then_there_is_no_refund_payload(): void {
		$this->assertSame( [], WooFixtures::refund_payloads( 'single-line-simple-ca' ) );
	}

	public function test_when_a_refund_has_no_amount_then_the_magnitude_of_its_total_is_sent(): void {
		$payload = RefundPayloadAssembler::from_refund_data(
			[
				'id'           => 5,
				'amount'       => '',
				'total'        => '-3.50',
				'date_created' => '2026-11-29T02:49:39+00:00',
			],
			[],
			[
				'id'       => 4,
				'currency' => 'USD',
			],
			[],
			[],
			'',
			[]
		);
		$this->assertSame( '3.50', $payload['amount'] );
		$this->assertSame( 'USD', $payload['currency'] );
		$this->assertSame( '4', $payload['order_number'], 'the order id when the order number is empty' );
	}

	public function test_when_a_refund_item_has_no_link_to_an_order_item_then_assembly_fails_loudly(): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->expectExceptionMessage( '_refunded_item_id' );
		RefundPayloadAssembler::from_refund_data(
			[
				'id'           => 5,
				'amount'       => '1.00',
				'date_created' => '2026-11-29T02:49:39+00:00',
			],
			[
				'line_items' => [
					[
						'id'        => 9,
						'name'      => 'x',
						'quantity'  => -1,
						'total'     => '-1.00',
						'meta_data' => [],
					],
				],
			],
			[
				'id'       => 4,
				'currency' => 'USD',
			],
			[],
			[],
			'4',
			[]
		);
	}

	/** @return array<string,mixed> */
	private function refund( string $scenario ): array {
		$refunds = WooFixtures::refund_payloads( $scenario );
		$this->assertCount( 1, $refunds );
		return json_decode( (string) json_encode( $refunds[0] ), true );
	}
}
