<?php
/**
 * A billing or shipping address in the contract's shape.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * The eleven fields of bridge/src/contracts/address.ts, raw as WooCommerce stored them (not HTML-escaped:
 * `O'Neil & Sons <Wholesale> Ltd.` stays exactly that). Shipping addresses have no e-mail: "" then.
 */
final class AddressAssembler {

	public const FIELDS = [ 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone' ];

	/**
	 * @param array<string,mixed> $address WooCommerce billing/shipping array (extra keys ignored).
	 * @return array<string,string>
	 */
	public static function from_array( array $address ): array {
		$result = [];
		foreach ( self::FIELDS as $field ) {
			$value            = $address[ $field ] ?? '';
			$result[ $field ] = is_scalar( $value ) ? (string) $value : '';
		}
		return $result;
	}

	/**
	 * True when the address holds anything a GP address could be made of.
	 *
	 * @param array<string,string> $address
	 */
	public static function is_empty( array $address ): bool {
		return '' === implode( '', $address );
	}
}
