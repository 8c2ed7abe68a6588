<?php
/**
 * PayloadBuilder for kind "customer".
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Builders;

use GPSync\Payload\PayloadBuilder;
use GPSync\Payload\Source\UserDataReader;

/**
 * Customers are WordPress users; works without WooCommerce (the addresses are user meta).
 */
class CustomerPayloadBuilder implements PayloadBuilder {

	private UserDataReader $users;

	public function __construct( UserDataReader $users ) {
		$this->users = $users;
	}

	public function kind(): string {
		return 'customer';
	}

	/**
	 * @param string[] $meta_keys
	 * @return array<string,mixed>|null
	 */
	public function build( int $entity_id, array $meta_keys ): ?array {
		return $this->users->customer_payload( $entity_id, $meta_keys );
	}
}
