<?php
/**
 * The plugin's benches, on the real WordPress + WooCommerce + MariaDB of the test profile, with a bridge of
 * their own (gp-bridge serve on a fresh sandbox GP). `npm run bench` runs this and puts the figures in its
 * table; alone: php bench/plugin-bench.php [--rounds=6] [--per-round=10] [--drain=10000] [--backfill=20000]
 *
 *   checkout  order creation through WooCommerce's CRUD in this one PHP process, the plugin's hooks present
 *             versus removed, in interleaved rounds (which side goes first alternates), so drift in the
 *             machine's load hits both sides alike. Ratio = mean time per order, active / inactive.
 *   drain     N queued orders sent by the plugin's dispatcher into the bridge and the sandbox GP. The rows are
 *             inserted in bulk and each payload is the plugin's own payload of one real order, renumbered, so
 *             N orders need not be N checkouts.
 *   backfill  `wp gp-sync backfill`'s Backfill::run over N historical orders (rows of wc_orders cloned in bulk
 *             from one real order, dated 2020): time to page through them and queue each, and PHP's memory at
 *             every page (flat = no growth with N). Only queueing: sending them is the drain's rate.
 * Prints one JSON object on its last line. Everything it makes (orders, rows, products, settings) is removed.
 * Needs the test stack: scripts/stack/up.sh test (with WOOCOMMERCE_DIR set).
 */

declare(strict_types=1);

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals,WordPress.DB.PreparedSQL -- a standalone bench script; table names are ours.

$opts      = getopt( '', [ 'rounds::', 'per-round::', 'drain::', 'backfill::' ] );
$rounds    = (int) ( $opts['rounds'] ?? 6 );
$per_round = (int) ( $opts['per-round'] ?? 10 );
$drain_n   = (int) ( $opts['drain'] ?? 10000 );
$backfill  = (int) ( $opts['backfill'] ?? 20000 );

