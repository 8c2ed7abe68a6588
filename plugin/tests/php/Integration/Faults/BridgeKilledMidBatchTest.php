<?php
/**
 * Fault: the bridge process killed (SIGKILL) in the middle of a batch, after GP committed part of it.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\Faults\Support\GpLedger;

/**
 * @group faults
 */
final class BridgeKilledMidBatchTest extends FaultTestCase {

	public function test_when_the_bridge_is_killed_mid_batch_then_nothing_is_lost_or_doubled_after_it_restarts(): void {
		$this->configure( [ 'batch_size' => 12 ] );
		$orders = $this->place_orders( 12 );

		$pipes   = [];
		$watcher = GpLedger::kill_after( $this->gp_bridge, 3, $this->gp_bridge->pid(), $pipes );
		$this->assertSame( "watching\n", fgets( $pipes[1] ), 'the watcher is polling GP before the batch is sent' );
		$report = $this->dispatcher()->dispatch_batch( 12 );
		$seen   = trim( (string) stream_get_contents( $pipes[1] ) );
		proc_close( $watcher );
		$this->gp_bridge->kill9();

		$this->assertMatchesRegularExpression( '/^\d+$/', $seen, 'the watcher killed the bridge' );
		$this->assertNotSame( '', $report->request_error, 'the sender saw the connection die' );
		$committed = count( GpLedger::documents( $this->gp_bridge ) );
		$this->assertGreaterThanOrEqual( 3, $committed );
		$this->assertLessThan( 12, $committed, 'the kill came mid-batch: GP has part of it' );
		foreach ( $this->all_rows() as $row ) {
			$this->assertSame( OutboxStatus::RETRY, $row->status, 'every row of the batch waits, the committed ones too' );
			$this->assertSame( 0, $row->attempts );
		}

		$this->gp_bridge->start(); // same sandbox file: GP kept what it committed
		$this->sweep_until_settled();

		$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
	}
}
