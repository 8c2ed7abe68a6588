<?php
/**
 * `wp gp-sync item-number <product> <number>`.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Cli;

use GPSync\Exception\InvalidItemNumber;
use GPSync\Products\ItemNumbers;

/**
 * Sets the GP item number of a product or variation (used instead of its SKU in GP).
 *
 * ## OPTIONS
 *
 * <product>
 * : Product or variation id.
 *
 * <number>
 * : The GP item number (at most 30 characters, stored upper case). "" clears it: the SKU is used again.
 *
 * ## EXAMPLES
 *
 *     wp gp-sync item-number 123 BLUE-TSHIRT-XL
 */
final class ItemNumberCommand {

	private ItemNumbers $items;

	public function __construct( ItemNumbers $items ) {
		$this->items = $items;
	}

	/**
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		if ( count( $args ) !== 2 || ! ctype_digit( $args[0] ) ) {
			\WP_CLI::error( 'Usage: wp gp-sync item-number <product-id> <number>' );
		}
		try {
			$number = $this->items->set( (int) $args[0], $args[1] );
		} catch ( InvalidItemNumber $refused ) {
			\WP_CLI::error( $refused->getMessage() );
		}
		\WP_CLI::success( '' === $number ? sprintf( 'Product %d has no GP item number of its own now: its SKU is used.', (int) $args[0] ) : sprintf( 'Product %d is GP item %s; it is queued for GP.', (int) $args[0], $number ) );
	}
}
