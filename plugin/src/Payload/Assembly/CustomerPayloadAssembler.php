<?php
/**
 * The customer payload (bridge/src/contracts/customer.ts) from plain data.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * Two sources: a registered customer (a WordPress user, its WooCommerce billing/shipping user meta) and a
 * guest known only through an order's addresses. GP keys customers by e-mail, so the e-mail is the account's
 * for a registered customer and the order's billing e-mail for a guest.
 */
final class CustomerPayloadAssembler {

	/**
	 * @param array{id: int, email: string, first_name?: string, last_name?: string, display_name?: string} $user
	 * @param array<string,mixed>                                                                             $billing  billing_* user meta without the prefix.
	 * @param array<string,mixed>                                                                             $shipping shipping_* user meta without the prefix.
	 * @param array<string,string|int|float|bool|null>                                                        $meta     selected user meta.
	 * @return array<string,mixed>
	 */
	public static function for_user( array $user, array $billing, array $shipping, ?string $gp_customer_number, array $meta ): array {
		$billing_address = AddressAssembler::from_array( $billing );
		$email           = trim( $user['email'] );
		return [
			'schema_version'     => 1,
			'woo_customer_id'    => $user['id'],
			// A WooCommerce account always has an e-mail; the billing one covers users imported without it.
			'email'              => '' !== $email ? $email : trim( $billing_address['email'] ),
			'first_name'         => self::first_non_empty( $user['first_name'] ?? '', $billing_address['first_name'] ),
			'last_name'          => self::first_non_empty( $user['last_name'] ?? '', $billing_address['last_name'] ),
			'display_name'       => (string) ( $user['display_name'] ?? '' ),
			'billing'            => $billing_address,
			'shipping'           => AddressAssembler::from_array( $shipping ),
			'gp_customer_number' => ( null === $gp_customer_number || '' === $gp_customer_number ) ? null : $gp_customer_number,
			'meta'               => MetaSelector::to_map( $meta ),
		];
	}

	/**
	 * A guest: woo_customer_id null, name and e-mail from the order's billing address.
	 *
	 * @param array<string,mixed> $billing
	 * @param array<string,mixed> $shipping
	 * @return array<string,mixed>
	 */
	public static function for_guest( array $billing, array $shipping ): array {
		$billing_address = AddressAssembler::from_array( $billing );
		return [
			'schema_version'     => 1,
			'woo_customer_id'    => null,
			'email'              => trim( $billing_address['email'] ),
			'first_name'         => $billing_address['first_name'],
			'last_name'          => $billing_address['last_name'],
			'display_name'       => '',
			'billing'            => $billing_address,
			'shipping'           => AddressAssembler::from_array( $shipping ),
			'gp_customer_number' => null,
			'meta'               => new \stdClass(),
		];
	}

	/**
	 * A registered customer whose account holds no address (an account made by staff, orders entered in
	 * wp-admin) gets the order's addresses, so the GP customer is not created without one.
	 *
	 * @param array<string,mixed> $customer a payload from for_user().
	 * @param array<string,mixed> $billing  the order's billing address.
	 * @param array<string,mixed> $shipping the order's shipping address.
	 * @return array<string,mixed>
	 */
	public static function with_order_addresses( array $customer, array $billing, array $shipping ): array {
		foreach ( [
			'billing'  => $billing,
			'shipping' => $shipping,
		] as $type => $address ) {
			$current = is_array( $customer[ $type ] ?? null ) ? $customer[ $type ] : [];
			if ( AddressAssembler::is_empty( AddressAssembler::from_array( $current ) ) ) {
				$customer[ $type ] = AddressAssembler::from_array( $address );
			}
		}
		return $customer;
	}

	private static function first_non_empty( string $preferred, string $fallback ): string {
		return '' !== trim( $preferred ) ? $preferred : $fallback;
	}
}
