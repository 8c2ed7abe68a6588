<?php
/**
 * Exact arithmetic on stock quantities given as decimal strings.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

/**
 * GP keeps quantities as numeric(19,5) and the bridge sends them as decimal strings ("12.50000", "-3").
 * Subtracting what orders hold must not go through binary floats (12.3 − 0.1 is not 12.2 there), so a
 * quantity is held as an integer count of 1/100000 units: 19 digits of GP fit in PHP's 64-bit integer.
 */
final class StockQuantity {

	private const SCALE  = 5;
	private const FACTOR = 100000;

	private int $units;

	private function __construct( int $units ) {
		$this->units = $units;
	}

	public static function zero(): self {
		return new self( 0 );
	}

	/**
	 * @param string|int|float $value a decimal string from GP, or a WooCommerce quantity (int, or float when a
	 *                                store allows decimal quantities)
	 * @throws \InvalidArgumentException When the value is not a decimal number or has more than 5 decimals.
	 */
	public static function of( $value ): self {
		if ( is_int( $value ) ) {
			return new self( $value * self::FACTOR );
		}
		if ( is_float( $value ) ) {
			// A Woo line quantity: round to GP's 5 decimals (more cannot reach GP anyway).
			return new self( (int) round( $value * self::FACTOR ) );
		}
		$text = trim( (string) $value );
		if ( 1 !== preg_match( '/^(-?)(\d{1,14})(?:\.(\d{1,5})0*)?$/', $text, $parts ) ) {
			throw new \InvalidArgumentException( sprintf( 'Not a stock quantity: "%s".', $text ) );
		}
		$fraction = str_pad( $parts[3] ?? '', self::SCALE, '0' );
		$units    = (int) $parts[2] * self::FACTOR + (int) $fraction;
		return new self( '-' === $parts[1] ? -$units : $units );
	}

	public function plus( self $other ): self {
		return new self( $this->units + $other->units );
	}

	public function minus( self $other ): self {
		return new self( $this->units - $other->units );
	}

	public function is_zero(): bool {
		return 0 === $this->units;
	}

	/** The shortest decimal string: "12", "12.5", "-0.25". */
	public function __toString(): string {
		$sign     = $this->units < 0 ? '-' : '';
		$absolute = abs( $this->units );
		$whole    = intdiv( $absolute, self::FACTOR );
		$fraction = rtrim( str_pad( (string) ( $absolute % self::FACTOR ), self::SCALE, '0', STR_PAD_LEFT ), '0' );
		return $sign . $whole . ( '' === $fraction ? '' : '.' . $fraction );
	}
}
