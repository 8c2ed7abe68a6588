<?php
/**
 * Decimal strings and meta selection.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload;

use GPSync\Capture\CapturePolicy;
use GPSync\Payload\Assembly\DecimalString;
use GPSync\Payload\Assembly\IsoDate;
use GPSync\Payload\Assembly\MetaSelector;
use PHPUnit\Framework\TestCase;

final class DecimalStringAndMetaTest extends TestCase {

	/** @return array<string, array{mixed, string}> */
	public function figures(): array {
		return [
			'stored string kept as is'    => [ '1.7', '1.7' ],
			'unrounded per-rate tax'      => [ '0.054375', '0.054375' ],
			'negative refund figure'      => [ '-0.2', '-0.2' ],
			'integer quantity'            => [ 3, '3' ],
			'integral float percent'      => [ 6.0, '6' ],
			'fractional float percent'    => [ 1.25, '1.25' ],
			'empty means no amount'       => [ '', '0' ],
			'null means no amount'        => [ null, '0' ],
			'leading dot normalised'      => [ '.5', '0.5' ],
			'plus sign dropped'           => [ '+5', '5' ],
			'tiny float without exponent' => [ 0.00001, '0.00001' ],
		];
	}

	/**
	 * @dataProvider figures
	 * @param mixed $input
	 */
	public function test_when_a_figure_is_converted_then_it_is_a_contract_decimal_string( $input, string $expected ): void {
		$this->assertSame( $expected, DecimalString::of( $input ) );
		$this->assertMatchesRegularExpression( '/^-?\d+(\.\d+)?$/', DecimalString::of( $input ) );
	}

	public function test_when_a_figure_is_not_a_number_then_conversion_refuses_it(): void {
		$this->expectException( \InvalidArgumentException::class );
		DecimalString::of( '1,50' );
	}

	public function test_when_the_magnitude_is_taken_then_only_the_sign_goes(): void {
		$this->assertSame( '0.2', DecimalString::magnitude( '-0.2' ) );
		$this->assertSame( '19.99', DecimalString::magnitude( '19.99' ) );
		$this->assertSame( '1', DecimalString::magnitude( -1 ) );
	}

	public function test_when_a_price_is_empty_then_the_nullable_figure_is_null(): void {
		$this->assertNull( DecimalString::nullable( '' ) );
		$this->assertSame( '0', DecimalString::nullable( '0' ) );
	}

	public function test_when_meta_is_selected_then_only_named_keys_come_out_and_arrays_become_json(): void {
		$entries = [
			[
				'key'   => '_billing_address_index',
				'value' => 'secret-ish index',
			],
			[
				'key'   => 'addons',
				'value' => [ 'gift' => true ],
			],
			[
				'key'   => 'po_number',
				'value' => 'PO-1',
			],
			[
				'key'   => 'po_number',
				'value' => 'PO-2',
			],
		];
		$this->assertSame(
			[
				'addons'    => '{"gift":true}',
				'po_number' => 'PO-1',
			],
			MetaSelector::select( $entries, [ 'po_number', 'addons' ] )
		);
		$this->assertSame( [ 'addons' => '{"gift":true}' ], MetaSelector::visible( array_slice( $entries, 0, 2 ) ) );
	}

	public function test_when_a_meta_map_has_a_numeric_key_then_it_still_encodes_as_an_object(): void {
		$this->assertSame( '{"0":"x"}', json_encode( MetaSelector::to_map( [ '0' => 'x' ] ) ) );
	}

	public function test_when_a_date_is_converted_then_it_keeps_its_offset(): void {
		$this->assertSame( '2026-11-29T02:49:23+00:00', IsoDate::of( '2026-11-29T02:49:23+00:00' ) );
		$this->assertSame( '2026-11-28T18:49:23-08:00', IsoDate::of( new \DateTimeImmutable( '2026-11-28T18:49:23', new \DateTimeZone( 'America/Los_Angeles' ) ) ) );
		$this->assertNull( IsoDate::of( null ) );
	}

	public function test_when_capture_decides_then_drafts_and_trash_are_skipped_and_customers_need_the_role_or_an_address(): void {
		$this->assertFalse( CapturePolicy::captures_order_status( 'checkout-draft' ) );
		$this->assertFalse( CapturePolicy::captures_order_status( 'wc-checkout-draft' ) );
		$this->assertFalse( CapturePolicy::captures_order_status( 'auto-draft' ) );
		$this->assertTrue( CapturePolicy::captures_order_status( 'pending' ) );
		$this->assertTrue( CapturePolicy::captures_order_status( 'refunded' ) );
		$this->assertTrue( CapturePolicy::captures_user( [ 'customer' ], false ) );
		$this->assertFalse( CapturePolicy::captures_user( [ 'administrator' ], false ) );
		$this->assertTrue( CapturePolicy::captures_user( [ 'administrator' ], true ) );
		$this->assertFalse( CapturePolicy::captures_product_status( 'auto-draft' ) );
		$this->assertTrue( CapturePolicy::captures_product_status( 'draft' ) );
	}
}
