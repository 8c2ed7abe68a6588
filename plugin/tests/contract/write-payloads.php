<?php
/**
 * Writes the plugin's payloads of the real WooCommerce 9.4 fixtures as JSON, for the bridge's contract test
 * (bridge/test/contract-php/), which validates each file with the bridge's zod schemas.
 *
 * Usage: php plugin/tests/contract/write-payloads.php <output-dir>
 * Writes <output-dir>/{order,refund,customer,product}/<name>.json and prints a one-line JSON summary.
 *
 * @package GPSync
 */

declare(strict_types=1);

// phpcs:disable WordPress.WP.AlternativeFunctions -- a CLI script without WordPress: plain file and JSON functions.
// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- prints JSON to a terminal, not HTML.

use GPSync\Tests\Unit\Payload\Support\WooFixtures;

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';

$gpsync_out = $argv[1] ?? '';
if ( '' === $gpsync_out ) {
	fwrite( STDERR, "usage: php write-payloads.php <output-dir>\n" );
	exit( 2 );
}

/**
 * @param array<string,mixed> $payload
 */
function gpsync_write_payload( string $dir, string $kind, string $name, array $payload ): void {
	if ( ! is_dir( "$dir/$kind" ) && ! mkdir( "$dir/$kind", 0777, true ) && ! is_dir( "$dir/$kind" ) ) {
		throw new RuntimeException( "Cannot create $dir/$kind" );
	}
	$json = json_encode( $payload, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR );
	file_put_contents( "$dir/$kind/$name.json", $json . "\n" );
}

$gpsync_counts = [
	'order'    => 0,
	'refund'   => 0,
	'customer' => 0,
	'product'  => 0,
];
foreach ( WooFixtures::scenarios() as $gpsync_scenario ) {
	gpsync_write_payload( $gpsync_out, 'order', $gpsync_scenario, WooFixtures::order_payload( $gpsync_scenario ) );
	++$gpsync_counts['order'];
	foreach ( WooFixtures::refund_payloads( $gpsync_scenario ) as $gpsync_refund ) {
		gpsync_write_payload( $gpsync_out, 'refund', $gpsync_scenario . '.refund-' . $gpsync_refund['woo_refund_id'], $gpsync_refund );
		++$gpsync_counts['refund'];
	}
}
foreach ( WooFixtures::customer_ids() as $gpsync_id ) {
	$gpsync_customer = WooFixtures::customer_payload( $gpsync_id, 0 === $gpsync_counts['customer'] ? 'WC0000003' : null );
	if ( null !== $gpsync_customer ) {
		gpsync_write_payload( $gpsync_out, 'customer', 'customer-' . $gpsync_id, $gpsync_customer );
		++$gpsync_counts['customer'];
	}
}
foreach ( WooFixtures::scenarios() as $gpsync_scenario ) {
	$gpsync_order = WooFixtures::export( $gpsync_scenario )['order'];
	if ( 0 === (int) $gpsync_order['customer_id'] ) {
		gpsync_write_payload( $gpsync_out, 'customer', 'guest-of-' . $gpsync_scenario, WooFixtures::order_customer( $gpsync_order ) );
		++$gpsync_counts['customer'];
	}
}
foreach ( WooFixtures::product_payloads() as $gpsync_product ) {
	gpsync_write_payload( $gpsync_out, 'product', 'product-' . $gpsync_product['woo_product_id'], $gpsync_product );
	++$gpsync_counts['product'];
}
echo json_encode( $gpsync_counts ), "\n";
