<?php
/**
 * Plugin Name:          GP Sync for WooCommerce
 * Plugin URI:           https://github.com/gp-sync/gp-sync-for-woocommerce
 * Description:          Sends WooCommerce orders, customers and products to Microsoft Dynamics GP through the GP Sync bridge, and brings GP stock back.
 * Version:              0.1.0
 * Requires at least:    6.5
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * WC requires at least: 9.0
 * WC tested up to:     9.4
 * Author:               GP Sync
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          gp-sync-for-woocommerce
 * Domain Path:          /languages
 *
 * @package GPSync
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

define( 'GPSYNC_VERSION', '0.1.0' );
define( 'GPSYNC_PLUGIN_FILE', __FILE__ );

// Our own PSR-4 autoloader: the plugin must run without Composer's vendor/ (which holds dev tools only).
spl_autoload_register(
	static function ( string $class_name ): void {
		if ( 0 !== strpos( $class_name, 'GPSync\\' ) || 0 === strpos( $class_name, 'GPSync\\Tests\\' ) ) {
			return;
		}
		$file = __DIR__ . '/src/' . str_replace( '\\', '/', substr( $class_name, 7 ) ) . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);

// HPOS: the plugin reads and writes orders only through WooCommerce's CRUD objects.
add_action(
	'before_woocommerce_init',
	static function (): void {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
		}
	}
);

register_activation_hook(
	__FILE__,
	static function (): void {
		\GPSync\Plugin::instance()->activate();
	}
);
register_deactivation_hook(
	__FILE__,
	static function (): void {
		\GPSync\Plugin::instance()->deactivate();
	}
);

// Boot after every plugin is loaded, so WooCommerce and Action Scheduler are known. Without WooCommerce the
// outbox, dispatcher, REST and WP-CLI still load; an admin notice says what is missing.
add_action(
	'plugins_loaded',
	static function (): void {
		\GPSync\Plugin::instance()->boot();
	},
	20
);
