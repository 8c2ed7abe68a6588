<?php
/**
 * The harness itself: WordPress of the test profile is booted in-process, its database answers, the plugin is
 * active when its main file exists, and the stack stored the bridge settings the plugin reads.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Harness;

use GPSync\Tests\Support\IntegrationTestCase;

final class WordPressBootTest extends IntegrationTestCase {

	public function test_when_the_test_stack_is_up_then_wordpress_6_5_5_is_booted_on_the_test_database(): void {
		global $wpdb;
		$this->assertSame( '6.5.5', get_bloginfo( 'version' ) );
		$this->assertSame( self::stack_env()->get( 'DB_NAME' ), $wpdb->dbname );
		$this->assertSame( '1', (string) $wpdb->get_var( 'SELECT 1' ) );
		$this->assertSame( $this->wp_url(), home_url() );
	}

	public function test_when_the_plugin_main_file_exists_then_the_plugin_is_active(): void {
		$main = dirname( __DIR__, 4 ) . '/gp-sync-for-woocommerce.php';
		if ( ! is_file( $main ) ) {
			$this->markTestSkipped( 'plugin/gp-sync-for-woocommerce.php does not exist yet' );
		}
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$this->assertTrue( is_plugin_active( 'gp-sync-for-woocommerce/gp-sync-for-woocommerce.php' ) );
	}

	public function test_when_the_stack_is_up_then_the_plugin_settings_hold_the_bridge_url_and_secret(): void {
		$settings = get_option( 'gpsync_settings' );
		$this->assertIsArray( $settings );
		$this->assertSame( $this->bridge_url(), $settings['bridge_url'] ?? null );
		$this->assertSame( $this->bridge_secret(), $settings['bridge_secret'] ?? null );
		$this->assertGreaterThanOrEqual( 32, strlen( $this->bridge_secret() ) );
	}

	public function test_when_the_stack_has_woocommerce_then_it_is_loaded_with_hpos(): void {
		$this->require_woocommerce();
		$this->assertTrue( class_exists( 'WooCommerce' ) );
		$this->assertTrue( \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() );
	}
}
