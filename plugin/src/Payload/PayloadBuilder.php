<?php
/**
 * Builds the wire payload for one outbox row at dispatch time.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload;

/**
 * One builder per message kind (customer, product, order, refund).
 *
 * The outbox stores only the entity id; the dispatcher calls build() when it
 * sends, so the latest state of the entity is what reaches the bridge.
 */
interface PayloadBuilder {

	/**
	 * The message kind this builder produces: customer|product|order|refund.
	 */
	public function kind(): string;

	/**
	 * Builds the payload (shape: bridge/src/contracts/*.ts).
	 *
	 * @param int      $entity_id Id of the user, product, order or refund.
	 * @param string[] $meta_keys Meta keys the mapping profile selects.
	 * @return array<string,mixed>|null Null when the entity no longer exists.
	 */
	public function build( int $entity_id, array $meta_keys ): ?array;
}
