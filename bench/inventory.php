<?php
/**
 * Inventory bench, on the real WordPress + WooCommerce + MariaDB of the test profile and its sandbox bridge
 * (issue 9): N managed-stock products, then each goal measured in its own PHP process (a fresh WordPress
 * load, as WP-CLI or a cron run would be), with its time and peak memory:
 *   push    first product push of N products into the sandbox GP (backfill + dispatcher)   goal < 10 min
 *   all     full resync, every item changed                                               goal ≥ 300 items/s
 *   none    full resync, nothing changed                                                  goal < 20 s
 *   one_pct full resync, 1 % changed                                                      goal < 30 s
 *   poll    poll from the cursor with 100 changed among N                                 goal < 2 s
 *   sold_out full resync with 1 % set to 0, so their stock status moves (no goal: WooCommerce's full save)
 * Usage (stack up first: scripts/stack/up.sh test, or dev with GPSYNC_BENCH_PROFILE=dev; Node for the sandbox
 * stock CLI):
 *   php bench/inventory.php [--products=2000] [--push=N] [--all=N] [--run=<id of an earlier run to reuse>]
 * --push sends only the first N products of the push to GP and extrapolates the time for all (the other GP
 * items are then written straight into the sandbox database); --all changes only N items for the
 * "everything changed" rate (the resync still reads every item).
 * It adds N products named bench-<run>-… to the test profile's database and N items to its sandbox GP, and
 * leaves them there (scripts/stack/down.sh test && scripts/stack/up.sh test starts afresh).
 */

declare(strict_types=1);

// phpcs:ignoreFile -- a bench script: direct SQL for speed, output to the terminal.

$gpsync_opts = getopt( '', [ 'products::', 'step::', 'run::', 'push::', 'all::' ] );
$gpsync_root = dirname( __DIR__ );

