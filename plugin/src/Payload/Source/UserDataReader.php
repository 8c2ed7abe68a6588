<?php
/**
 * Builds a customer payload from a WordPress user (plain WordPress, no WooCommerce needed).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Source;

use GPSync\Payload\Assembly\AddressAssembler;
use GPSync\Payload\Assembly\CustomerPayloadAssembler;
use GPSync\Payload\Assembly\MetaSelector;
use GPSync\Settings\SettingsKeys;

/**
 * WooCommerce keeps a customer's addresses as user meta (`billing_first_name`, `shipping_city` …) and
 * WC_Customer reads exactly those, so reading the user meta directly gives the same data and also works where
 * WooCommerce is not loaded (customer messages dispatched on plain WordPress).
 */
class UserDataReader {

	/**
	 * @param string[] $meta_keys user meta keys the mapping profile selects.
	 * @return array<string,mixed>|null null when the user does not exist.
	 */
	public function customer_payload( int $user_id, array $meta_keys ): ?array {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		if ( ! $user instanceof \WP_User ) {
			return null;
		}
		$gp_number = (string) get_user_meta( $user_id, SettingsKeys::META_CUSTOMER_NUMBER, true );
		return CustomerPayloadAssembler::for_user(
			[
				'id'           => (int) $user->ID,
				'email'        => (string) $user->user_email,
				'first_name'   => (string) get_user_meta( $user_id, 'first_name', true ),
				'last_name'    => (string) get_user_meta( $user_id, 'last_name', true ),
				'display_name' => (string) $user->display_name,
			],
			$this->address( $user_id, 'billing' ),
			$this->address( $user_id, 'shipping' ),
			'' === $gp_number ? null : $gp_number,
			$this->selected_meta( $user_id, $meta_keys )
		);
	}

	/**
	 * True when the user has any billing field saved (checkout or My Account stored an address).
	 */
	public function has_billing_data( int $user_id ): bool {
		return ! AddressAssembler::is_empty( AddressAssembler::from_array( $this->address( $user_id, 'billing' ) ) );
	}

	/**
	 * @return array<string,string>
	 */
	private function address( int $user_id, string $type ): array {
		$address = [];
		foreach ( AddressAssembler::FIELDS as $field ) {
			$address[ $field ] = (string) get_user_meta( $user_id, $type . '_' . $field, true );
		}
		return $address;
	}

	/**
	 * @param string[] $meta_keys
	 * @return array<string,string|int|float|bool|null>
	 */
	private function selected_meta( int $user_id, array $meta_keys ): array {
		$entries = [];
		foreach ( $meta_keys as $key ) {
			if ( metadata_exists( 'user', $user_id, $key ) ) {
				$entries[] = [
					'key'   => $key,
					'value' => get_user_meta( $user_id, $key, true ),
				];
			}
		}
		return MetaSelector::select( $entries, $meta_keys );
	}
}
