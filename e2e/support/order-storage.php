<?php
/**
 * Switches WooCommerce's order storage of a stack profile: `php order-storage.php <WP_PATH> hpos|posts`.
 * Compatibility mode (sync to both tables) is turned on first, so orders made afterwards exist in both stores;
 * WooCommerce refuses a switch while older orders are out of sync, which the e2e specs allow (their own
 * orders are made after the switch). Prints the storage now in use.
 */

declare(strict_types=1);

[ , $gpsync_wp_path, $gpsync_storage ] = $argv + [ '', '', '' ];
if ( '' === $gpsync_wp_path || ! in_array( $gpsync_storage, [ 'hpos', 'posts' ], true ) ) {
	fwrite( STDERR, "usage: php order-storage.php <WP_PATH> hpos|posts\n" );
	exit( 2 );
}
$gpsync_url             = (string) getenv( 'GPSYNC_WP_URL' );
$_SERVER['HTTP_HOST']   = (string) parse_url( $gpsync_url, PHP_URL_HOST ) . ':' . (string) parse_url( $gpsync_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = (string) parse_url( $gpsync_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';
require $gpsync_wp_path . '/wp-load.php';

add_filter( 'wc_allow_changing_orders_storage_while_sync_is_pending', '__return_true' );
update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'yes' );
update_option( 'woocommerce_custom_orders_table_enabled', 'hpos' === $gpsync_storage ? 'yes' : 'no' );
wp_cache_flush();
echo 'yes' === get_option( 'woocommerce_custom_orders_table_enabled' ) ? "hpos\n" : "posts\n";