/** The test profile's stack.env. */
function gpsync_bench_env( string $root ): array {
	$env = [];
	$profile = getenv( 'GPSYNC_BENCH_PROFILE' ) ?: 'test';
	foreach ( (array) file( $root . "/.local/$profile/stack.env", FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
		[ $k, $v ]  = array_pad( explode( '=', (string) $line, 2 ), 2, '' );
		$env[ $k ] = $v;
	}
	if ( '1' !== ( $env['BRIDGE'] ?? '' ) || '1' !== ( $env['WOOCOMMERCE'] ?? '' ) ) {
		fwrite( STDERR, "The $profile profile must be up with WooCommerce and the bridge: WOOCOMMERCE_DIR=… scripts/stack/up.sh $profile\n" );
		exit( 1 );
	}
	return $env;
}

/** One measured step, in this process: prints one JSON line. */
function gpsync_bench_step( string $step, string $run, int $n, array $env ): void {
	global $wpdb;
	$plugin = \GPSync\Plugin::instance();
	$plugin->settings()->update(
		[
			'bridge_url'      => $env['BRIDGE_URL'],
			'bridge_secret'   => $env['BRIDGE_SECRET'],
			'request_timeout' => 120,
			'inventory_sites' => 'all',
		]
	);
	delete_option( 'gpsync_circuit' );
	$result = [ 'step' => $step ];
	$t      = microtime( true );
	switch ( $step ) {
		case 'create':
			$result += gpsync_bench_create_products( $run, $n );
			break;
		case 'push':
			$plugin->settings()->update( [ 'batch_size' => 200 ] );
			$queued      = $plugin->backfill()->run( 'product', gmdate( 'Y-m-d', time() - 86400 ), 500 );
			$result['enqueue_seconds'] = microtime( true ) - $t;
			$dispatcher  = $plugin->dispatcher();
			$done        = 0;
			$other       = 0;
			$sample      = (int) ( getenv( 'GPSYNC_BENCH_PUSH_SAMPLE' ) ?: $n );
			$t_send      = microtime( true );
			do {
				$report = $dispatcher->dispatch_batch( 200 );
				$done  += $report->done;
				$other += $report->retry + $report->dead;
				if ( '' !== $report->request_error ) {
					$result['request_error'] = $report->request_error;
					break;
				}
			} while ( $report->claimed > 0 && $done + $other < $sample );
			$result['send_seconds'] = microtime( true ) - $t_send;
			// Rows beyond the sample stay unsent; the driver makes their GP items directly (not measured).
			$wpdb->query( 'TRUNCATE TABLE `' . $plugin->outbox()->table_name() . '`' );
			$result += [ 'queued' => $queued, 'done' => $done, 'not_done' => $other ];
			break;
		case 'all':
		case 'none':
		case 'one_pct':
		case 'sold_out':
			$result += $plugin->inventory()->sync( null, true );
			break;
		case 'poll':
			$result += $plugin->inventory()->sync( null, false );
			break;
	}
	$result['seconds']     = microtime( true ) - $t;
	$result['peak_mb']     = memory_get_peak_usage( true ) / 1048576;
	$result['unknown_items'] = count( $result['unknown_items'] ?? [] );
	echo 'RESULT ' . json_encode( $result ) . "\n";
}

/**
 * N simple products with managed stock 0, written straight into posts, postmeta, the product_type term and
 * wc_product_meta_lookup (what WooCommerce's own data store writes for such a product), in multi-row INSERTs.
 */
function gpsync_bench_create_products( string $run, int $n ): array {
	global $wpdb;
	$simple = get_term_by( 'slug', 'simple', 'product_type' );
	if ( ! $simple instanceof WP_Term ) {
		throw new RuntimeException( 'WooCommerce\'s product_type term "simple" is missing' );
	}
	$now   = current_time( 'mysql' );
	$gmt   = current_time( 'mysql', true );
	$chunk = 1000;
	for ( $start = 0; $start < $n; $start += $chunk ) {
		$rows = [];
		for ( $i = $start; $i < min( $n, $start + $chunk ); $i++ ) {
			$rows[] = $wpdb->prepare( '(1, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)', $now, $gmt, '', "Bench product $run $i", '', 'publish', 'closed', 'closed', "bench-$run-$i", $now, $gmt, 'product' );
		}
		$wpdb->query( "INSERT INTO {$wpdb->posts} (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_name, post_modified, post_modified_gmt, post_type) VALUES " . implode( ',', $rows ) );
		$ids  = $wpdb->get_results( $wpdb->prepare( "SELECT ID, post_name FROM {$wpdb->posts} WHERE post_type = 'product' AND post_name LIKE %s AND ID >= %d", $wpdb->esc_like( "bench-$run-" ) . '%', (int) $wpdb->insert_id ), ARRAY_A );
		$meta = [];
		$look = [];
		$term = [];
		foreach ( $ids as $row ) {
			$id  = (int) $row['ID'];
			$sku = strtoupper( str_replace( 'bench-', 'BENCH-', (string) $row['post_name'] ) );
			foreach ( [ '_sku' => $sku, '_regular_price' => '10', '_price' => '10', '_manage_stock' => 'yes', '_stock' => '100', '_stock_status' => 'instock', '_backorders' => 'no', '_sold_individually' => 'no', '_virtual' => 'no', '_downloadable' => 'no', '_tax_status' => 'taxable', '_tax_class' => '', 'total_sales' => '0', '_wc_average_rating' => '0', '_wc_review_count' => '0', '_product_version' => WC()->version ] as $key => $value ) {
				$meta[] = $wpdb->prepare( '(%d, %s, %s)', $id, $key, $value );
			}
			$look[] = $wpdb->prepare( "(%d, %s, 0, 0, 10, 10, 0, 100, 'instock', 0, 0, 0, 'taxable', '')", $id, $sku );
			$term[] = $wpdb->prepare( '(%d, %d)', $id, $simple->term_taxonomy_id );
		}
		$wpdb->query( "INSERT INTO {$wpdb->postmeta} (post_id, meta_key, meta_value) VALUES " . implode( ',', $meta ) );
		$wpdb->query( "INSERT INTO {$wpdb->prefix}wc_product_meta_lookup (product_id, sku, `virtual`, downloadable, min_price, max_price, onsale, stock_quantity, stock_status, rating_count, average_rating, total_sales, tax_status, tax_class) VALUES " . implode( ',', $look ) );
		$wpdb->query( "INSERT INTO {$wpdb->term_relationships} (object_id, term_taxonomy_id) VALUES " . implode( ',', $term ) );
	}
	$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->term_taxonomy} SET count = count + %d WHERE term_taxonomy_id = %d", $n, $simple->term_taxonomy_id ) );
	wp_cache_flush();
	// Valid WooCommerce products? A sample through WooCommerce's own factory.
	$sample = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_name LIKE %s ORDER BY RAND() LIMIT 20", $wpdb->esc_like( "bench-$run-" ) . '%' ) );
	$valid  = 0;
	foreach ( $sample as $id ) {
		$product = wc_get_product( (int) $id );
		if ( $product instanceof WC_Product_Simple && $product->managing_stock() && 100 === $product->get_stock_quantity() && str_starts_with( $product->get_sku(), 'BENCH-' ) && 'instock' === $product->get_stock_status() && (int) $id === wc_get_product_id_by_sku( $product->get_sku() ) ) {
			++$valid;
		}
	}
	return [ 'created' => $n, 'sample_valid' => "$valid/" . count( $sample ) ];
}

