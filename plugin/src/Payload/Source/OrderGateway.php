<?php
/**
 * Reads WooCommerce orders and refunds for the payload builders and capture (HPOS-safe: CRUD only).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Source;

/**
 * The read side of order access for payloads: the only class in Payload/ and Capture/ that calls
 * wc_get_order(). wc_get_order() returns a WC_Order_Refund for a refund id, so each method checks the class:
 * an order id never yields a refund and vice versa. Works the same with HPOS on or off.
 */
class OrderGateway {

	public function find_order( int $order_id ): ?\WC_Order {
		$order = $this->load( $order_id );
		return $order instanceof \WC_Order ? $order : null;
	}

	public function find_refund( int $refund_id ): ?\WC_Order_Refund {
		$refund = $this->load( $refund_id );
		return $refund instanceof \WC_Order_Refund ? $refund : null;
	}

	private function load( int $id ): ?\WC_Abstract_Order {
		if ( $id <= 0 || ! function_exists( 'wc_get_order' ) ) {
			return null;
		}
		$order = wc_get_order( $id );
		return $order instanceof \WC_Abstract_Order ? $order : null;
	}
}
