<?php
/**
 * Table schema, scheduling on Action Scheduler, and uninstall's keep-unless-asked rule.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class LifecycleTest extends CoreTestCase {

	public function test_when_the_plugin_is_active_then_the_outbox_table_has_the_dispatch_indexes_and_its_schema_version(): void {
		global $wpdb;
		$table   = $this->outbox()->table_name();
		$indexes = [];
		foreach ( (array) $wpdb->get_results( "SHOW INDEX FROM `$table`", ARRAY_A ) as $index ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$indexes[ (string) $index['Key_name'] ][] = (string) $index['Column_name'];
		}
		$this->assertSame( [ 'id' ], $indexes['PRIMARY'] );
		$this->assertSame( [ 'message_uuid' ], $indexes['message_uuid'] );
		$this->assertSame( [ 'status', 'next_attempt_at_gmt' ], $indexes['status_next_attempt'] );
		$this->assertSame( [ 'claim_token' ], $indexes['claim_token'] );
		$this->assertSame( [ 'kind', 'entity_id' ], $indexes['kind_entity'] );
		$this->assertSame( \GPSync\Outbox\OutboxTable::SCHEMA_VERSION, (int) get_option( SettingsKeys::DB_VERSION_OPTION ) );
	}

	public function test_when_something_is_enqueued_then_a_unique_async_dispatch_is_scheduled_in_the_gpsync_group(): void {
		if ( ! function_exists( 'as_has_scheduled_action' ) ) {
			$this->markTestSkipped( 'Action Scheduler comes with WooCommerce' );
		}
		as_unschedule_all_actions( SettingsKeys::HOOK_DISPATCH, [], SettingsKeys::AS_GROUP );
		// A fresh repository: the plugin's own one may have kicked within the last seconds.
		$outbox = new \GPSync\Outbox\OutboxRepository( $this->plugin()->table(), $this->plugin()->scheduler() );
		$outbox->enqueue( 'customer', 1, 'created' );
		$outbox->enqueue( 'customer', 2, 'created' );

		$this->assertSame( 'action-scheduler', $this->plugin()->scheduler()->name() );
		$this->assertNotFalse( as_has_scheduled_action( SettingsKeys::HOOK_DISPATCH, [], SettingsKeys::AS_GROUP ) );
		$pending = as_get_scheduled_actions(
			[
				'hook'   => SettingsKeys::HOOK_DISPATCH,
				'group'  => SettingsKeys::AS_GROUP,
				'status' => \ActionScheduler_Store::STATUS_PENDING,
			],
			'ids'
		);
		$this->assertCount( 1, $pending, 'one pending dispatch, however many enqueues' );
		as_unschedule_all_actions( SettingsKeys::HOOK_DISPATCH, [], SettingsKeys::AS_GROUP );
	}

	public function test_when_schedules_are_ensured_then_the_minute_sweep_is_recurring(): void {
		if ( ! function_exists( 'as_has_scheduled_action' ) ) {
			$this->markTestSkipped( 'Action Scheduler comes with WooCommerce' );
		}
		delete_transient( 'gpsync_schedules_checked' );
		as_unschedule_all_actions( SettingsKeys::HOOK_SWEEP, [], SettingsKeys::AS_GROUP );

		$this->plugin()->job()->ensure_schedules(); // What runs on init.

		$actions = as_get_scheduled_actions(
			[
				'hook'   => SettingsKeys::HOOK_SWEEP,
				'group'  => SettingsKeys::AS_GROUP,
				'status' => \ActionScheduler_Store::STATUS_PENDING,
			]
		);
		$this->assertCount( 1, $actions );
		$action = reset( $actions );
		$this->assertInstanceOf( \ActionScheduler_Action::class, $action );
		$schedule = $action->get_schedule();
		$this->assertTrue( $schedule->is_recurring() );
		$this->assertInstanceOf( \ActionScheduler_IntervalSchedule::class, $schedule );
		$this->assertSame( 60, (int) $schedule->get_recurrence() );
	}

	public function test_when_the_plugin_is_deleted_then_data_is_kept_unless_the_setting_asks_to_remove_it(): void {
		global $wpdb;
		$table   = $this->outbox()->table_name();
		$options = $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE 'gpsync\\_%'", ARRAY_A );
		$this->outbox()->enqueue( 'customer', 5, 'created' );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'gp-sync-for-woocommerce/gp-sync-for-woocommerce.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own constant, as wp-admin defines it.
		}
		try {
			$this->configure( [ 'remove_data_on_uninstall' => false ] );
			include dirname( __DIR__, 4 ) . '/uninstall.php';
			$this->assertTrue( $this->plugin()->table()->exists(), 'kept by default' );
			$this->assertSame( 1, (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table`" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

			$this->configure( [ 'remove_data_on_uninstall' => true ] );
			include dirname( __DIR__, 4 ) . '/uninstall.php';
			wp_cache_flush();
			$this->assertFalse( $this->plugin()->table()->exists(), 'dropped when asked' );
			$this->assertFalse( get_option( SettingsKeys::OPTION ) );
		} finally {
			// Put the table and every gpsync_ option back for the tests that follow.
			$this->plugin()->table()->install();
			foreach ( (array) $options as $option ) {
				$wpdb->replace(
					$wpdb->options,
					[
						'option_name'  => $option['option_name'],
						'option_value' => $option['option_value'],
						'autoload'     => 'no',
					]
				);
			}
			wp_cache_flush();
		}
	}
}
