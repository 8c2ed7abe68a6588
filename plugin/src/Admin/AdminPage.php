<?php
/**
 * WooCommerce → GP Sync: the admin app's page.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/**
 * Adds the menu entry (under WooCommerce; under Settings while WooCommerce is not loaded), prints the app's
 * root element and enqueues the React app built into build/ (`npm run build -w plugin`). The app reads and
 * writes through the REST API only; this page hands it URLs and flags, never a secret.
 */
final class AdminPage implements Registerable {

	public const SLUG    = 'gp-sync';
	private const HANDLE = 'gpsync-admin';

	private string $hook_suffix = '';

	public function register(): void {
		add_action( 'admin_menu', [ $this, 'add_menu' ], 60 );
		add_action( 'admin_enqueue_scripts', [ $this, 'enqueue' ] );
	}

	/** @internal */
	public function add_menu(): void {
		if ( ! Capability::current_user_can_manage() ) {
			return;
		}
		$woocommerce       = class_exists( 'WooCommerce', false );
		$suffix            = add_submenu_page(
			$woocommerce ? 'woocommerce' : 'options-general.php',
			__( 'GP Sync', 'gp-sync-for-woocommerce' ),
			__( 'GP Sync', 'gp-sync-for-woocommerce' ),
			$woocommerce ? SettingsKeys::CAPABILITY : 'manage_options',
			self::SLUG,
			[ $this, 'render' ]
		);
		$this->hook_suffix = is_string( $suffix ) ? $suffix : '';
	}

	/** @internal */
	public function render(): void {
		if ( ! Capability::current_user_can_manage() ) {
			wp_die( esc_html__( 'You are not allowed to manage GP Sync.', 'gp-sync-for-woocommerce' ), 403 );
		}
		echo '<div class="wrap"><div id="gpsync-admin-root">';
		if ( ! $this->built() ) {
			printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html__( 'The GP Sync admin app is not built: run npm run build -w plugin.', 'gp-sync-for-woocommerce' ) );
		}
		echo '<noscript>' . esc_html__( 'GP Sync needs JavaScript.', 'gp-sync-for-woocommerce' ) . '</noscript></div></div>';
	}

	/**
	 * @internal
	 * @param string $hook_suffix
	 */
	public function enqueue( $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix || ! $this->built() ) {
			return;
		}
		$asset = require $this->build_dir() . 'admin.asset.php';
		$url   = plugins_url( 'build/', GPSYNC_PLUGIN_FILE );
		wp_enqueue_script( self::HANDLE, $url . 'admin.js', (array) $asset['dependencies'], (string) $asset['version'], true );
		wp_set_script_translations( self::HANDLE, SettingsKeys::TEXT_DOMAIN, dirname( GPSYNC_PLUGIN_FILE ) . '/languages' );
		wp_enqueue_style( 'wp-components' );
		if ( file_exists( $this->build_dir() . 'admin.css' ) ) {
			wp_enqueue_style( self::HANDLE, $url . 'admin.css', [ 'wp-components' ], (string) $asset['version'] );
		}
		wp_add_inline_script( self::HANDLE, 'window.gpsyncAdmin = ' . wp_json_encode( $this->config() ) . ';', 'before' );
	}

	/** @return array<string,mixed> */
	private function config(): array {
		$hpos = false;
		if ( class_exists( '\Automattic\WooCommerce\Utilities\OrderUtil' ) ) {
			$hpos = \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
		}
		return [
			'adminUrl'      => admin_url(),
			'pageUrl'       => admin_url( 'admin.php?page=' . self::SLUG ),
			'woocommerce'   => class_exists( 'WooCommerce', false ),
			'hpos'          => $hpos,
			'orderStatuses' => function_exists( 'wc_get_order_statuses' ) ? wc_get_order_statuses() : [],
			'logExportUrl'  => LogExport::url(),
		];
	}

	private function build_dir(): string {
		return dirname( GPSYNC_PLUGIN_FILE ) . '/build/';
	}

	private function built(): bool {
		return file_exists( $this->build_dir() . 'admin.asset.php' );
	}
}