/** Sets GP stock for the given item indexes through `gp-bridge sandbox stock --csv`. */
function gpsync_bench_gp_stock( string $root, array $env, string $run, array $indexes, int $quantity_base, int $spread ): float {
	$file = tempnam( sys_get_temp_dir(), 'gpsync-bench-stock-' );
	$csv  = fopen( $file, 'w' );
	fwrite( $csv, "item,site,quantity\n" );
	foreach ( $indexes as $i ) {
		fwrite( $csv, sprintf( "BENCH-%s-%d,MAIN,%d\n", strtoupper( $run ), $i, $quantity_base + ( $spread > 0 ? $i % $spread : 0 ) ) );
	}
	fclose( $csv );
	$t = microtime( true );
	$command = sprintf( 'GPSYNC_SANDBOX_PATH=%s GPSYNC_LOG_LEVEL=warn %s %s sandbox stock --csv %s 2>&1', escapeshellarg( $env['SANDBOX_PATH'] ), escapeshellarg( "$root/node_modules/.bin/tsx" ), escapeshellarg( "$root/bridge/src/cli.ts" ), escapeshellarg( $file ) );
	exec( $command, $output, $code );
	unlink( $file );
	if ( 0 !== $code ) {
		fwrite( STDERR, implode( "\n", $output ) . "\n" );
		exit( 1 );
	}
	return microtime( true ) - $t;
}

/** GP items for products the push sample did not send, written straight into the sandbox's IV00101. */
function gpsync_bench_seed_gp_items( string $root, array $env, string $run, int $n ): void {
	$script = 'const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.pragma("busy_timeout = 10000");'
		. ' const now = new Date().toISOString(); const ins = db.prepare("INSERT OR IGNORE INTO IV00101 (ITEMNMBR, ITEMDESC, ITEMTYPE, UOMSCHDL, LISTPRCE, DEX_ROW_TS) VALUES (?, ?, 1, \'EACH\', \'10\', ?)");'
		. ' db.transaction(() => { for (let i = 0; i < Number(process.argv[3]); i++) ins.run(`BENCH-${process.argv[2]}-${i}`, `Bench product ${i}`, now); })(); db.close();';
	$command = sprintf( 'cd %s && node -e %s %s %s %d 2>&1', escapeshellarg( "$root/bridge" ), escapeshellarg( $script ), escapeshellarg( $env['SANDBOX_PATH'] ), escapeshellarg( strtoupper( $run ) ), $n );
	exec( $command, $output, $code );
	if ( 0 !== $code ) {
		fwrite( STDERR, implode( "\n", $output ) . "\n" );
		exit( 1 );
	}
}

/** Runs one step in a fresh PHP process and returns its RESULT. */
function gpsync_bench_child( string $step, string $run, int $n ): array {
	$command = sprintf( '%s -d memory_limit=1024M %s --step=%s --run=%s --products=%d', escapeshellarg( PHP_BINARY ), escapeshellarg( __FILE__ ), $step, $run, $n );
	exec( $command, $output, $code );
	foreach ( $output as $line ) {
		if ( str_starts_with( $line, 'RESULT ' ) ) {
			return (array) json_decode( substr( $line, 7 ), true );
		}
	}
	fwrite( STDERR, "step $step failed (exit $code):\n" . implode( "\n", $output ) . "\n" );
	exit( 1 );
}

if ( isset( $gpsync_opts['step'] ) ) {
	// WordPress is loaded in the global scope, as it expects. No WP-Cron spawn: the site's own scheduled polls
	// and dispatches would run beside the measured step.
	if ( ! defined( 'DISABLE_WP_CRON' ) ) {
		define( 'DISABLE_WP_CRON', true );
	}
	$gpsync_env = gpsync_bench_env( $gpsync_root );
	putenv( 'GPSYNC_PROFILE=' . $gpsync_env['GPSYNC_PROFILE'] );
	$_SERVER['HTTP_HOST']   = '127.0.0.1';
	$_SERVER['REQUEST_URI'] = '/';
	require $gpsync_env['WP_PATH'] . '/wp-load.php';
	gpsync_bench_step( (string) $gpsync_opts['step'], (string) $gpsync_opts['run'], (int) $gpsync_opts['products'], $gpsync_env );
	exit( 0 );
}

