<?php
/**
 * Plugin outbox bench, on the real WordPress + MariaDB of the test profile and its sandbox bridge:
 *   1. enqueue cost per event (µs): new rows, and coalescing into a waiting row;
 *   2. draining N queued rows (default 10,000) into the bridge: rows/s and total time.
 * Usage (stack up first: scripts/stack/up.sh test):
 *   php bench/plugin-outbox.php [--rows=10000] [--batch=100] [--enqueues=2000]
 * It truncates the test profile's outbox before and after. Payloads are synthetic customers (one per row,
 * unique e-mail), built without WordPress users so 10,000 rows need no 10,000 user inserts.
 */

declare(strict_types=1);

$gpsync_opts     = getopt( '', [ 'rows::', 'batch::', 'enqueues::' ] );
$gpsync_rows     = (int) ( $gpsync_opts['rows'] ?? 10000 );
$gpsync_batch    = (int) ( $gpsync_opts['batch'] ?? 100 );
$gpsync_enqueues = (int) ( $gpsync_opts['enqueues'] ?? 2000 );

$gpsync_env = [];
foreach ( (array) file( dirname( __DIR__ ) . '/.local/test/stack.env', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $gpsync_line ) {
	[ $gpsync_k, $gpsync_v ] = array_pad( explode( '=', (string) $gpsync_line, 2 ), 2, '' );
	$gpsync_env[ $gpsync_k ] = $gpsync_v;
}
if ( '1' !== ( $gpsync_env['BRIDGE'] ?? '' ) ) {
	fwrite( STDERR, "The test profile's bridge is not running: scripts/stack/up.sh test\n" );
	exit( 1 );
}
putenv( 'GPSYNC_PROFILE=test' );
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $gpsync_env['WP_PATH'] . '/wp-load.php';

/** Synthetic customer payloads (the contract's shape), keyed by the row's entity id. */
final class GpsyncBenchCustomerBuilder implements \GPSync\Payload\PayloadBuilder {
	private string $run;
	public function __construct( string $run ) {
		$this->run = $run;
	}
	public function kind(): string {
		return 'customer';
	}
	public function build( int $entity_id, array $meta_keys ): ?array {
		$address = [ 'first_name' => 'Bench', 'last_name' => "Customer $entity_id", 'company' => '', 'address_1' => '1 Bench Road', 'address_2' => '', 'city' => 'Leeds', 'state' => '', 'postcode' => 'LS1 1AA', 'country' => 'GB', 'email' => '', 'phone' => '' ];
		return [
			'schema_version'     => 1,
			'woo_customer_id'    => $entity_id,
			'email'              => "bench-{$this->run}-$entity_id@example.test",
			'first_name'         => 'Bench',
			'last_name'          => "Customer $entity_id",
			'display_name'       => '',
			'billing'            => $address,
			'shipping'           => $address,
			'gp_customer_number' => null,
			'meta'               => (object) [],
		];
	}
}

global $wpdb;
$gpsync_plugin = \GPSync\Plugin::instance();
$gpsync_outbox = $gpsync_plugin->outbox();
$gpsync_table  = $gpsync_outbox->table_name();
$gpsync_saved  = get_option( 'gpsync_settings' );
$gpsync_plugin->settings()->update(
	[
		'bridge_url'      => $gpsync_env['BRIDGE_URL'],
		'bridge_secret'   => $gpsync_env['BRIDGE_SECRET'],
		'batch_size'      => $gpsync_batch,
		'request_timeout' => 60,
	]
);
delete_option( 'gpsync_circuit' );
$wpdb->query( "TRUNCATE TABLE `$gpsync_table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

// 1. Enqueue cost. Entity ids far above real ones; each enqueue is timed on its own.
$gpsync_base = 900000000;
$gpsync_new  = [];
for ( $i = 0; $i < $gpsync_enqueues; $i++ ) {
	$t            = hrtime( true );
	$gpsync_outbox->enqueue( 'order', $gpsync_base + $i, 'created' );
	$gpsync_new[] = ( hrtime( true ) - $t ) / 1000;
}
$gpsync_coalesce = [];
for ( $i = 0; $i < $gpsync_enqueues; $i++ ) {
	$t                 = hrtime( true );
	$gpsync_outbox->enqueue( 'order', $gpsync_base + $i, 'updated' );
	$gpsync_coalesce[] = ( hrtime( true ) - $t ) / 1000;
}
$gpsync_stats = static function ( array $us ): string {
	sort( $us );
	$n = count( $us );
	return sprintf( 'mean %.0f µs, median %.0f µs, p95 %.0f µs, max %.0f µs', array_sum( $us ) / $n, $us[ intdiv( $n, 2 ) ], $us[ (int) floor( $n * 0.95 ) ], $us[ $n - 1 ] );
};
printf( "enqueue, new row      (%d events): %s\n", $gpsync_enqueues, $gpsync_stats( $gpsync_new ) );
printf( "enqueue, coalesced    (%d events): %s\n", $gpsync_enqueues, $gpsync_stats( $gpsync_coalesce ) );
printf( "rows after %d enqueues of %d entities: %d (coalescing)\n", 2 * $gpsync_enqueues, $gpsync_enqueues, (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$gpsync_table`" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$wpdb->query( "TRUNCATE TABLE `$gpsync_table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

// 2. Drain. Rows are inserted in bulk (the enqueue cost is measured above), then the dispatcher drains them.
$gpsync_run = substr( bin2hex( random_bytes( 4 ) ), 0, 8 );
$gpsync_now = gmdate( 'Y-m-d H:i:s' );
for ( $start = 0; $start < $gpsync_rows; $start += 1000 ) {
	$values = [];
	for ( $i = $start; $i < min( $gpsync_rows, $start + 1000 ); $i++ ) {
		$values[] = $wpdb->prepare( '(%s, %s, %d, %s, %s, %s, %s, %s)', wp_generate_uuid4(), 'customer', $gpsync_base + $i, 'bench', 'pending', $gpsync_now, $gpsync_now, $gpsync_now );
	}
	$wpdb->query( "INSERT INTO `$gpsync_table` (message_uuid, kind, entity_id, event, status, next_attempt_at_gmt, created_at_gmt, updated_at_gmt) VALUES " . implode( ',', $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL
}
$gpsync_logger     = new \GPSync\Logging\Logger();
$gpsync_settings   = new \GPSync\Settings\Settings();
$gpsync_dispatcher = new \GPSync\Outbox\OutboxDispatcher(
	$gpsync_outbox,
	new \GPSync\Bridge\BridgeClient( $gpsync_settings, new \GPSync\Bridge\HttpTransport() ),
	$gpsync_settings,
	new \GPSync\Outbox\MessageFactory( $gpsync_settings, [ new GpsyncBenchCustomerBuilder( $gpsync_run ) ] ),
	new \GPSync\Meta\GpIdsWriter( new \GPSync\Orders\OrderGateway(), $gpsync_outbox ),
	$gpsync_plugin->circuit(),
	$gpsync_logger
);
$gpsync_t0    = microtime( true );
$gpsync_total = new \GPSync\Outbox\DispatchReport();
while ( true ) {
	$report = $gpsync_dispatcher->run( 600 );
	$gpsync_total->add( $report );
	if ( 0 === $report->claimed || '' !== $report->request_error || microtime( true ) - $gpsync_t0 > 900 ) {
		break;
	}
}
$gpsync_seconds = microtime( true ) - $gpsync_t0;
$gpsync_counts  = $gpsync_outbox->counts_by_status();
printf( "drain: %d rows in %.1f s = %.0f rows/s (batch %d, %d requests); done %d, retry %d, dead %d, request error '%s'\n", $gpsync_rows, $gpsync_seconds, $gpsync_total->done / max( 0.001, $gpsync_seconds ), $gpsync_batch, $gpsync_total->batches, $gpsync_counts['done'], $gpsync_counts['retry'], $gpsync_counts['dead'], $gpsync_total->request_error );
printf( "goals: enqueue mean %.3f ms (goal < 1 ms); drain of %d rows %.1f s (goal < 120 s for 10,000)\n", array_sum( $gpsync_new ) / count( $gpsync_new ) / 1000, $gpsync_rows, $gpsync_seconds );

$wpdb->query( "TRUNCATE TABLE `$gpsync_table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
update_option( 'gpsync_settings', $gpsync_saved );
exit( $gpsync_counts['done'] === $gpsync_rows ? 0 : 1 );
