<?php
/**
 * Non-interactive WordPress set-up for the local stack (wp-cli's core commands are not available here).
 * Each step runs in its own PHP process so every plugin is loaded the way a real request loads it.
 *
 * Usage (GPSYNC_PROFILE and GPSYNC_WP_URL in the environment, see scripts/stack/lib.sh wp_php):
 *   php setup.php install <admin user> <admin password> <admin email>
 *   php setup.php activate <plugin file relative to wp-content/plugins>
 *   php setup.php deactivate <plugin file relative to wp-content/plugins>
 *   php setup.php configure-bridge <bridge url> <secret file>
 *   php setup.php status
 */

declare(strict_types=1);

$gpsync_args = array_slice( $argv, 1 );
$gpsync_cmd  = $gpsync_args[0] ?? '';
$gpsync_url  = (string) getenv( 'GPSYNC_WP_URL' );
$gpsync_host = (string) parse_url( $gpsync_url, PHP_URL_HOST ) . ':' . (string) parse_url( $gpsync_url, PHP_URL_PORT );

// WordPress reads the request's host when it runs outside a web server.
$_SERVER['HTTP_HOST']   = $gpsync_host;
$_SERVER['SERVER_NAME'] = (string) parse_url( $gpsync_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

if ( 'install' === $gpsync_cmd ) {
	define( 'WP_INSTALLING', true );
}
require dirname( __DIR__, 3 ) . '/.local/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function gpsync_setup_fail( string $message ): never {
	fwrite( STDERR, "[setup.php] ERROR: $message\n" );
	exit( 1 );
}

/** activate_plugin() without validate_plugin_requirements(): include the file, run its activation hooks, mark it active. */
function gpsync_activate_without_dependencies( string $plugin ): void {
	plugin_sandbox_scrape( $plugin );
	do_action( 'activate_plugin', $plugin, false );
	do_action( "activate_{$plugin}", false );
	$active   = (array) get_option( 'active_plugins', array() );
	$active[] = $plugin;
	sort( $active );
	update_option( 'active_plugins', array_values( array_unique( $active ) ) );
	do_action( 'activated_plugin', $plugin, false );
	echo "$plugin activated without WooCommerce (Requires Plugins not met; the plugin runs without it)\n";
}

switch ( $gpsync_cmd ) {
	case 'install':
		[, $user, $password, $email] = $gpsync_args + array( '', 'admin', 'admin', 'admin@example.test' );
		if ( is_blog_installed() ) {
			echo "WordPress already installed\n";
			break;
		}
		$result = wp_install( 'GP Sync local', $user, $email, false, '', wp_slash( $password ) );
		if ( is_wp_error( $result ) || ! is_array( $result ) ) {
			gpsync_setup_fail( 'wp_install failed' );
		}
		// Pretty permalinks so /wp-json/ works like on a real store.
		update_option( 'permalink_structure', '/%postname%/' );
		flush_rewrite_rules( false );
		update_option( 'blog_public', '0' );
		echo "WordPress installed\n";
		break;

	case 'activate':
		$plugin = $gpsync_args[1] ?? '';
		if ( is_plugin_active( $plugin ) ) {
			echo "$plugin already active\n";
			break;
		}
		$result = activate_plugin( $plugin, '', false, false );
		if ( is_wp_error( $result ) && 'plugin_missing_dependencies' === $result->get_error_code() && str_starts_with( $plugin, 'gp-sync-for-woocommerce/' ) ) {
			// WordPress 6.5 refuses to activate a plugin whose "Requires Plugins" (WooCommerce) is missing. A store
			// always has WooCommerce; this stack may not (no WOOCOMMERCE_DIR). The plugin is built to run without it
			// (outbox, dispatch, REST, WP-CLI; an admin notice instead of order capture), so activate it the way
			// activate_plugin() does, minus that check.
			gpsync_activate_without_dependencies( $plugin );
			$result = null;
		}
		if ( is_wp_error( $result ) ) {
			gpsync_setup_fail( "activating $plugin: " . $result->get_error_message() );
		}
		if ( str_starts_with( $plugin, 'woocommerce/' ) ) {
			// No onboarding wizard redirect for the admin in tests and e2e.
			delete_transient( '_wc_activation_redirect' );
			update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
			update_option( 'woocommerce_coming_soon', 'no' );
		}
		echo "$plugin activated\n";
		break;

	case 'hpos':
		// A new WooCommerce 9.4 shop keeps its orders in the HPOS tables. WooCommerce only turns that on at install
		// when every active plugin has declared itself compatible, which depends on the activation order here; so
		// the stack says it outright, as the tests (and a real new shop) expect. Never fatal: a warning at worst.
		if ( ! function_exists( 'wc_get_container' ) ) {
			echo "WooCommerce not loaded: order storage left as is\n";
			break;
		}
		try {
			$synchronizer = wc_get_container()->get( 'Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\DataSynchronizer' );
			if ( ! $synchronizer->check_orders_table_exists() ) {
				$synchronizer->create_database_tables();
			}
			if ( 'yes' !== get_option( 'woocommerce_custom_orders_table_enabled' ) ) {
				update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'yes' );
				update_option( 'woocommerce_custom_orders_table_enabled', 'yes' );
				update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
			}
			echo 'order storage: ' . ( 'yes' === get_option( 'woocommerce_custom_orders_table_enabled' ) ? 'HPOS' : 'posts (WooCommerce refused HPOS)' ) . "\n";
		} catch ( \Throwable $refused ) {
			echo 'WARNING: order storage left as is: ' . $refused->getMessage() . "\n";
		}
		break;

	case 'deactivate':
		$plugin = $gpsync_args[1] ?? '';
		if ( is_plugin_active( $plugin ) ) {
			deactivate_plugins( $plugin, true );
			echo "$plugin deactivated\n";
		}
		break;

	case 'configure-bridge':
		$url         = $gpsync_args[1] ?? '';
		$secret_file = $gpsync_args[2] ?? '';
		$secret      = is_readable( $secret_file ) ? trim( (string) file_get_contents( $secret_file ) ) : '';
		if ( '' === $url || strlen( $secret ) < 32 ) {
			gpsync_setup_fail( 'configure-bridge needs a URL and a secret file holding at least 32 characters' );
		}
		// The plugin keeps its settings in one array option; keep whatever else an admin set there.
		$settings                  = get_option( 'gpsync_settings', array() );
		$settings                  = is_array( $settings ) ? $settings : array();
		$settings['bridge_url']    = $url;
		$settings['bridge_secret'] = $secret;
		update_option( 'gpsync_settings', $settings );
		echo "bridge settings stored (url $url)\n";
		break;

	case 'status':
		echo 'wordpress ' . get_bloginfo( 'version' ) . "\n";
		echo 'active plugins: ' . implode( ', ', (array) get_option( 'active_plugins', array() ) ) . "\n";
		break;

	default:
		gpsync_setup_fail( "unknown command '$gpsync_cmd'" );
}
