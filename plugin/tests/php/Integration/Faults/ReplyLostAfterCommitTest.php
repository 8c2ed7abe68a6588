<?php
/**
 * Fault: the bridge's answer lost after GP committed (a proxy forwards the batch, lets the bridge finish, then
 * resets the connection before any byte of the reply reaches the plugin).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\Faults\Support\FaultProxy;
use GPSync\Tests\Integration\Faults\Support\GpLedger;

/**
 * @group faults
 */
final class ReplyLostAfterCommitTest extends FaultTestCase {

	public function test_when_the_reply_is_lost_after_gp_committed_then_the_resend_finds_the_documents_instead_of_writing_them_again(): void {
		$proxy = new FaultProxy( $this->gp_bridge, [ 'drop-replies', '2' ] );
		try {
			$this->point_plugin_at( $proxy->url() );
			$orders = $this->place_orders( 10 );

			$first  = $this->dispatcher()->dispatch_batch( 5 );
			$second = $this->dispatcher()->dispatch_batch( 5 );

			$this->assertNotSame( '', $first->request_error );
			$this->assertNotSame( '', $second->request_error );
			$this->assertSame( 2, $proxy->stats()['dropped'] );
			$this->assertCount( 10, GpLedger::documents( $this->gp_bridge ), 'GP committed both batches' );
			foreach ( $this->all_rows() as $row ) {
				$this->assertSame( OutboxStatus::RETRY, $row->status, 'the plugin never heard: every row waits' );
			}

			$this->sweep_until_settled();

			foreach ( $this->all_rows() as $row ) {
				$this->assertSame( 'existing', $row->gp_ids['outcome'] ?? null, 'the resend found the committed document' );
			}
			$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
		} finally {
			$proxy->stop();
		}
	}
}
