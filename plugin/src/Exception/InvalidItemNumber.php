<?php
/**
 * A GP item number that cannot be stored on a product.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Exception;

/**
 * Each named constructor says what is wrong in words a store owner can act on; `reason()` is a machine code
 * (REST error codes and tests use it).
 */
final class InvalidItemNumber extends \InvalidArgumentException implements GPSyncException {

	private string $reason;
	private int $claimed_by;

	private function __construct( string $reason, string $message, int $claimed_by = 0 ) {
		parent::__construct( $message );
		$this->reason     = $reason;
		$this->claimed_by = $claimed_by;
	}

	public static function too_long( string $number, int $max ): self {
		/* translators: 1: the item number, 2: its length, 3: GP's limit */
		return new self( 'too_long', sprintf( __( 'GP item number "%1$s" is %2$d characters long; Dynamics GP allows at most %3$d.', 'gp-sync-for-woocommerce' ), $number, mb_strlen( $number, 'UTF-8' ), $max ) );
	}

	public static function bad_characters( string $number ): self {
		/* translators: %s: the item number */
		return new self( 'bad_characters', sprintf( __( 'GP item number "%s" contains characters Dynamics GP cannot store in an item number (control characters or characters outside Windows-1252).', 'gp-sync-for-woocommerce' ), $number ) );
	}

	public static function claimed( string $number, int $other_id, string $other_name ): self {
		/* translators: 1: the item number, 2: the other product's name, 3: its id */
		return new self( 'claimed', sprintf( __( 'GP item number "%1$s" already belongs to "%2$s" (product %3$d). Two products cannot share one GP item; choose another number or change that product first.', 'gp-sync-for-woocommerce' ), $number, $other_name, $other_id ), $other_id );
	}

	public static function not_a_product( int $product_id ): self {
		/* translators: %d: the id */
		return new self( 'not_a_product', sprintf( __( 'There is no product or variation with id %d.', 'gp-sync-for-woocommerce' ), $product_id ) );
	}

	/** The machine code: too_long, bad_characters, claimed or not_a_product. */
	public function reason(): string {
		return $this->reason;
	}

	/** The product that already holds the number (reason `claimed`), else 0. */
	public function claimed_by(): int {
		return $this->claimed_by;
	}
}
