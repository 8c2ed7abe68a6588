<?php
/**
 * Fault: the same batch delivered twice at once (a proxy sends every batch twice, the copy signed again with a
 * fresh timestamp, as a second sender holding the same rows would), plus the whole queue sent again after it
 * was done (a crash between GP's commit and the plugin's update, replayed by hand).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\Faults\Support\FaultProxy;

/**
 * @group faults
 */
final class BatchDeliveredTwiceTest extends FaultTestCase {

	public function test_when_every_batch_is_delivered_twice_at_once_then_gp_gets_each_order_once(): void {
		$proxy = new FaultProxy( $this->gp_bridge, [ 'duplicate' ] );
		try {
			$this->point_plugin_at( $proxy->url() );
			$this->configure( [ 'batch_size' => 5 ] );
			$orders = $this->place_orders( 10 );

			$this->sweep_until_settled();

			$stats = $proxy->stats();
			$this->assertGreaterThanOrEqual( 2, $stats['duplicated'] );
			$this->assertSame( array_fill( 0, $stats['duplicated'], 200 ), $stats['copy_statuses'], 'the bridge took every copy (a valid, freshly signed request)' );
			$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
		} finally {
			$proxy->stop();
		}
	}

	public function test_when_done_rows_are_sent_again_as_if_their_update_was_lost_then_gp_gets_each_order_once(): void {
		$orders = $this->place_orders( 8 );
		$this->sweep_until_settled();
		$numbers = array_map( static fn( $row ) => $row->gp_ids['sop_number'] ?? '', $this->all_rows() );

		global $wpdb;
		$table = $this->outbox()->table_name();
		$wpdb->query( "UPDATE `$table` SET status = 'pending', claim_token = NULL, gp_ids = NULL" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our table name.
		$this->sweep_until_settled();

		$this->assertSame( $numbers, array_map( static fn( $row ) => $row->gp_ids['sop_number'] ?? '', $this->all_rows() ), 'the same GP numbers came back' );
		foreach ( $this->all_rows() as $row ) {
			$this->assertSame( OutboxStatus::DONE, $row->status );
			$this->assertSame( 'existing', $row->gp_ids['outcome'] ?? null );
		}
		$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
	}
}
