<?php
/**
 * Who may manage GP Sync.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Settings;

/**
 * GP Sync is managed by whoever manages WooCommerce (`manage_woocommerce`: administrators and shop managers).
 * WooCommerce grants that capability to roles when it installs; on a site where WooCommerce is not loaded no
 * role has it, and the plugin still runs there (outbox, REST, WP-CLI) so that an administrator can configure it
 * and see the admin notice. Only then does `manage_options` stand in for it.
 */
final class Capability {

	public static function current_user_can_manage(): bool {
		if ( current_user_can( SettingsKeys::CAPABILITY ) ) {
			return true;
		}
		return ! class_exists( 'WooCommerce', false ) && current_user_can( 'manage_options' );
	}
}
