<?php
/**
 * Fault: the site's MariaDB killed (a crash) in the middle of a dispatch, while the bridge writes the batch
 * into GP, and started again. The stack's MariaDB is shared, so the site runs here on a private copy
 * (PrivateMariaDb) and the dispatcher is a PHP process of the WordPress profile pointed at it.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Tests\Integration\Faults\Support\FaultProcesses;
use GPSync\Tests\Integration\Faults\Support\GpLedger;
use GPSync\Tests\Integration\Faults\Support\PrivateMariaDb;

/**
 * @group faults
 */
final class MariaDbRestartedMidDispatchTest extends FaultTestCase {

	/** The test database's name: the private server holds a copy under the same name. */
	private string $database = '';

	public function test_when_mariadb_crashes_and_restarts_mid_dispatch_then_each_order_reaches_gp_once(): void {
		if ( ! PrivateMariaDb::available() ) {
			$this->markTestSkipped( 'needs mariadbd, mariadb-install-db and mariadb-dump to run a private server' );
		}
		$this->database = self::stack_env()->get( 'DB_NAME' );
		$this->configure( [ 'batch_size' => 12 ] );
		$orders = $this->place_orders( 12 );
		$db     = new PrivateMariaDb();
		$db->start();
		try {
			$db->copy_database( $this->database, self::stack_env()->get( 'DB_USER' ), self::stack_env()->get( 'DB_PASSWORD' ) );
			$env = [ 'GPSYNC_PROFILE' => $db->write_wordpress_profile() ];
			$go  = $this->gp_bridge->dir . '/go';
			touch( $go );

			$watch   = [];
			$watcher = GpLedger::kill_after( $this->gp_bridge, 3, $db->pid(), $watch );
			$this->assertSame( "watching\n", fgets( $watch[1] ) );
			$pipes      = [];
			$dispatcher = FaultProcesses::start( [ PHP_BINARY, __DIR__ . '/Support/fault-worker.php', 'cli', ABSPATH, $go ], $env, $this->gp_bridge->dir . '/workers.log', $pipes );
			$seen       = trim( (string) stream_get_contents( $watch[1] ) );
			proc_close( $watcher );
			$db->reap();
			$this->assertMatchesRegularExpression( '/^\d+$/', $seen, 'MariaDB was killed while GP wrote the batch' );
			// Down longer than wpdb's reconnect attempts (5 × 1 s): the dispatcher cannot record GP's answers
			// and dies with its rows in flight; only the sweep after the lease can finish them.
			sleep( 8 );
			$db->start(); // crash recovery, then the site's database is back
			$said = (string) stream_get_contents( $pipes[1] );
			proc_close( $dispatcher );
			$this->assertLessThan( 12, (int) $seen );
			$this->assertStringNotContainsString( 'Success: 12 sent', $said, 'the dispatcher could not finish its run' );

			// The recurring sweep on the restarted database, until nothing waits.
			for ( $run = 0; $run < 10; $run++ ) {
				if ( 0 === $this->private_waiting( $db ) ) {
					break;
				}
				$db->sql( "UPDATE wp_gpsync_outbox SET next_attempt_at_gmt = UTC_TIMESTAMP() - INTERVAL 1 SECOND, lease_expires_at_gmt = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE status IN ('pending','retry','in_flight'); DELETE FROM wp_options WHERE option_name IN ('gpsync_probe_lock','gpsync_circuit')", $this->database );
				FaultProcesses::run( [ PHP_BINARY, __DIR__ . '/Support/fault-worker.php', 'cli', ABSPATH, $go ], $env );
			}

			$this->assertSame( "done\t12", trim( $db->sql( 'SELECT status, COUNT(*) FROM wp_gpsync_outbox GROUP BY status', $this->database )[1] ), 'the queue is settled: every row done' );
			$by_po = [];
			foreach ( GpLedger::documents( $this->gp_bridge ) as $document ) {
				$by_po[ trim( $document['po'] ) ][] = $document;
			}
			$this->assertCount( 12, $by_po, 'GP holds the 12 orders and nothing else' );
			foreach ( $orders as $order ) {
				$po = (string) $order->get_order_number();
				$this->assertCount( 1, $by_po[ $po ] ?? [], "order $po is in GP exactly once" );
				$this->assertSame( self::decimal( (string) $order->get_total() ), self::decimal( $by_po[ $po ][0]['amount'] ) );
				$meta = $db->sql( sprintf( "SELECT meta_value FROM wp_wc_orders_meta WHERE order_id = %d AND meta_key = '_gpsync_sop_number'", $order->get_id() ), $this->database )[1];
				$this->assertSame( trim( $by_po[ $po ][0]['number'] ), trim( $meta ), "order $po carries its GP number" );
			}
		} finally {
			$db->stop();
		}
	}

	private function private_waiting( PrivateMariaDb $db ): int {
		return (int) trim( $db->sql( "SELECT COUNT(*) FROM wp_gpsync_outbox WHERE status IN ('pending','retry','in_flight')", $this->database )[1] );
	}
}
