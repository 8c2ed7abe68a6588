<?php
/**
 * A separate OS process of the fault suite.
 *
 * Usage: php fault-worker.php <mode> <ABSPATH> [args…], where mode is one of:
 *   cron <WP_URL> <go file>           at the start, asks the web server for wp-cron.php (WP-Cron runs
 *                                     the due gpsync_sweep event in the web server's PHP); prints the HTTP code
 *   action-scheduler <go file>        boots WordPress, makes sure a gpsync_dispatch action is queued, and at the
 *                                     start runs Action Scheduler's queue runner until no gpsync action
 *                                     is due; prints how many gpsync actions it executed
 *   cli <go file>                     boots WordPress and, at the start, runs `wp gp-sync dispatch`'s
 *                                     command object in this process; prints the command's output
 *   checkout-killed <order id>        boots WordPress, moves a pending order to processing (the plugin queues it)
 *                                     and SIGKILLs itself on the first database query after the outbox insert:
 *                                     a request that dies right after enqueue, before anything else runs
 *
 * The start is a barrier (wait_for_start): the racers begin together, whatever each took to boot.
 */

declare(strict_types=1);

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- a standalone script, not plugin code.

$mode    = (string) ( $argv[1] ?? '' );
$abspath = rtrim( (string) ( $argv[2] ?? '' ), '/' );

/**
 * The start barrier: says "ready" (a file beside the go file), then waits for the go file, which the test
 * creates once every worker is ready. WordPress boots in a different time in each process.
 */
function wait_for_start( string $go, string $mode ): void {
	touch( "$go.ready-$mode" );
	$deadline = microtime( true ) + 120;
	while ( ! file_exists( $go ) && microtime( true ) < $deadline ) {
		usleep( 500 );
	}
}

if ( 'cron' === $mode ) {
	wait_for_start( (string) ( $argv[4] ?? '' ), $mode );
	$curl = curl_init( rtrim( (string) $argv[3], '/' ) . '/wp-cron.php' );
	curl_setopt_array(
		$curl,
		[
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 120,
		]
	);
	curl_exec( $curl );
	echo (int) curl_getinfo( $curl, CURLINFO_HTTP_CODE );
	exit( 0 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
// This process must not spawn WP-Cron itself (WordPress does on every load when an event is due): the WP-Cron
// racer is the `cron` worker's request, and a second, spawned one would take its lock and its event.
$GLOBALS['wp_filter'] = [
	'pre_get_ready_cron_jobs' => [
		10 => [
			[
				'function'      => static fn() => [],
				'accepted_args' => 1,
			],
		],
	],
];
require $abspath . '/wp-load.php';
$plugin = \GPSync\Plugin::instance();

switch ( $mode ) {
	case 'action-scheduler':
		as_enqueue_async_action( \GPSync\Settings\SettingsKeys::HOOK_DISPATCH, [], \GPSync\Settings\SettingsKeys::AS_GROUP, true );
		$executed = 0;
		add_action(
			'action_scheduler_after_execute',
			static function ( $action_id, $action ) use ( &$executed ): void {
				if ( str_starts_with( (string) $action->get_hook(), 'gpsync' ) ) {
					++$executed;
				}
			},
			10,
			2
		);
		wait_for_start( (string) ( $argv[3] ?? '' ), $mode );
		for ( $round = 0; $round < 20; $round++ ) {
			if ( ! as_has_scheduled_action( \GPSync\Settings\SettingsKeys::HOOK_DISPATCH, [], \GPSync\Settings\SettingsKeys::AS_GROUP ) ) {
				break;
			}
			\ActionScheduler_QueueRunner::instance()->run( 'gpsync-faults' );
		}
		echo (int) $executed;
		break;

	case 'cli':
		require dirname( __DIR__, 2 ) . '/CoreSupport/wp-cli-shim.php';
		$command = new \GPSync\Cli\GpSyncCommand( $plugin->outbox(), $plugin->recovery(), $plugin->dispatcher(), $plugin->backfill(), $plugin->inventory(), $plugin->circuit(), $plugin->settings() );
		wait_for_start( (string) ( $argv[3] ?? '' ), $mode );
		$command->dispatch( [], [ 'seconds' => '60' ] );
		echo implode( "\n", \WP_CLI::$lines );
		break;

	case 'checkout-killed':
		$order = wc_get_order( (int) ( $argv[3] ?? 0 ) );
		if ( ! $order instanceof \WC_Order ) {
			fwrite( STDERR, "no order\n" );
			exit( 2 );
		}
		global $wpdb;
		$table    = $plugin->outbox()->table_name();
		$enqueued = false;
		add_filter(
			'query',
			static function ( $query ) use ( $table, &$enqueued ) {
				if ( $enqueued ) {
					posix_kill( (int) getmypid(), SIGKILL ); // the request dies here: nothing after the enqueue runs
				}
				if ( is_string( $query ) && str_starts_with( ltrim( $query ), "INSERT INTO `$table`" ) ) {
					$enqueued = true;
				}
				return $query;
			}
		);
		$order->set_status( 'processing' );
		$order->save();
		echo 'survived'; // never reached when the plugin enqueues
		break;

	default:
		fwrite( STDERR, "unknown mode $mode\n" );
		exit( 2 );
}
