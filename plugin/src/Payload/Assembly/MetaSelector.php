<?php
/**
 * Picks the meta the mapping profile selected.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * Only keys the mapping profile names leave the store (custom checkout fields such as `po_number`), so no
 * other meta (payment tokens, address indexes, other plugins' data) ever reaches the bridge. Values stay raw:
 * scalars as stored, arrays and objects JSON-encoded, because the contract's meta map holds scalars only.
 */
final class MetaSelector {

	/**
	 * @param iterable<mixed> $entries   meta_data entries: ['key' => …, 'value' => …] arrays or WC_Meta_Data.
	 * @param string[]        $meta_keys keys to keep.
	 * @return array<string,string|int|float|bool|null>
	 */
	public static function select( iterable $entries, array $meta_keys ): array {
		$wanted = array_flip( $meta_keys );
		$picked = [];
		foreach ( self::pairs( $entries ) as [ $key, $value ] ) {
			// The first entry wins, as WC_Data::get_meta( $key, true ) returns the first of repeated keys.
			if ( isset( $wanted[ $key ] ) && ! array_key_exists( $key, $picked ) ) {
				$picked[ $key ] = self::scalar( $value );
			}
		}
		return $picked;
	}

	/**
	 * Meta a customer sees on an order line (variation attributes, add-on choices): keys without a leading
	 * underscore, which WooCommerce uses for its own bookkeeping (`_reduced_stock`, `_refunded_item_id`).
	 *
	 * @param iterable<mixed> $entries
	 * @return array<string,string|int|float|bool|null>
	 */
	public static function visible( iterable $entries ): array {
		$picked = [];
		foreach ( self::pairs( $entries ) as [ $key, $value ] ) {
			if ( '' !== $key && '_' !== $key[0] && ! array_key_exists( $key, $picked ) ) {
				$picked[ $key ] = self::scalar( $value );
			}
		}
		return $picked;
	}

	/**
	 * The meta map as it must go on the wire: a JSON object even when empty or when a key looks numeric (a PHP
	 * array would encode as `[]` or as a list, which the contract's record schema rejects).
	 *
	 * @param array<array-key,string|int|float|bool|null> $meta
	 */
	public static function to_map( array $meta ): \stdClass {
		$map = new \stdClass();
		foreach ( $meta as $key => $value ) {
			$map->{ (string) $key} = $value;
		}
		return $map;
	}

	/**
	 * A meta value as a contract scalar; length-capped by the contract (10 000), so longer text is reported
	 * by the bridge's validation rather than cut here.
	 *
	 * @param mixed $value
	 * @return string|int|float|bool|null
	 */
	public static function scalar( $value ) {
		if ( null === $value || is_scalar( $value ) ) {
			return $value;
		}
		// Arrays and objects (e.g. an add-on's list of choices) travel as their JSON text.
		return Json::encode( $value );
	}

	/**
	 * @param iterable<mixed> $entries
	 * @return \Generator<int, array{0: string, 1: mixed}>
	 */
	private static function pairs( iterable $entries ): \Generator {
		foreach ( $entries as $entry ) {
			if ( is_object( $entry ) && method_exists( $entry, 'get_data' ) ) {
				$entry = $entry->get_data();
			}
			if ( is_array( $entry ) && isset( $entry['key'] ) ) {
				yield [ (string) $entry['key'], $entry['value'] ?? null ];
			}
		}
	}
}
