<?php
/**
 * Which changes become outbox rows: the decisions of the capture listeners, in one place.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

/**
 * Pure rules (no WordPress), so they are unit-tested and documented in docs/payloads.md.
 *
 * - Orders: everything except the block checkout's unfinished draft (`checkout-draft`), WordPress drafts and
 *   the trash. WooCommerce has no "test order" flag of its own; a test-mode gateway's orders are real orders to
 *   WooCommerce and are sent like any other (the status map decides what GP does with them).
 * - Customers: users with the `customer` role, and any other user (an administrator who shops, a subscriber)
 *   once they have a billing address, which WooCommerce saves at checkout or in My Account. Staff accounts
 *   without an address never become GP customers. Orders carry their customer anyway, so a GP customer is
 *   created when the first order is sent even if the user was never captured.
 * - Products: everything except WordPress's auto-drafts and the trash (a draft product with a SKU can be
 *   prepared in GP before it goes on sale).
 */
final class CapturePolicy {

	public const SKIPPED_ORDER_STATUSES   = [ 'checkout-draft', 'auto-draft', 'draft', 'trash' ];
	public const SKIPPED_PRODUCT_STATUSES = [ 'auto-draft', 'trash' ];
	public const CUSTOMER_ROLE            = 'customer';

	public static function captures_order_status( string $status ): bool {
		$status = 0 === strpos( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
		return ! in_array( $status, self::SKIPPED_ORDER_STATUSES, true );
	}

	/**
	 * @param string[] $roles
	 */
	public static function captures_user( array $roles, bool $has_billing_address ): bool {
		return in_array( self::CUSTOMER_ROLE, $roles, true ) || $has_billing_address;
	}

	public static function captures_product_status( string $status ): bool {
		return ! in_array( $status, self::SKIPPED_PRODUCT_STATUSES, true );
	}
}