// ---- the driver ----------------------------------------------------------------------------------------
$gpsync_n   = (int) ( $gpsync_opts['products'] ?? 2000 );
// --run=<id> reuses the products and GP items of an earlier run with that id (skips creating and pushing).
$gpsync_reuse = isset( $gpsync_opts['run'] );
$gpsync_run   = $gpsync_reuse ? (string) $gpsync_opts['run'] : strtolower( substr( bin2hex( random_bytes( 3 ) ), 0, 5 ) );
$gpsync_env = gpsync_bench_env( $gpsync_root );
$gpsync_say = static function ( string $text ): void {
	echo gmdate( 'H:i:s' ) . "  $text\n";
};
printf( "inventory bench: %s products (run %s), PHP %s, %s, load %s\n", number_format( $gpsync_n ), $gpsync_run, PHP_VERSION, trim( (string) shell_exec( "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2" ) ), implode( ' ', array_map( static fn( $l ) => sprintf( '%.1f', $l ), sys_getloadavg() ?: [] ) ) );
$gpsync_rows = [];
$gpsync_row  = static function ( string $what, array $r, string $figure, string $goal, string $ratio ) use ( &$gpsync_rows ): void {
	$gpsync_rows[] = [ $what, $figure, $goal, $ratio, sprintf( '%.0f MB', $r['peak_mb'] ?? 0 ) ];
};

$gpsync_push = min( $gpsync_n, (int) ( $gpsync_opts['push'] ?? $gpsync_n ) );
$gpsync_all  = min( $gpsync_n, (int) ( $gpsync_opts['all'] ?? $gpsync_n ) );
if ( ! $gpsync_reuse ) {
$gpsync_say( 'creating products' );
$r = gpsync_bench_child( 'create', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'created %d products in %.1f s (%.0f/s); WooCommerce reads a sample of them back as valid: %s', $r['created'], $r['seconds'], $r['created'] / $r['seconds'], $r['sample_valid'] ) );
$gpsync_row( 'create products (SQL, not a goal)', $r, sprintf( '%.1f s', $r['seconds'] ), '', '' );

$gpsync_say( sprintf( 'first product push into the sandbox GP: %s queued, %s sent', number_format( $gpsync_n ), number_format( $gpsync_push ) ) );
putenv( "GPSYNC_BENCH_PUSH_SAMPLE=$gpsync_push" );
$r = gpsync_bench_child( 'push', $gpsync_run, $gpsync_n );
$gpsync_rate = $r['done'] / max( 0.001, $r['send_seconds'] );
$gpsync_say( sprintf( 'push: %d queued in %.1f s (background backfill pages), %d sent to GP in %.1f s (%d not done%s) = %.1f items/s', $r['queued'], $r['enqueue_seconds'], $r['done'], $r['send_seconds'], $r['not_done'], isset( $r['request_error'] ) ? ', request error ' . $r['request_error'] : '', $gpsync_rate ) );
$gpsync_push_total = $r['enqueue_seconds'] + $gpsync_n / max( 0.001, $gpsync_rate );
$gpsync_row( sprintf( 'first product push (%s queued, %s sent%s)', number_format( $r['queued'] ), number_format( $r['done'] ), $gpsync_push < $gpsync_n ? ', time for all extrapolated' : '' ), $r, sprintf( '%.0f s (%.1f items/s)', $gpsync_push_total, $gpsync_rate ), '< 600 s', sprintf( '%.2f×', 600 / $gpsync_push_total ) );
if ( $gpsync_push < $gpsync_n ) {
	$t = microtime( true );
	gpsync_bench_seed_gp_items( $gpsync_root, $gpsync_env, $gpsync_run, $gpsync_n );
	$gpsync_say( sprintf( 'the other GP items written straight into the sandbox database in %.1f s (not measured)', microtime( true ) - $t ) );
}

}

