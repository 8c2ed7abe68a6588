<?php
/**
 * Runs when the plugin is deleted from wp-admin. Data is kept unless the setting
 * "remove data on uninstall" is on: an accidental delete must not lose the queue or the GP ids.
 *
 * @package GPSync
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$gpsync_settings = get_option( 'gpsync_settings', [] );
if ( ! is_array( $gpsync_settings ) || empty( $gpsync_settings['remove_data_on_uninstall'] ) ) {
	return;
}

global $wpdb;
$wpdb->query( "DROP TABLE IF EXISTS `{$wpdb->prefix}gpsync_outbox`" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table.

foreach ( [ 'gpsync_dispatch', 'gpsync_sweep', 'gpsync_inventory_poll', 'gpsync_inventory_continue', 'gpsync_backfill_step' ] as $gpsync_hook ) {
	if ( function_exists( 'as_unschedule_all_actions' ) ) {
		as_unschedule_all_actions( $gpsync_hook, [], 'gpsync' );
	}
	wp_clear_scheduled_hook( $gpsync_hook );
}

// Every option the plugin owns starts with gpsync_. Meta on orders, users and products (_gpsync_*) stays:
// it records what exists in GP, which is still true after the plugin is gone.
$gpsync_options = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'gpsync\\_%'" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- runs once, on uninstall.
foreach ( $gpsync_options as $gpsync_option ) {
	delete_option( (string) $gpsync_option );
}
delete_transient( 'gpsync_schedules_checked' );
