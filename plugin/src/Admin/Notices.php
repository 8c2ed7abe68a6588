<?php
/**
 * Admin notices for conditions the store owner must act on.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/**
 * WooCommerce missing, and "signature rejected: check the secret" after the bridge answered 401.
 * Shown only to users who can manage WooCommerce; all output escaped.
 */
final class Notices implements Registerable {

	public function register(): void {
		add_action( 'admin_notices', [ $this, 'render' ] );
	}

	/** @internal */
	public function render(): void {
		if ( ! Capability::current_user_can_manage() && ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		foreach ( self::messages() as $message ) {
			printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message ) );
		}
	}

	/** @return list<string> the notices that apply now (plain text) */
	public static function messages(): array {
		$messages = [];
		if ( ! class_exists( 'WooCommerce', false ) ) {
			$messages[] = __( 'GP Sync for WooCommerce needs WooCommerce 9.0 or later to send orders and products. The queue, settings and customer sync still work.', 'gp-sync-for-woocommerce' );
		}
		$auth = get_option( SettingsKeys::AUTH_FAILURE_OPTION, false );
		if ( is_array( $auth ) ) {
			/* translators: %s: the bridge's reason code, e.g. signature_invalid */
			$messages[] = sprintf( __( 'GP Sync: the bridge rejected the signature (%s): check the secret. Messages stay queued until it matches.', 'gp-sync-for-woocommerce' ), (string) ( $auth['code'] ?? '' ) );
		}
		return $messages;
	}
}
