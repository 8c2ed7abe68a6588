<?php
/**
 * The default payload builder of each message kind.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload;

use GPSync\Payload\Builders\CustomerPayloadBuilder;
use GPSync\Payload\Builders\OrderCustomer;
use GPSync\Payload\Builders\OrderPayloadBuilder;
use GPSync\Payload\Builders\ProductPayloadBuilder;
use GPSync\Payload\Builders\RefundPayloadBuilder;
use GPSync\Payload\Source\OrderDataReader;
use GPSync\Orders\OrderGateway;
use GPSync\Payload\Source\ProductDataReader;
use GPSync\Payload\Source\UserDataReader;
use GPSync\Products\ItemNumbers;

/**
 * Wired by hand (no container): Plugin.php passes these to the message factory.
 */
final class PayloadBuilders {

	/**
	 * @param OrderGateway|null $orders       the plugin's one gateway (Plugin.php passes it).
	 * @param ItemNumbers|null  $item_numbers the plugin's one item-number service.
	 * @return array<string,PayloadBuilder> keyed by kind: customer, product, order, refund.
	 */
	public static function default( ?OrderGateway $orders = null, ?ItemNumbers $item_numbers = null ): array {
		$users        = new UserDataReader();
		$orders       = $orders ?? new OrderGateway();
		$item_numbers = $item_numbers ?? new ItemNumbers();
		$reader       = new OrderDataReader( $item_numbers );
		$customers    = new OrderCustomer( $users );
		$builders     = [
			new CustomerPayloadBuilder( $users ),
			new ProductPayloadBuilder( new ProductDataReader(), $item_numbers ),
			new OrderPayloadBuilder( $orders, $reader, $customers ),
			new RefundPayloadBuilder( $orders, $reader, $customers ),
		];
		$by_kind      = [];
		foreach ( $builders as $builder ) {
			$by_kind[ $builder->kind() ] = $builder;
		}
		return $by_kind;
	}
}
