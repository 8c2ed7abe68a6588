<?php
/**
 * The GP item number of a product or variation: validation, storage, look-up.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Products;

use GPSync\Exception\InvalidItemNumber;
use GPSync\Settings\SettingsKeys;

/**
 * A product's GP item is its explicit `_gpsync_item_number` when set, otherwise its SKU (upper case, as GP
 * stores item numbers). The explicit number is how a store owner ties a product whose SKU is too long, missing
 * or different to the GP item it really is; every payload carries it as `gp_item_number` (docs/payloads.md).
 *
 * Rules, so two products never become one GP item: at most 30 characters (ITEMNMBR as eConnect takes it), Windows-1252
 * characters without control characters, stored upper case, and not a number another product already claims,
 * explicitly or through its SKU. A variation has its own number; it never inherits its parent's.
 */
class ItemNumbers {

	/**
	 * IV00101.ITEMNMBR is char(31), but eConnect's procedures take it as char(30) and the bridge checks 30
	 * (bridge/src/domain/keys.ts): a 31st character would pass here and die there.
	 */
	public const MAX_LENGTH = 30;

	/** Trimmed and upper-cased, as GP stores item numbers. */
	public static function normalise( string $number ): string {
		return mb_strtoupper( trim( $number ), 'UTF-8' );
	}

	/**
	 * Checks a number for a product without storing it.
	 *
	 * @return string the number as it would be stored ('' clears it).
	 * @throws InvalidItemNumber When GP cannot hold it or another product claims it.
	 */
	public function validate( int $product_id, string $number, ?ItemClaims $claims = null ): string {
		$number = self::normalise( $number );
		if ( '' === $number ) {
			return '';
		}
		if ( mb_strlen( $number, 'UTF-8' ) > self::MAX_LENGTH ) {
			throw InvalidItemNumber::too_long( $number, self::MAX_LENGTH );
		}
		if ( ! self::fits_code_page( $number ) ) {
			throw InvalidItemNumber::bad_characters( $number );
		}
		$other = $this->claimant( $number, $product_id, $claims );
		if ( $other > 0 ) {
			$product = wc_get_product( $other );
			throw InvalidItemNumber::claimed( $number, $other, $product instanceof \WC_Product ? (string) $product->get_name() : '' );
		}
		return $number;
	}

	/**
	 * Validates and stores the number through WooCommerce's CRUD (so the product is queued and GP gets the item
	 * under its new number). An empty number clears it: the SKU is used again.
	 *
	 * @return string the stored number.
	 * @throws InvalidItemNumber When the product does not exist or the number is refused.
	 */
	public function set( int $product_id, string $number ): string {
		$product = $this->product( $product_id );
		$number  = $this->validate( $product_id, $number );
		$this->apply( $product, $number );
		$product->save();
		return $number;
	}

	/**
	 * Puts a validated number on a product being saved elsewhere (the product screen saves it itself).
	 *
	 * @throws InvalidItemNumber When the number is refused; the product is left unchanged.
	 */
	public function set_on( \WC_Product $product, string $number ): string {
		$number = $this->validate( (int) $product->get_id(), $number );
		$this->apply( $product, $number );
		return $number;
	}

	/**
	 * After the first successful item sync: keeps the number GP answered with, unless one is already set (an
	 * explicit number is never overwritten by a sync) or another product holds it. $claims: what the batch's
	 * answers claim, read once for the whole batch (GpIdsWriter::begin_results()).
	 */
	public function remember_from_sync( int $product_id, string $number, ?ItemClaims $claims = null ): bool {
		$product = function_exists( 'wc_get_product' ) ? wc_get_product( $product_id ) : null;
		if ( ! $product instanceof \WC_Product || '' !== $this->explicit( $product ) ) {
			return false;
		}
		try {
			$claims = ItemClaims::covering( $claims, $number );
			$number = $this->validate( $product_id, $number, $claims );
		} catch ( InvalidItemNumber $refused ) {
			return false;
		} catch ( \RuntimeException $unreadable ) {
			// The claims could not be read: keep nothing rather than risk two products on one GP item. The
			// product stays tied to GP through its SKU, and the next successful sync stores the number.
			return false;
		}
		if ( '' === $number ) {
			return false;
		}
		$this->apply( $product, $number );
		$claims->claim( $number, $product_id );
		// Only the meta changed: a full save() (post row, lookup tables, terms, transients) would make the first
		// push of a large catalogue several times slower for nothing.
		$product->save_meta_data();
		return true;
	}

	/** The explicit number ('' when none): what payloads send as `gp_item_number`. */
	public function explicit( \WC_Product $product ): string {
		return (string) $product->get_meta( SettingsKeys::META_ITEM_NUMBER );
	}

	/** The GP item the product is: its explicit number, else its own SKU upper-cased ('' when neither). */
	public function effective( \WC_Product $product ): string {
		$explicit = $this->explicit( $product );
		return '' !== $explicit ? $explicit : self::normalise( (string) $product->get_sku( 'edit' ) );
	}

	/** The product or variation that is this GP item (explicit number first, then SKU); 0 when none. */
	public function product_id_for( string $number ): int {
		return $this->claimant( self::normalise( $number ), 0 );
	}

	/**
	 * The product other than $except that holds $number: explicitly, or through its SKU while it has no
	 * explicit number of its own. Trashed products hold nothing. $claims, when it has read $number already
	 * (a batch of sync answers), saves the two queries.
	 */
	private function claimant( string $number, int $except, ?ItemClaims $claims = null ): int {
		if ( '' === $number ) {
			return 0;
		}
		return ItemClaims::covering( $claims, $number )->claimant( $number, $except );
	}

	/** @throws InvalidItemNumber When there is no such product. */
	private function product( int $product_id ): \WC_Product {
		$product = $product_id > 0 && function_exists( 'wc_get_product' ) ? wc_get_product( $product_id ) : null;
		if ( ! $product instanceof \WC_Product ) {
			throw InvalidItemNumber::not_a_product( $product_id );
		}
		return $product;
	}

	private function apply( \WC_Product $product, string $number ): void {
		if ( '' === $number ) {
			$product->delete_meta_data( SettingsKeys::META_ITEM_NUMBER );
			return;
		}
		$product->update_meta_data( SettingsKeys::META_ITEM_NUMBER, $number );
	}

	/** Every character has a Windows-1252 form (GP's code page) and none is a control character. */
	private static function fits_code_page( string $number ): bool {
		if ( 1 === preg_match( '/[\x00-\x1F\x7F]/u', $number ) ) {
			return false;
		}
		$round_trip = mb_convert_encoding( (string) mb_convert_encoding( $number, 'Windows-1252', 'UTF-8' ), 'UTF-8', 'Windows-1252' );
		return $round_trip === $number;
	}
}
