<?php
/**
 * The customer an order or refund carries.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Builders;

use GPSync\Payload\Assembly\CustomerPayloadAssembler;
use GPSync\Payload\Source\UserDataReader;

/**
 * A registered customer's payload comes from the account (so the GP customer matches the customer message),
 * with the order's addresses where the account has none;
 * a guest's, or one whose account was deleted since, from the order's billing address with
 * woo_customer_id null: the bridge then keys the GP customer by e-mail alone.
 */
class OrderCustomer {

	private UserDataReader $users;

	public function __construct( UserDataReader $users ) {
		$this->users = $users;
	}

	/**
	 * @return array<string,mixed>
	 */
	public function for_order( \WC_Order $order ): array {
		$user_id  = (int) $order->get_customer_id();
		$customer = $user_id > 0 ? $this->users->customer_payload( $user_id, [] ) : null;
		if ( null !== $customer ) {
			return CustomerPayloadAssembler::with_order_addresses( $customer, $order->get_address( 'billing' ), $order->get_address( 'shipping' ) );
		}
		return CustomerPayloadAssembler::for_guest( $order->get_address( 'billing' ), $order->get_address( 'shipping' ) );
	}
}
