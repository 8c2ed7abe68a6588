<?php
/**
 * A minimal customer builder from a WordPress user, for tests that must not depend on the payloads helper's
 * builders (it sends what the contract requires and nothing more).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\CoreSupport;

use GPSync\Payload\PayloadBuilder;

final class UserCustomerBuilder implements PayloadBuilder {

	/** @var array<string,mixed> merged over every payload (to make one invalid on purpose) */
	private array $override;

	/** @param array<string,mixed> $override */
	public function __construct( array $override = [] ) {
		$this->override = $override;
	}

	public function kind(): string {
		return 'customer';
	}

	public function build( int $entity_id, array $meta_keys ): ?array {
		$user = get_userdata( $entity_id );
		if ( false === $user ) {
			return null;
		}
		$address = [
			'first_name' => (string) $user->first_name,
			'last_name'  => (string) $user->last_name,
			'company'    => '',
			'address_1'  => '1 Test Street',
			'address_2'  => '',
			'city'       => 'Leeds',
			'state'      => '',
			'postcode'   => 'LS1 1AA',
			'country'    => 'GB',
			'email'      => (string) $user->user_email,
			'phone'      => '',
		];
		return array_merge(
			[
				'schema_version'     => 1,
				'woo_customer_id'    => $entity_id,
				'email'              => (string) $user->user_email,
				'first_name'         => (string) $user->first_name,
				'last_name'          => (string) $user->last_name,
				'display_name'       => (string) $user->display_name,
				'billing'            => $address,
				'shipping'           => $address,
				'gp_customer_number' => null,
				'meta'               => (object) [],
			],
			$this->override
		);
	}
}