$env = [];
foreach ( (array) file( dirname( __DIR__ ) . '/.local/test/stack.env', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
	[ $k, $v ] = array_pad( explode( '=', (string) $line, 2 ), 2, '' );
	$env[ $k ] = $v;
}
if ( '1' !== ( $env['WOOCOMMERCE'] ?? '' ) ) {
	fwrite( STDERR, "needs the test stack with WooCommerce: WOOCOMMERCE_DIR=… scripts/stack/up.sh test\n" );
	exit( 3 );
}
putenv( 'GPSYNC_PROFILE=test' );
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $env['WP_PATH'] . '/wp-load.php';
require dirname( __DIR__ ) . '/plugin/vendor/autoload.php'; // the test support classes (FaultBridge)

use GPSync\Tests\Integration\Faults\Support\FaultBridge;

/** One real order's payload, renumbered per row: the drain's builder. */
final class BenchOrderBuilder implements \GPSync\Payload\PayloadBuilder {
	/** @var array<string,mixed> */
	private array $template;
	private string $run;
	/** @param array<string,mixed> $template */
	public function __construct( array $template, string $run ) {
		$this->template = $template;
		$this->run      = $run;
	}
	public function kind(): string {
		return 'order';
	}
	public function build( int $entity_id, array $meta_keys ): ?array {
		$payload                 = $this->template;
		$payload['woo_order_id'] = $entity_id;
		$payload['order_number'] = $this->run . ( $entity_id - 800000000 );
		return $payload;
	}
}

global $wpdb;
$plugin  = \GPSync\Plugin::instance();
$outbox  = $plugin->outbox();
$table   = $outbox->table_name();
$saved   = get_option( 'gpsync_settings' );
$bridge  = new FaultBridge();
$result  = [ 'php' => PHP_VERSION, 'woocommerce' => WC()->version ];
$cleanup = [];
try {
	$plugin->settings()->update(
		[
			'bridge_url'      => $bridge->url(),
			'bridge_secret'   => $bridge->secret,
			'batch_size'      => 50,
			'request_timeout' => 60,
		]
	);
	delete_option( 'gpsync_circuit' );
	$wpdb->query( "TRUNCATE TABLE `$table`" );
	$products = $outbox->without_capture(
		static function (): array {
			$made = [];
			foreach ( [ [ 'WCGP-MUG-001', '12.50' ], [ 'WCGP-PEN-002', '4.35' ] ] as [ $sku, $price ] ) {
				$product = new \WC_Product_Simple();
				$product->set_props( [ 'name' => "Bench $sku", 'sku' => $sku, 'regular_price' => $price, 'status' => 'publish' ] );
				$product->save();
				$made[] = $product;
			}
			return $made;
		}
	);
	$cleanup[] = static function () use ( $products ): void {
		foreach ( $products as $product ) {
			$product->delete( true );
		}
	};
	$made_orders = [];
	$cleanup[]   = static function () use ( &$made_orders ): void {
		foreach ( $made_orders as $id ) {
			$order = wc_get_order( $id );
			if ( $order ) {
				$order->delete( true );
			}
		}
	};
	$place_order = static function () use ( $products, &$made_orders ): float {
		$t     = hrtime( true );
		$order = new \WC_Order();
		$order->add_product( $products[0], 2 );
		$order->add_product( $products[1], 1 );
		$order->set_props(
			[
				'billing_first_name' => 'Bench',
				'billing_last_name'  => 'Shopper',
				'billing_address_1'  => '1 Bench Road',
				'billing_city'       => 'Leeds',
				'billing_postcode'   => 'LS1 1AA',
				'billing_country'    => 'GB',
				'billing_email'      => 'bench@example.test',
				'currency'           => 'USD',
				'payment_method'     => 'bacs',
			]
		);
		$order->calculate_totals();
		$order->set_status( 'processing' );
		$order->save();
		$ms            = ( hrtime( true ) - $t ) / 1e6;
		$made_orders[] = $order->get_id();
		return $ms;
	};

	// ---- checkout overhead: the plugin's hooks present versus removed, interleaved rounds.
	global $wp_filter;
	$ours = [];
	foreach ( $wp_filter as $hook => $wp_hook ) {
		foreach ( $wp_hook->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				$object   = is_array( $function ) && is_object( $function[0] ) ? $function[0] : ( $function instanceof \Closure ? null : null );
				if ( null !== $object && str_starts_with( get_class( $object ), 'GPSync\\' ) ) {
					$ours[] = [ $hook, $function, $priority, $callback['accepted_args'] ];
				}
			}
		}
	}
	$plugin_active = static function ( bool $active ) use ( $ours ): void {
		foreach ( $ours as [ $hook, $function, $priority, $args ] ) {
			if ( $active ) {
				add_filter( $hook, $function, $priority, $args );
			} else {
				remove_filter( $hook, $function, $priority );
			}
		}
	};
	$place_order(); // warm-up: autoloaders, caches, the first insert into each table
	$times = [
		'active'   => [],
		'inactive' => [],
	];
	for ( $round = 0; $round < $rounds; $round++ ) {
		foreach ( 0 === $round % 2 ? [ true, false ] : [ false, true ] as $active ) {
			$plugin_active( $active );
			for ( $i = 0; $i < $per_round; $i++ ) {
				$times[ $active ? 'active' : 'inactive' ][] = $place_order();
			}
		}
	}
	$plugin_active( true );
	$mean               = static fn( array $ms ): float => array_sum( $ms ) / max( 1, count( $ms ) );
	$result['checkout'] = [
		'orders_per_side' => count( $times['active'] ),
		'hooks_removed'   => count( $ours ),
		'active_ms'       => $mean( $times['active'] ),
		'inactive_ms'     => $mean( $times['inactive'] ),
		'ratio'           => $mean( $times['active'] ) / max( 1e-9, $mean( $times['inactive'] ) ),
		'rows_queued'     => (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table`" ),
	];
	fwrite( STDERR, 'checkout: ' . wp_json_encode( $result['checkout'] ) . "\n" );

	// ---- drain: N queued orders into the bridge.
	$template_id = $outbox->enqueue( 'order', (int) end( $made_orders ), 'bench' );
	$message     = $plugin->messages()->build( $outbox->find( $template_id ) );
	$wpdb->query( "TRUNCATE TABLE `$table`" );
	$run = 'B' . substr( bin2hex( random_bytes( 3 ) ), 0, 5 ) . '-';
	$now = gmdate( 'Y-m-d H:i:s' );
	for ( $start = 0; $start < $drain_n; $start += 1000 ) {
		$values = [];
		for ( $i = $start; $i < min( $drain_n, $start + 1000 ); $i++ ) {
			$values[] = $wpdb->prepare( '(%s, %s, %d, %s, %s, %s, %s, %s)', wp_generate_uuid4(), 'order', 800000000 + $i, 'bench', 'pending', $now, $now, $now );
		}
		$wpdb->query( "INSERT INTO `$table` (message_uuid, kind, entity_id, event, status, next_attempt_at_gmt, created_at_gmt, updated_at_gmt) VALUES " . implode( ',', $values ) );
	}
	$settings   = new \GPSync\Settings\Settings();
	$dispatcher = new \GPSync\Outbox\OutboxDispatcher(
		$outbox,
		new \GPSync\Bridge\BridgeClient( $settings, new \GPSync\Bridge\HttpTransport() ),
		$settings,
		new \GPSync\Outbox\MessageFactory( $settings, [ new BenchOrderBuilder( (array) ( $message['payload'] ?? [] ), $run ) ] ),
		new \GPSync\Meta\GpIdsWriter( new \GPSync\Orders\OrderGateway(), $outbox ),
		$plugin->circuit(),
		new \GPSync\Logging\Logger()
	);
	$t0    = microtime( true );
	$total = new \GPSync\Outbox\DispatchReport();
	do {
		$report = $dispatcher->run( 600 );
		$total->add( $report );
	} while ( $report->claimed > 0 && '' === $report->request_error && microtime( true ) - $t0 < 900 );
	$seconds         = microtime( true ) - $t0;
	$counts          = $outbox->counts_by_status();
	$result['drain'] = [
		'orders'        => $drain_n,
		'seconds'       => $seconds,
		'done'          => $counts['done'],
		'dead'          => $counts['dead'],
		'waiting'       => $counts['pending'] + $counts['retry'] + $counts['in_flight'],
		'request_error' => $total->request_error,
		'first_dead'    => (string) $wpdb->get_var( "SELECT last_error_message FROM `$table` WHERE status = 'dead' LIMIT 1" ),
	];
	fwrite( STDERR, 'drain: ' . wp_json_encode( $result['drain'] ) . "\n" );
	$wpdb->query( "TRUNCATE TABLE `$table`" );

	// ---- backfill: N historical orders cloned in bulk from one real order (rows of wc_orders only).
	$orders_table = $wpdb->prefix . 'wc_orders';
	$source_id    = (int) end( $made_orders );
	$cleanup[]    = static function () use ( $wpdb, $orders_table ): void {
		$wpdb->query( "DELETE FROM `$orders_table` WHERE id >= 700000000 AND id < 800000000" );
	};
	for ( $start = 0; $start < $backfill; $start += 5000 ) {
		$wpdb->query(
			$wpdb->prepare(
				"INSERT INTO `$orders_table` (id, status, currency, type, tax_amount, total_amount, customer_id, billing_email, date_created_gmt, date_updated_gmt, parent_order_id, payment_method)
				SELECT 700000000 + seq.seq, 'wc-completed', currency, type, tax_amount, total_amount, customer_id, billing_email, '2020-03-01 10:00:00', '2020-03-01 10:00:00', 0, payment_method
				FROM `$orders_table` o JOIN seq_0_to_%d seq WHERE o.id = %d AND seq.seq >= %d",
				min( $backfill, $start + 5000 ) - 1,
				$source_id,
				$start
			)
		);
	}
	$cloned  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$orders_table` WHERE id >= 700000000 AND id < 800000000" );
	$memory  = [];
	$t0      = microtime( true );
	$queued  = $plugin->backfill()->run(
		'order',
		'2020-01-01',
		500,
		static function () use ( &$memory ): void {
			$memory[] = memory_get_usage();
		}
	);
	$seconds = microtime( true ) - $t0;
	$result['backfill'] = [
		'orders'        => $cloned,
		'queued'        => $queued,
		'seconds'       => $seconds,
		'memory_first'  => $memory[0] ?? 0,
		'memory_middle' => $memory[ intdiv( count( $memory ), 2 ) ] ?? 0,
		'memory_last'   => end( $memory ) ?: 0,
		'memory_peak'   => memory_get_peak_usage(),
	];
	fwrite( STDERR, 'backfill: ' . wp_json_encode( $result['backfill'] ) . "\n" );
	$wpdb->query( "TRUNCATE TABLE `$table`" );
} finally {
	foreach ( array_reverse( $cleanup ) as $step ) {
		$step();
	}
	$wpdb->query( "TRUNCATE TABLE `$table`" );
	update_option( 'gpsync_settings', $saved );
	$bridge->destroy();
}
echo wp_json_encode( $result ), "\n";
