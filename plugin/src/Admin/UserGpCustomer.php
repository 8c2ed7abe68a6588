<?php
/**
 * The GP customer number on the user profile screen.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/** Read-only row (user meta `_gpsync_customer_number`), shown to those who manage GP Sync. */
final class UserGpCustomer implements Registerable {

	public function register(): void {
		add_action( 'show_user_profile', [ $this, 'render' ], 30 );
		add_action( 'edit_user_profile', [ $this, 'render' ], 30 );
	}

	/**
	 * @internal
	 * @param \WP_User|mixed $user
	 */
	public function render( $user ): void {
		if ( $user instanceof \WP_User && Capability::current_user_can_manage() ) {
			echo $this->html( $user ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- html() escapes.
		}
	}

	public function html( \WP_User $user ): string {
		$number = (string) get_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, true );
		$text   = '' !== $number ? $number : __( 'Not in GP yet: the customer is created in GP with their first order or customer update.', 'gp-sync-for-woocommerce' );
		return '<h2>' . esc_html__( 'Dynamics GP', 'gp-sync-for-woocommerce' ) . '</h2>'
			. '<table class="form-table" role="presentation"><tr><th scope="row">' . esc_html__( 'GP customer number', 'gp-sync-for-woocommerce' ) . '</th>'
			. '<td><span id="gpsync-customer-number">' . esc_html( $text ) . '</span></td></tr></table>';
	}
}
