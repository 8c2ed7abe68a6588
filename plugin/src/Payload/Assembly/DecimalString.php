<?php
/**
 * Money and quantities as decimal strings, the way the wire contract carries them.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * WooCommerce stores figures as strings ("1.7", "-0.2", unrounded per-rate taxes like "0.49975"); those pass
 * through untouched. Only the few figures WooCommerce hands over as numbers (`quantity` int, `rate_percent`
 * float, a refund tax line's `shipping_tax_total` 0) are turned into strings here, without rounding.
 */
final class DecimalString {

	private const PATTERN = '/^-?\d+(\.\d+)?$/';

	/**
	 * A stored figure as a decimal string. Empty or null means "no amount" in WooCommerce: "0".
	 *
	 * @param mixed $value String, int or float as WooCommerce stored it.
	 * @throws \InvalidArgumentException When the value is not a decimal number (e.g. "1,50" or "abc").
	 */
	public static function of( $value ): string {
		if ( null === $value || '' === $value ) {
			return '0';
		}
		if ( is_int( $value ) ) {
			return (string) $value;
		}
		if ( is_float( $value ) ) {
			return self::from_float( $value );
		}
		if ( is_string( $value ) ) {
			$trimmed = trim( $value );
			if ( 1 === preg_match( self::PATTERN, $trimmed ) ) {
				return $trimmed;
			}
			// "+5" and ".5" are valid PHP numbers but not contract decimals: normalise without float arithmetic.
			if ( 1 === preg_match( '/^([+-]?)(\d*)\.(\d+)$/', $trimmed, $parts ) || 1 === preg_match( '/^([+-]?)(\d+)()$/', $trimmed, $parts ) ) {
				$sign = '-' === $parts[1] ? '-' : '';
				$int  = '' === $parts[2] ? '0' : $parts[2];
				return $sign . $int . ( '' === $parts[3] ? '' : '.' . $parts[3] );
			}
		}
		throw new \InvalidArgumentException( sprintf( 'Not a decimal number: %s', is_scalar( $value ) ? (string) $value : gettype( $value ) ) );
	}

	/**
	 * Like of(), but an absent value (null or "") stays null: a product without a price or weight.
	 *
	 * @param mixed $value
	 */
	public static function nullable( $value ): ?string {
		return ( null === $value || '' === $value ) ? null : self::of( $value );
	}

	/**
	 * The magnitude of a figure: WooCommerce stores refunds as negative copies, the contract wants positives.
	 *
	 * @param mixed $value
	 */
	public static function magnitude( $value ): string {
		$decimal = self::of( $value );
		return '-' === $decimal[0] ? substr( $decimal, 1 ) : $decimal;
	}

	/**
	 * The shortest string that reads back as the same float ("6", "1.25"), as JSON would print it, with
	 * exponents written out. Floats only reach here for informational figures such as a tax rate's percent.
	 */
	private static function from_float( float $value ): string {
		if ( ! is_finite( $value ) ) {
			throw new \InvalidArgumentException( 'Not a finite number.' );
		}
		$text = (string) json_encode( $value, JSON_PRESERVE_ZERO_FRACTION ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- a float, no strings to sanitise; runs without WordPress.
		if ( false !== stripos( $text, 'e' ) ) {
			$text = rtrim( rtrim( sprintf( '%.15F', $value ), '0' ), '.' );
		}
		$text = (string) preg_replace( '/\.0$/', '', $text );
		return '-0' === $text ? '0' : $text;
	}
}
