<?php
/**
 * Records customer changes in the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Infrastructure\Registerable;
use GPSync\Payload\Source\UserDataReader;

/**
 * WordPress user hooks (registration, profile saves, which WooCommerce's customer data store also goes
 * through) and WooCommerce's address and account hooks. Which users count: CapturePolicy.
 */
class CustomerCapture implements Registerable {

	private OutboxRecorder $outbox;
	private UserDataReader $users;

	public function __construct( OutboxRecorder $outbox, UserDataReader $users ) {
		$this->outbox = $outbox;
		$this->users  = $users;
	}

	public function register(): void {
		add_action( 'user_register', [ $this, 'on_user_register' ], 10, 1 );
		add_action( 'profile_update', [ $this, 'on_profile_update' ], 10, 1 );
		add_action( 'woocommerce_customer_save_address', [ $this, 'on_save_address' ], 10, 1 );
		add_action( 'woocommerce_created_customer', [ $this, 'on_created_customer' ], 10, 1 );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $user_id
	 */
	public function on_user_register( $user_id ): void {
		$this->record( (int) $user_id, 'customer.created' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $user_id
	 */
	public function on_profile_update( $user_id ): void {
		$this->record( (int) $user_id, 'customer.updated' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $user_id
	 */
	public function on_save_address( $user_id ): void {
		$this->record( (int) $user_id, 'customer.address_saved' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $user_id
	 */
	public function on_created_customer( $user_id ): void {
		$this->record( (int) $user_id, 'customer.created' );
	}

	private function record( int $user_id, string $event ): void {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		if ( ! $user instanceof \WP_User ) {
			return;
		}
		if ( ! CapturePolicy::captures_user( array_values( array_map( 'strval', $user->roles ) ), $this->users->has_billing_data( $user_id ) ) ) {
			return;
		}
		$this->outbox->record( 'customer', $user_id, $event );
	}
}
