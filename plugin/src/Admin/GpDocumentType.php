<?php
/**
 * GP's SOP document types in words.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

/** SOPTYPE as GP numbers it (SOP10100.SOPTYPE), named the way a GP user reads it. */
final class GpDocumentType {

	public static function label( int $sop_type ): string {
		switch ( $sop_type ) {
			case 1:
				return __( 'Quote', 'gp-sync-for-woocommerce' );
			case 2:
				return __( 'Order', 'gp-sync-for-woocommerce' );
			case 3:
				return __( 'Invoice', 'gp-sync-for-woocommerce' );
			case 4:
				return __( 'Return', 'gp-sync-for-woocommerce' );
			case 5:
				return __( 'Back order', 'gp-sync-for-woocommerce' );
			case 6:
				return __( 'Fulfillment order', 'gp-sync-for-woocommerce' );
			default:
				return __( 'Document', 'gp-sync-for-woocommerce' );
		}
	}
}
