<?php
/**
 * What the store owner does about a dead letter, and where.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

/**
 * Turns a dead-letter code and field (docs/contract.md, "dead codes") into one plain instruction and, when the
 * fix is made on another screen, a link there: an item number GP cannot take → the product's "GP item number"
 * field; an address that does not fit → the order's addresses; a missing or mismatching mapping → Mappings.
 */
final class DeadLetterAdvice {

	/**
	 * @param string       $field the eConnect field (`taUpdateCreateItemRcd.ITEMNMBR`) or payload path the bridge named
	 * @param list<string> $skus  the item numbers the bridge named (`details.skus`, `details.value`), if any
	 * @param string       $path  the payload path it came from (`details.path`, e.g. `lines[0].sku`), if given
	 * @return array{text: string, url: string, link: string}  url and link are '' when the fix is not on a screen
	 */
	public static function for_order( string $code, string $field, \WC_Order $order, array $skus = [], string $path = '' ): array {
		$field = '' !== $path ? $path . ' ' . $field : $field;
		if ( self::is_item_problem( $code, $field ) ) {
			$product = self::product_of_line( $order, $path, $skus );
			if ( null !== $product ) {
				return self::advice(
					/* translators: %s: product name */
					sprintf( __( 'GP cannot take the item number of “%s”. Set its GP item number on the product, then resend.', 'gp-sync-for-woocommerce' ), $product->get_name() ),
					AdminLinks::product( $product ),
					__( 'Edit the product', 'gp-sync-for-woocommerce' )
				);
			}
			return self::advice(
				__( 'GP cannot take an item number on this order. Give the product a SKU or a GP item number that GP has, then resend.', 'gp-sync-for-woocommerce' ),
				'',
				''
			);
		}
		if ( self::is_address_problem( $code, $field ) ) {
			return self::advice(
				__( 'Part of the address does not fit GP. Shorten it in the order’s billing or shipping address (or the customer’s account), save, then resend.', 'gp-sync-for-woocommerce' ),
				AdminLinks::order( $order ) . '#order_data',
				__( 'Edit the addresses', 'gp-sync-for-woocommerce' )
			);
		}
		switch ( $code ) {
			case 'total_mismatch':
			case 'tax_mismatch':
			case 'gp_validation':
				return self::advice(
					__( 'GP would not get the same figures or a required GP id. Check the tax, shipping and fee mappings, then resend.', 'gp-sync-for-woocommerce' ),
					AdminLinks::tab( 'mappings' ),
					__( 'Open Mappings', 'gp-sync-for-woocommerce' )
				);
			case 'document_posted':
			case 'changed_after_posting':
				return self::advice( __( 'GP has already posted this document, so it cannot be changed from here. Make the change in GP (for example with a return), then discard this message in the queue.', 'gp-sync-for-woocommerce' ), '', '' );
			case 'order_not_in_gp':
				return self::advice( __( 'GP has no document for this order yet. Send the order first, then resend this change.', 'gp-sync-for-woocommerce' ), '', '' );
			case 'batch_in_use':
				return self::advice( __( 'Someone in GP is using the SOP batch. Resend when they have finished.', 'gp-sync-for-woocommerce' ), '', '' );
			case 'unsupported_characters':
				return self::advice(
					__( 'A value has characters GP cannot store. Replace them on the order, or let GP Sync replace them (Mappings → policies), then resend.', 'gp-sync-for-woocommerce' ),
					AdminLinks::tab( 'mappings' ),
					__( 'Open Mappings', 'gp-sync-for-woocommerce' )
				);
			default:
				return self::advice( __( 'Fix what the error names, then resend. The queue shows the whole message.', 'gp-sync-for-woocommerce' ), '', '' );
		}
	}

	private static function is_item_problem( string $code, string $field ): bool {
		if ( 'unknown_sku' === $code || 'missing_sku' === $code ) {
			return true;
		}
		return in_array( $code, [ 'field_too_long', 'unsupported_characters', 'gp_validation', 'invalid_payload' ], true )
			&& 1 === preg_match( '/(^|[.\s])(sku|gp_item_number|item_number|ITEMNMBR)(\s|$)/', $field );
	}

	private static function is_address_problem( string $code, string $field ): bool {
		return in_array( $code, [ 'field_too_long', 'unsupported_characters', 'gp_validation' ], true )
			&& 1 === preg_match( '/(^|[.\s])(billing|shipping|customer)\b|address|\.(CITY|STATE|ZIPCODE|CNTCPRSN|ShipToName|CUSTNAME|PHNUMBR\d)\b/i', $field );
	}

	/**
	 * The product the bridge complained about: the line whose SKU it named, else `lines[N]…` (N counts the
	 * order's line items in order), else null.
	 *
	 * @param list<string> $skus
	 */
	private static function product_of_line( \WC_Order $order, string $field, array $skus ): ?\WC_Product {
		$products = [];
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$product    = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
			$products[] = $product instanceof \WC_Product ? $product : null;
		}
		$named = array_map( 'strtoupper', $skus );
		foreach ( $products as $product ) {
			if ( null !== $product && '' !== $product->get_sku() && in_array( strtoupper( $product->get_sku() ), $named, true ) ) {
				return $product;
			}
		}
		$index = 1 === preg_match( '/^lines\[(\d+)\]/', $field, $match ) ? (int) $match[1] : -1;
		if ( -1 === $index && 1 === count( $products ) ) {
			$index = 0; // One line: it is the one.
		}
		return $products[ $index ] ?? null;
	}

	/** @return array{text: string, url: string, link: string} */
	private static function advice( string $text, string $url, string $link ): array {
		return [
			'text' => $text,
			'url'  => $url,
			'link' => $link,
		];
	}
}
