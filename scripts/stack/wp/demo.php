<?php
/**
 * Seeds, once, a small demo store into the dev profile so a first `npm start` shows the product working:
 * products with SKUs (one variable product with three sizes), two customers, a handful of orders in different
 * statuses, all sent to the sandbox GP through the plugin's own outbox and dispatcher (so the orders carry
 * their GP document numbers), and one order that cannot go: its product's SKU is 35 characters, longer than
 * GP's 31-character item number, so it waits as a dead letter until the product gets a GP item number.
 *
 * Usage (GPSYNC_PROFILE and GPSYNC_WP_URL in the environment, see scripts/stack/lib.sh wp_php):
 *   php demo.php settle     finishes WooCommerce's first run (what its first wp-admin visit does)
 *   php demo.php            seeds unless this site was seeded before (option gpsync_demo_seeded)
 * Prints one summary line on stdout for the banner; progress on stderr.
 */

declare(strict_types=1);

$gpsync_url = (string) getenv( 'GPSYNC_WP_URL' );
// WordPress reads the request's host when it runs outside a web server.
$_SERVER['HTTP_HOST']       = (string) parse_url( $gpsync_url, PHP_URL_HOST ) . ':' . (string) parse_url( $gpsync_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = (string) parse_url( $gpsync_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require dirname( __DIR__, 3 ) . '/.local/wordpress/wp-load.php';

/** Progress for the terminal, kept off stdout (which carries the banner's one line). */
function gpsync_demo_say( string $message ): void {
	fwrite( STDERR, "[demo] $message\n" );
}

if ( 'settle' === ( $argv[1] ?? '' ) ) {
	// A new WooCommerce finishes installing on the first wp-admin request, and that is when it switches a new
	// shop to HPOS. Orders seeded before it would land in the posts tables and vanish from an HPOS store, so
	// this runs that step first, in its own process (the seeding process then loads the settled data store).
	if ( class_exists( 'WooCommerce', false ) && 'yes' === get_option( 'woocommerce_newly_installed' ) ) {
		do_action( 'woocommerce_newly_installed' );
		update_option( 'woocommerce_newly_installed', 'no' );
	}
	exit( 0 );
}
if ( get_option( 'gpsync_demo_seeded' ) ) {
	echo 'seeded earlier (' . get_option( 'gpsync_demo_seeded' ) . "); see WooCommerce → Orders\n";
	exit( 0 );
}
if ( ! class_exists( 'WooCommerce', false ) || ! class_exists( '\GPSync\Plugin' ) ) {
	echo "not seeded: WooCommerce or GP Sync is not active\n";
	exit( 0 );
}

// The demo speaks to the sandbox GP: its own admin, the local time zone, US dollars.
wp_set_current_user( 1 );
update_option( 'woocommerce_currency', 'USD' );
update_option( 'woocommerce_default_country', 'US:CA' );

/**
 * A simple product with a SKU, price and managed stock.
 */
function gpsync_demo_simple( string $name, string $sku, string $price ): WC_Product_Simple {
	$product = new WC_Product_Simple();
	$product->set_name( $name );
	$product->set_sku( $sku );
	$product->set_regular_price( $price );
	$product->set_manage_stock( true );
	$product->set_stock_quantity( 50 );
	$product->set_status( 'publish' );
	$product->save();
	return $product;
}

/**
 * A variable product "T-shirt" with one variation per size, each with its own SKU.
 *
 * @return array<string, WC_Product_Variation> size => variation
 */
function gpsync_demo_variable( string $name, string $sku, string $price, array $sizes ): array {
	$attribute = new WC_Product_Attribute();
	$attribute->set_name( 'Size' );
	$attribute->set_options( $sizes );
	$attribute->set_visible( true );
	$attribute->set_variation( true );
	$parent = new WC_Product_Variable();
	$parent->set_name( $name );
	$parent->set_sku( $sku );
	$parent->set_attributes( [ $attribute ] );
	$parent->set_status( 'publish' );
	$parent->save();
	$variations = [];
	foreach ( $sizes as $size ) {
		$variation = new WC_Product_Variation();
		$variation->set_parent_id( $parent->get_id() );
		$variation->set_attributes( [ 'size' => $size ] );
		$variation->set_sku( $sku . '-' . strtoupper( $size ) );
		$variation->set_regular_price( $price );
		$variation->set_manage_stock( true );
		$variation->set_stock_quantity( 20 );
		$variation->save();
		$variations[ $size ] = $variation;
	}
	WC_Product_Variable::sync( $parent->get_id() );
	return $variations;
}

/**
 * A registered customer with billing and shipping addresses.
 *
 * @param array<string,string> $address
 */
function gpsync_demo_customer( string $email, string $first, string $last, array $address ): WC_Customer {
	$user_id = wc_create_new_customer( $email, sanitize_user( strstr( $email, '@', true ) ), wp_generate_password() );
	if ( is_wp_error( $user_id ) ) {
		throw new RuntimeException( 'cannot create customer ' . $email . ': ' . $user_id->get_error_message() );
	}
	$customer = new WC_Customer( $user_id );
	$customer->set_first_name( $first );
	$customer->set_last_name( $last );
	foreach ( [ 'billing', 'shipping' ] as $type ) {
		$customer->{"set_{$type}_first_name"}( $first );
		$customer->{"set_{$type}_last_name"}( $last );
		foreach ( $address as $field => $value ) {
			$customer->{"set_{$type}_{$field}"}( $value );
		}
	}
	$customer->set_billing_email( $email );
	$customer->save();
	return $customer;
}

/**
 * An order for a customer (or a guest), with lines [ product, quantity ], flat shipping, in the given status.
 *
 * @param list<array{0: WC_Product, 1: int}> $lines
 * @param array<string,string>               $guest billing fields for a guest order
 */
function gpsync_demo_order( ?WC_Customer $customer, array $lines, string $status, array $guest = [] ): WC_Order {
	$order = wc_create_order( [ 'customer_id' => $customer ? $customer->get_id() : 0 ] );
	foreach ( $lines as [ $product, $quantity ] ) {
		$order->add_product( $product, $quantity );
	}
	$billing = $customer ? $customer->get_billing() : $guest;
	$order->set_address( $billing, 'billing' );
	$order->set_address( $customer ? $customer->get_shipping() : $guest, 'shipping' );
	$shipping = new WC_Order_Item_Shipping();
	$shipping->set_method_title( 'Flat rate' );
	$shipping->set_method_id( 'flat_rate' );
	$shipping->set_total( '7.95' );
	$order->add_item( $shipping );
	$order->set_payment_method( 'cod' );
	$order->set_payment_method_title( 'Cash on delivery' );
	$order->calculate_totals( false );
	$order->save();
	if ( 'pending' !== $status ) {
		$order->update_status( $status, 'GP Sync demo store. ' );
	}
	return $order;
}

/**
 * Sends what the outbox holds to the bridge now (the same dispatcher Action Scheduler runs), until nothing is
 * due or in flight: Action Scheduler's own runner may be sending some of the rows at the same time.
 */
function gpsync_demo_dispatch( string $what ): void {
	global $wpdb;
	$table = $wpdb->prefix . 'gpsync_outbox';
	for ( $round = 0; $round < 30; $round++ ) {
		$report = \GPSync\Plugin::instance()->dispatcher()->run( 60 );
		if ( '' !== $report->request_error ) {
			throw new RuntimeException( "the bridge did not take the $what: {$report->request_error}" );
		}
		if ( $report->sent > 0 ) {
			gpsync_demo_say( sprintf( '%s: %d sent, %d done, %d retry, %d dead', $what, $report->sent, $report->done, $report->retry, $report->dead ) );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- our own table; nothing from outside.
		$open = (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table` WHERE status = 'in_flight' OR ( status IN ( 'pending', 'retry' ) AND next_attempt_at_gmt <= UTC_TIMESTAMP() )" );
		if ( 0 === $open ) {
			return;
		}
		sleep( 1 );
	}
	gpsync_demo_say( "$what: some messages are still queued; the scheduler sends them shortly" );
}

try {
	gpsync_demo_say( 'seeding the demo store (npm start -- --no-demo skips this)' );
	$mug    = gpsync_demo_simple( 'Enamel Camp Mug', 'DEMO-MUG', '14.00' );
	$beans  = gpsync_demo_simple( 'Coffee Beans 1 kg', 'DEMO-BEANS-1KG', '24.50' );
	$tee    = gpsync_demo_variable( 'Organic Cotton T-Shirt', 'DEMO-TEE', '19.99', [ 's', 'm', 'l' ] );
	$sku_35 = 'DEMO-HANDMADE-CERAMIC-POUR-OVER-SET'; // 35 characters; GP's ITEMNMBR holds 31.
	$kettle = gpsync_demo_simple( 'Handmade Ceramic Pour-Over Set', $sku_35, '48.00' );
	gpsync_demo_dispatch( 'products' );

	$ada   = gpsync_demo_customer(
		'ada.demo@example.test',
		'Ada',
		'Lovelace',
		[
			'address_1' => '12 Analytical Way',
			'city'      => 'San Jose',
			'state'     => 'CA',
			'postcode'  => '95113',
			'country'   => 'US',
		]
	);
	$grace = gpsync_demo_customer(
		'grace.demo@example.test',
		'Grace',
		'Hopper',
		[
			'address_1' => '1 Compiler Street',
			'city'      => 'Arlington',
			'state'     => 'VA',
			'postcode'  => '22201',
			'country'   => 'US',
		]
	);
	gpsync_demo_dispatch( 'customers' );

	$orders = [
		gpsync_demo_order( $ada, [ [ $mug, 2 ], [ $tee['m'], 1 ] ], 'processing' ),
		gpsync_demo_order( $grace, [ [ $beans, 3 ], [ $tee['l'], 2 ] ], 'completed' ),
		gpsync_demo_order( $ada, [ [ $tee['s'], 1 ] ], 'on-hold' ),
		gpsync_demo_order(
			null,
			[ [ $beans, 1 ] ],
			'pending',
			[
				'first_name' => 'Guest',
				'last_name'  => 'Buyer',
				'email'      => 'guest.demo@example.test',
				'address_1'  => '5 Market Street',
				'city'       => 'San Francisco',
				'state'      => 'CA',
				'postcode'   => '94105',
				'country'    => 'US',
			]
		),
		gpsync_demo_order( $grace, [ [ $kettle, 1 ], [ $mug, 1 ] ], 'processing' ),
	];
	gpsync_demo_dispatch( 'orders' );
} catch ( Throwable $e ) {
	gpsync_demo_say( 'ERROR: ' . $e->getMessage() );
	echo 'FAILED: ' . $e->getMessage() . "\n";
	exit( 1 );
}

wp_cache_flush(); // Another process (Action Scheduler's runner) may have written GP numbers meanwhile.
$in_gp = [];
$dead  = [];
foreach ( $orders as $order ) {
	$order = wc_get_order( $order->get_id() );
	if ( ! $order instanceof WC_Order ) {
		continue;
	}
	$number = (string) $order->get_meta( '_gpsync_sop_number' );
	if ( '' !== $number ) {
		$in_gp[] = sprintf( '#%s %s → %s', $order->get_order_number(), $order->get_status(), $number );
	} elseif ( 'failed' === $order->get_meta( '_gpsync_state' ) ) {
		$dead[] = '#' . $order->get_order_number();
	}
}
update_option( 'gpsync_demo_seeded', gmdate( 'Y-m-d H:i' ) . ' UTC', false );
printf(
	"%d orders; in the sandbox GP: %s; dead letter: order %s (SKU %s is longer than GP's 31 characters: give the product a GP item number, then retry)\n",
	count( $orders ),
	[] === $in_gp ? 'none' : implode( ', ', $in_gp ),
	[] === $dead ? '(none)' : implode( ', ', $dead ),
	$sku_35
);
