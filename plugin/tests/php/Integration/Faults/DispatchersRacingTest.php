<?php
/**
 * Fault: three dispatchers racing over one queue, each in its own OS process: WP-Cron (the web server runs
 * wp-cron.php and its due gpsync_sweep event), Action Scheduler's queue runner, and `wp gp-sync dispatch`
 * (its command object, run in a PHP process of its own), all started at the same instant.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\Faults\Support\FaultProcesses;

/**
 * @group faults
 */
final class DispatchersRacingTest extends FaultTestCase {

	public function test_when_wp_cron_action_scheduler_and_the_cli_dispatch_at_once_then_each_order_reaches_gp_once(): void {
		$this->configure( [ 'batch_size' => 2 ] );
		$orders = $this->place_orders( 14 );
		wp_schedule_single_event( time() - 1, SettingsKeys::HOOK_SWEEP );
		delete_transient( 'doing_cron' );

		$start     = $this->gp_bridge->dir . '/go';
		$worker    = __DIR__ . '/Support/fault-worker.php';
		$abspath   = ABSPATH;
		$runs      = [
			'wp-cron'          => [ PHP_BINARY, $worker, 'cron', $abspath, $this->wp_url(), $start ],
			'action-scheduler' => [ PHP_BINARY, $worker, 'action-scheduler', $abspath, $start ],
			'wp gp-sync'       => [ PHP_BINARY, $worker, 'cli', $abspath, $start ],
		];
		$processes = [];
		$outputs   = [
			'wp-cron'          => '',
			'action-scheduler' => '',
			'wp gp-sync'       => '',
		];
		foreach ( $runs as $name => $command ) {
			$pipes              = [];
			$processes[ $name ] = [ FaultProcesses::start( $command, [], $this->gp_bridge->dir . '/workers.log', $pipes ), $pipes[1] ];
		}
		$deadline = microtime( true ) + 120;
		$ready    = 0;
		while ( $ready < 3 && microtime( true ) < $deadline ) {
			usleep( 20000 );
			$ready = count( (array) glob( "$start.ready-*" ) );
		}
		touch( $start ); // all three booted: go
		foreach ( $processes as $name => [ $process, $stdout ] ) {
			$outputs[ $name ] = trim( (string) stream_get_contents( $stdout ) );
			fclose( $stdout );
			proc_close( $process );
		}

		if ( '1' === getenv( 'GPSYNC_FAULTS_VERBOSE' ) ) {
			fwrite( STDERR, 'racers said: ' . print_r( $outputs, true ) );
		}
		$this->assertSame( '200', $outputs['wp-cron'], 'WP-Cron ran: ' . (string) file_get_contents( $this->gp_bridge->dir . '/workers.log' ) );
		$this->assertMatchesRegularExpression( '/^\d+$/', $outputs['action-scheduler'], 'Action Scheduler ran' );
		$this->assertStringContainsString( 'claimed', $outputs['wp gp-sync'], 'the CLI dispatch ran' );
		wp_cache_flush(); // the cron option as the web server left it
		$this->assertFalse( (bool) wp_next_scheduled( SettingsKeys::HOOK_SWEEP ), 'WP-Cron took its event' );

		$this->sweep_until_settled(); // whatever a racer left waiting (none expected)
		$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
	}
}
