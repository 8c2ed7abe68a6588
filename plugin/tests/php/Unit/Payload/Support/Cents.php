<?php
/**
 * Exact decimal sums for the tests, in integer millionths (no floats).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload\Support;

/**
 * WooCommerce figures carry up to 6 decimals (per-rate taxes such as "0.054375"); millionths hold them exactly
 * in a 64-bit integer for any shop-sized amount.
 */
final class Cents {

	private const SCALE = 6;

	public static function micros( string $decimal ): int {
		if ( 1 !== preg_match( '/^(-?)(\d+)(?:\.(\d+))?$/', $decimal, $m ) ) {
			throw new \InvalidArgumentException( "Not a decimal string: $decimal" );
		}
		$fraction = $m[3] ?? '';
		if ( strlen( $fraction ) > self::SCALE ) {
			throw new \InvalidArgumentException( "More than 6 decimals: $decimal" );
		}
		$value = (int) $m[2] * 10 ** self::SCALE + (int) str_pad( $fraction, self::SCALE, '0' );
		return '-' === $m[1] ? -$value : $value;
	}

	/** @param list<string> $decimals */
	public static function sum( array $decimals ): int {
		return array_sum( array_map( [ self::class, 'micros' ], $decimals ) );
	}

	/** A figure rounded half up to the cent, as an integer number of cents (WooCommerce's per-line rounding). */
	public static function rounded_cents( string $decimal ): int {
		$micros = self::micros( $decimal );
		$sign   = $micros < 0 ? -1 : 1;
		return $sign * intdiv( abs( $micros ) + 5000, 10000 );
	}
}