$gpsync_say( 'GP stock count of every item at 100, as in WooCommerce (gp-bridge sandbox stock --csv)' );
$s = gpsync_bench_gp_stock( $gpsync_root, $gpsync_env, $gpsync_run, range( 0, $gpsync_n - 1 ), 100, 0 );
$gpsync_say( sprintf( 'set in %.1f s', $s ) );

$r = gpsync_bench_child( 'none', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'full resync, nothing changed: %d items, %d updated, %d unchanged, %d unknown in %.1f s', $r['items'], $r['updated'], $r['unchanged'], $r['unknown'], $r['seconds'] ) );
$gpsync_row( 'full resync, nothing changed (' . number_format( $r['items'] ) . ' items)', $r, sprintf( '%.1f s', $r['seconds'] ), '< 20 s', sprintf( '%.2f×', 20 / $r['seconds'] ) );

gpsync_bench_gp_stock( $gpsync_root, $gpsync_env, $gpsync_run, range( 0, $gpsync_n - 1, 100 ), 101, 50 );
$r = gpsync_bench_child( 'one_pct', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'full resync, 1 %% changed: %d items, %d updated in %.1f s', $r['items'], $r['updated'], $r['seconds'] ) );
$gpsync_row( 'full resync, 1 % changed (' . number_format( $r['updated'] ) . ' updated)', $r, sprintf( '%.1f s', $r['seconds'] ), '< 30 s', sprintf( '%.2f×', 30 / $r['seconds'] ) );

gpsync_bench_gp_stock( $gpsync_root, $gpsync_env, $gpsync_run, range( 0, $gpsync_all - 1 ), 151, 50 );
$r = gpsync_bench_child( 'all', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'full resync, %s changed: %d items, %d updated in %.1f s', number_format( $gpsync_all ), $r['items'], $r['updated'], $r['seconds'] ) );
$gpsync_row( sprintf( 'full resync, %s of %s changed', number_format( $r['updated'] ), number_format( $gpsync_n ) ), $r, sprintf( '%.0f items/s (%.1f s)', $r['updated'] / $r['seconds'], $r['seconds'] ), '≥ 300 items/s', sprintf( '%.2f×', $r['updated'] / $r['seconds'] / 300 ) );

// A stock count that sells 1 % out: the stock status moves, which WooCommerce's stock API follows with a full
// product save (visibility terms, term counts, transients), several times the cost of a write that keeps it.
gpsync_bench_gp_stock( $gpsync_root, $gpsync_env, $gpsync_run, range( 0, $gpsync_n - 1, 100 ), 0, 0 );
$r = gpsync_bench_child( 'sold_out', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'full resync, 1 %% sold out: %d items, %d updated in %.1f s', $r['items'], $r['updated'], $r['seconds'] ) );
$gpsync_row( sprintf( 'full resync, %s sold out (status moves; not a goal)', number_format( $r['updated'] ) ), $r, sprintf( '%.1f s', $r['seconds'] ), '', '' );
$gpsync_changed_at = time();

// The feed re-reads the last 5 minutes of changes on every poll (the overlap window), so the poll is measured
// once the bulk changes above are older than that, as between two five-minute polls in production.
$gpsync_wait = max( 0, $gpsync_changed_at + 5 * 60 + 5 - time() );
$gpsync_say( sprintf( 'waiting %d s for the bulk changes to leave the overlap window', $gpsync_wait ) );
sleep( $gpsync_wait );
gpsync_bench_child( 'poll', $gpsync_run, $gpsync_n ); // settles the cursor past everything above
gpsync_bench_gp_stock( $gpsync_root, $gpsync_env, $gpsync_run, range( 1, $gpsync_n - 1, intdiv( $gpsync_n, 100 ) ), 201, 50 );
$r = gpsync_bench_child( 'poll', $gpsync_run, $gpsync_n );
$gpsync_say( sprintf( 'poll: %d items, %d updated in %.2f s', $r['items'], $r['updated'], $r['seconds'] ) );
$gpsync_row( sprintf( 'poll, %d changed among %s', $r['updated'], number_format( $gpsync_n ) ), $r, sprintf( '%.2f s', $r['seconds'] ), '< 2 s', sprintf( '%.2f×', 2 / $r['seconds'] ) );

echo "\n| figure | value | goal | ratio | peak PHP memory |\n| --- | --- | --- | --- | --- |\n";
foreach ( $gpsync_rows as $gpsync_r ) {
	echo '| ' . implode( ' | ', $gpsync_r ) . " |\n";
}
