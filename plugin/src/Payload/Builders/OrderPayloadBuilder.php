<?php
/**
 * PayloadBuilder for kind "order".
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Builders;

use GPSync\Payload\Assembly\OrderPayloadAssembler;
use GPSync\Payload\PayloadBuilder;
use GPSync\Payload\Source\OrderDataReader;
use GPSync\Orders\OrderGateway;

/**
 * Re-reads the order by id at dispatch time (the outbox stores ids only) and assembles its payload.
 */
class OrderPayloadBuilder implements PayloadBuilder {

	private OrderGateway $orders;
	private OrderDataReader $reader;
	private OrderCustomer $customers;

	public function __construct( OrderGateway $orders, OrderDataReader $reader, OrderCustomer $customers ) {
		$this->orders    = $orders;
		$this->reader    = $reader;
		$this->customers = $customers;
	}

	public function kind(): string {
		return 'order';
	}

	/**
	 * @param string[] $meta_keys
	 * @return array<string,mixed>|null
	 */
	public function build( int $entity_id, array $meta_keys ): ?array {
		$order = $this->orders->find_order( $entity_id );
		if ( null === $order ) {
			return null;
		}
		return OrderPayloadAssembler::from_order_data(
			$this->reader->data( $order ),
			$this->reader->items_by_type( $order, OrderDataReader::ORDER_ITEM_TYPES ),
			$this->customers->for_order( $order ),
			$this->reader->skus( $order ),
			(string) $order->get_order_number(),
			$meta_keys,
			$this->reader->item_numbers( $order )
		);
	}
}
