<?php
/**
 * Fault: GP unreachable behind a live bridge (the sandbox's offline switch) while orders keep coming.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;

/**
 * @group faults
 */
final class GpUnavailableWhileOrdersKeepComingTest extends FaultTestCase {

	public function test_when_gp_is_offline_while_orders_keep_coming_then_they_wait_unbounded_and_land_in_gp_once_when_it_is_back(): void {
		$this->gp_bridge->switch_gp( 'offline' );
		$orders = $this->place_orders( 3 );
		$this->dispatcher()->run( 30 );
		$this->assertTrue( $this->plugin()->circuit()->is_open(), 'GP down behind a live bridge opens the circuit' );

		// Orders keep coming while GP stays down; the sweep keeps probing.
		for ( $wave = 0; $wave < 3; $wave++ ) {
			$orders = array_merge( $orders, $this->place_orders( 2 ) );
			$this->make_all_due();
			$this->dispatcher()->run( 30 );
		}
		foreach ( $this->all_rows() as $row ) {
			$this->assertContains( $row->status, [ OutboxStatus::PENDING, OutboxStatus::RETRY ], 'nothing is dead or done while GP is down' );
			$this->assertSame( 0, $row->attempts, 'unavailability spends no bounded attempt' );
		}
		$this->assertGreaterThanOrEqual( 3, max( 0, ...array_map( static fn( $row ) => $row->unavailable_attempts, $this->all_rows() ) ), 'the first orders were tried on every run' );

		$this->gp_bridge->switch_gp( 'online' );
		$this->sweep_until_settled();

		$this->assertFalse( $this->plugin()->circuit()->is_open(), 'the circuit closes once GP answers' );
		$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
	}
}
