<?php
/**
 * Fault: the PHP request killed (SIGKILL) right after the plugin queued an order, before anything else in
 * that request ran (not the async dispatch it schedules, not the shutdown hooks).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\Faults\Support\FaultProcesses;

/**
 * @group faults
 */
final class RequestKilledAfterEnqueueTest extends FaultTestCase {

	public function test_when_the_request_dies_right_after_enqueue_then_the_sweep_sends_the_order_once(): void {
		// Two orders awaiting payment, placed before the plugin listened; payment moves each to processing.
		$orders = $this->outbox()->without_capture(
			function (): array {
				$orders = $this->place_orders( 2 );
				foreach ( $orders as $order ) {
					$order->set_status( 'pending' );
					$order->save();
				}
				return $orders;
			}
		);
		$this->assertSame( [], $this->all_rows() );

		foreach ( $orders as $order ) {
			[ $code, $out ] = FaultProcesses::run( [ PHP_BINARY, __DIR__ . '/Support/fault-worker.php', 'checkout-killed', ABSPATH, (string) $order->get_id() ] );
			$this->assertNotSame( 0, $code, "the request was killed (output: $out)" );
			$this->assertStringNotContainsString( 'survived', $out );
		}

		wp_cache_flush();
		$rows = $this->all_rows();
		$this->assertCount( 2, $rows, 'each killed request left its outbox row' );
		foreach ( $rows as $i => $row ) {
			$this->assertSame( OutboxStatus::PENDING, $row->status );
			$this->assertSame( $orders[ $i ]->get_id(), $row->entity_id );
			$saved = wc_get_order( $row->entity_id );
			$this->assertInstanceOf( \WC_Order::class, $saved );
			$this->assertSame( 'processing', $saved->get_status(), 'the order itself was saved' );
		}

		$this->sweep_until_settled(); // the recurring sweep: no async dispatch was ever scheduled
		$this->assert_each_order_in_gp_once_and_the_queue_settled( $orders );
	}
}
