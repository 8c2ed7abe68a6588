<?php
/**
 * PayloadBuilder for kind "refund".
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Builders;

use GPSync\Payload\Assembly\RefundPayloadAssembler;
use GPSync\Payload\PayloadBuilder;
use GPSync\Payload\Source\OrderDataReader;
use GPSync\Orders\OrderGateway;

/**
 * A refund is sent with its order's number, addresses and customer: the GP return references the documents
 * of that order. A refund whose order is gone is treated as gone too (null).
 */
class RefundPayloadBuilder implements PayloadBuilder {

	private OrderGateway $orders;
	private OrderDataReader $reader;
	private OrderCustomer $customers;

	public function __construct( OrderGateway $orders, OrderDataReader $reader, OrderCustomer $customers ) {
		$this->orders    = $orders;
		$this->reader    = $reader;
		$this->customers = $customers;
	}

	public function kind(): string {
		return 'refund';
	}

	/**
	 * @param string[] $meta_keys
	 * @return array<string,mixed>|null
	 */
	public function build( int $entity_id, array $meta_keys ): ?array {
		$refund = $this->orders->find_refund( $entity_id );
		$order  = null === $refund ? null : $this->orders->find_order( (int) $refund->get_parent_id() );
		if ( null === $refund || null === $order ) {
			return null;
		}
		return RefundPayloadAssembler::from_refund_data(
			$this->reader->data( $refund ),
			$this->reader->items_by_type( $refund, OrderDataReader::REFUND_ITEM_TYPES ),
			$this->reader->data( $order ),
			$this->customers->for_order( $order ),
			$this->reader->skus( $refund ),
			(string) $order->get_order_number(),
			$meta_keys,
			$this->reader->item_numbers( $refund )
		);
	}
}
