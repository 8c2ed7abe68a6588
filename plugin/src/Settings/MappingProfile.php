<?php
/**
 * The mapping profile sent with every batch (bridge/src/contracts/mapping-profile.ts).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Settings;

/**
 * Defaults mirror the bridge's zod defaults key by key, so an untouched profile means the same on both sides.
 * `version` is a hash of the profile's JSON: results and bridge logs say which profile produced a document.
 */
final class MappingProfile {

	/** @return array<string,mixed> */
	public static function defaults(): array {
		return [
			'timezone'         => 'UTC',
			'currency_id'      => '',
			'length_policy'    => 'fit',
			'code_page_policy' => 'transliterate',
			'status_map'       => [
				'processing' => 'order',
				'completed'  => 'invoice',
				'refunded'   => 'return',
				'cancelled'  => 'cancel',
				'pending'    => 'ignore',
				'on-hold'    => 'ignore',
				'failed'     => 'ignore',
			],
			'documents'        => [
				'order_docid'              => 'STDORD',
				'invoice_docid'            => 'STDINV',
				'return_docid'             => 'STDRTN',
				'batch_id'                 => 'WOO',
				'order_prefix'             => 'WO',
				'invoice_prefix'           => 'WI',
				'return_prefix'            => 'WR',
				'site_id'                  => '',
				'quantity_shortage_option' => 2,
			],
			'customers'        => [
				'number_prefix'         => 'WC',
				'guest_prefix'          => 'WG',
				'class_id'              => '',
				'billing_address_code'  => 'PRIMARY',
				'shipping_address_code' => 'SHIP',
				'fields'                => [],
			],
			'items'            => [
				'class_id'             => '',
				'uom_schedule'         => 'EACH',
				'unit_of_measure'      => 'EACH',
				'unmatched_sku_policy' => 'hold',
				'placeholder_class_id' => '',
				'fields'               => [],
			],
			'orders'           => [
				'fields'          => [],
				'record_payments' => false,
				'checkbook_id'    => '',
				'payment_types'   => [],
				'fee_mode'        => 'misc',
			],
			'taxes'            => [
				'rate_map'            => [],
				'schedule_id'         => '',
				'freight_schedule_id' => '',
				'misc_schedule_id'    => '',
			],
			'shipping'         => [
				'method_map' => [],
			],
		];
	}

	/**
	 * The stored profile merged over the defaults (one level deep for the sections), without `version`.
	 *
	 * @param array<string,mixed> $stored
	 * @return array<string,mixed>
	 */
	public static function merge( array $stored ): array {
		$profile = self::defaults();
		foreach ( $profile as $key => $default ) {
			if ( ! array_key_exists( $key, $stored ) ) {
				continue;
			}
			$value = $stored[ $key ];
			if ( is_array( $default ) && is_array( $value ) && self::is_section( $key ) ) {
				$profile[ $key ] = array_merge( $default, array_intersect_key( $value, $default ) );
			} elseif ( is_array( $default ) === is_array( $value ) ) {
				$profile[ $key ] = $value;
			}
		}
		return $profile;
	}

	/**
	 * The profile as sent: merged, plus `version` = sha256 of its canonical JSON (first 16 hex digits).
	 *
	 * @param array<string,mixed> $stored
	 * @return array<string,mixed>
	 */
	public static function with_version( array $stored ): array {
		$profile = self::merge( $stored );
		unset( $profile['version'] );
		$profile['version'] = self::version_of( $profile );
		return self::maps_as_objects( $profile );
	}

	/**
	 * PHP encodes an empty array as `[]`, but these are JSON objects (zod records) on the bridge: an empty
	 * map must go out as `{}`.
	 *
	 * @param array<string,mixed> $profile
	 * @return array<string,mixed>
	 */
	private static function maps_as_objects( array $profile ): array {
		$profile['status_map'] = (object) (array) $profile['status_map'];
		foreach ( [ [ 'orders', 'payment_types' ], [ 'taxes', 'rate_map' ], [ 'shipping', 'method_map' ] ] as [ $section, $key ] ) {
			if ( isset( $profile[ $section ] ) && is_array( $profile[ $section ] ) ) {
				$profile[ $section ][ $key ] = (object) (array) ( $profile[ $section ][ $key ] ?? [] );
			}
		}
		return $profile;
	}

	/** @param array<string,mixed> $profile */
	public static function version_of( array $profile ): string {
		unset( $profile['version'] );
		// Plain json_encode: this class is pure PHP (unit-tested without WordPress).
		$json = json_encode( self::canonical( $profile ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
		return substr( hash( 'sha256', (string) $json ), 0, 16 );
	}

	/**
	 * Sorts keys of associative arrays recursively so the hash does not depend on the order keys were saved in.
	 *
	 * @param mixed $value
	 * @return mixed
	 */
	private static function canonical( $value ) {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		$is_list = array_keys( $value ) === range( 0, count( $value ) - 1 );
		if ( ! $is_list ) {
			ksort( $value );
		}
		foreach ( $value as $key => $item ) {
			$value[ $key ] = self::canonical( $item );
		}
		return $value;
	}

	/** Sections whose keys are fixed (merged key by key); maps such as status_map are replaced whole. */
	private static function is_section( string $key ): bool {
		return in_array( $key, [ 'documents', 'customers', 'items', 'orders', 'taxes', 'shipping' ], true );
	}
}
