<?php
/**
 * The outbox table on the real database: enqueue, coalescing, claims and leases.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class OutboxRepositoryTest extends CoreTestCase {

	public function test_when_an_entity_is_enqueued_then_one_pending_row_records_it_due_now(): void {
		$id  = $this->outbox()->enqueue( 'customer', 4242, 'created' );
		$row = $this->row( $id );

		$this->assertSame( OutboxStatus::PENDING, $row->status );
		$this->assertSame( 'customer', $row->kind );
		$this->assertSame( 4242, $row->entity_id );
		$this->assertSame( 'created', $row->event );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $row->message_uuid );
		$this->assertLessThanOrEqual( 0, $this->seconds_until_next_attempt( $row ) );
	}

	public function test_when_one_entity_is_enqueued_several_times_before_dispatch_then_one_row_carries_the_latest_event(): void {
		$first  = $this->outbox()->enqueue( 'order', 77, 'created' );
		$second = $this->outbox()->enqueue( 'order', 77, 'status:processing' );
		$third  = $this->outbox()->enqueue( 'order', 77, 'status:completed' );
		$other  = $this->outbox()->enqueue( 'order', 78, 'created' );

		$this->assertSame( $first, $second );
		$this->assertSame( $first, $third );
		$this->assertNotSame( $first, $other );
		$this->assertCount( 2, $this->all_rows() );
		$this->assertSame( 'status:completed', $this->row( $first )->event );
	}

	public function test_when_the_same_event_repeats_within_one_second_then_it_still_coalesces_into_one_row(): void {
		// One save fires woocommerce_update_order twice: the second UPDATE changes no column (same event, same
		// second) and MySQL reports 0 changed rows for it. That is still a coalesce, not a reason for a new row.
		$first  = $this->outbox()->enqueue( 'order', 79, 'updated' );
		$second = $this->outbox()->enqueue( 'order', 79, 'updated' );
		$third  = $this->outbox()->enqueue( 'order', 79, 'updated' );

		$this->assertSame( $first, $second );
		$this->assertSame( $first, $third );
		$this->assertCount( 1, $this->all_rows() );
	}

	public function test_when_the_waiting_row_is_already_claimed_then_a_new_event_gets_its_own_row(): void {
		$first   = $this->outbox()->enqueue( 'product', 5, 'updated' );
		$claimed = $this->outbox()->claim( 10, 60 );
		$second  = $this->outbox()->enqueue( 'product', 5, 'updated' );

		$this->assertSame( [ $first ], array_map( static fn( $r ) => $r->id, $claimed ) );
		$this->assertNotSame( $first, $second, 'the in-flight payload was built before the change, so the change needs its own message' );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $second )->status );
	}

	public function test_when_capture_is_paused_then_enqueue_writes_nothing_and_resumes_afterwards(): void {
		$inside = $this->outbox()->without_capture(
			function (): int {
				return $this->outbox()->enqueue( 'order', 9, 'updated' );
			}
		);
		$this->assertSame( 0, $inside );
		$this->assertCount( 0, $this->all_rows() );
		$this->assertFalse( $this->outbox()->is_capture_paused() );
		$this->assertGreaterThan( 0, $this->outbox()->enqueue( 'order', 9, 'updated' ) );
	}

	public function test_when_an_unknown_kind_is_enqueued_then_it_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->outbox()->enqueue( 'invoice', 1, 'created' );
	}

	public function test_when_two_workers_claim_with_overlapping_leases_then_no_row_is_claimed_twice(): void {
		for ( $i = 1; $i <= 25; $i++ ) {
			$this->outbox()->enqueue( 'customer', 1000 + $i, 'created' );
		}
		$worker_a = $this->outbox()->claim( 10, 300 );
		$worker_b = $this->outbox()->claim( 10, 300 );
		$worker_c = $this->outbox()->claim( 10, 300 );
		$worker_d = $this->outbox()->claim( 10, 300 );

		$ids = static fn( array $rows ): array => array_map( static fn( $r ) => $r->id, $rows );
		$this->assertCount( 10, $worker_a );
		$this->assertCount( 10, $worker_b );
		$this->assertCount( 5, $worker_c );
		$this->assertSame( [], $worker_d, 'everything is leased' );
		$all = array_merge( $ids( $worker_a ), $ids( $worker_b ), $ids( $worker_c ) );
		$this->assertSame( $all, array_values( array_unique( $all ) ) );
		$this->assertNotSame( $worker_a[0]->claim_token, $worker_b[0]->claim_token );
		$this->assertSame( [ OutboxStatus::IN_FLIGHT ], array_values( array_unique( array_map( static fn( $r ) => $r->status, $this->all_rows() ) ) ) );
	}

	public function test_when_a_lease_expires_then_another_worker_reclaims_the_row_and_the_first_cannot_overwrite_it(): void {
		$id      = $this->outbox()->enqueue( 'customer', 31, 'created' );
		$crashed = $this->outbox()->claim( 5, 300 );
		$this->assertSame( [], $this->outbox()->claim( 5, 300 ), 'the lease holds' );
		$this->expire_leases();

		$reclaimed = $this->outbox()->claim( 5, 300 );
		$this->assertSame( [ $id ], array_map( static fn( $r ) => $r->id, $reclaimed ) );

		// The first worker comes back late: its write is refused because the claim is no longer its own.
		$this->assertFalse( $this->outbox()->mark_done( $crashed[0], [ 'customer_number' => 'LATE' ], [] ) );
		$this->assertTrue( $this->outbox()->mark_done( $reclaimed[0], [ 'customer_number' => 'WC31' ], [] ) );
		$this->assertSame( [ 'customer_number' => 'WC31' ], $this->row( $id )->gp_ids );
	}

	public function test_when_a_row_waits_for_its_backoff_then_it_is_not_claimed_until_due(): void {
		$id   = $this->outbox()->enqueue( 'customer', 32, 'created' );
		$rows = $this->outbox()->claim( 5, 60 );
		$this->outbox()->mark_retry( $rows[0], 'gp_deadlock', 'deadlock', time() + 600, true );

		$this->assertSame( [], $this->outbox()->claim( 5, 60 ) );
		$this->make_all_due();
		$this->assertSame( [ $id ], array_map( static fn( $r ) => $r->id, $this->outbox()->claim( 5, 60 ) ) );
	}

	public function test_when_separate_processes_claim_at_the_same_time_then_every_row_is_claimed_exactly_once(): void {
		for ( $i = 1; $i <= 300; $i++ ) {
			$this->outbox()->enqueue( 'customer', 5000 + $i, 'created' );
		}
		$script  = __DIR__ . '/../CoreSupport/claim-worker.php';
		$workers = [];
		// The start barrier the workers wait for: late enough for each to boot WordPress (with WooCommerce, on a
		// loaded 2-core machine), so none finds the queue already drained by the others.
		$start_at = sprintf( '%.3f', microtime( true ) + 4.0 );
		for ( $w = 0; $w < 3; $w++ ) {
			$pipes   = [];
			$process = proc_open(
				[ PHP_BINARY, $script, (string) ABSPATH, $start_at ],
				[
					1 => [ 'pipe', 'w' ],
					2 => [
						'pipe',
						'w',
					],
				],
				$pipes,
				null,
				[ 'GPSYNC_PROFILE' => 'test' ] + getenv()
			);
			$this->assertIsResource( $process );
			$workers[] = [ $process, $pipes ];
		}
		$claimed = [];
		foreach ( $workers as [ $process, $pipes ] ) {
			$out = (string) stream_get_contents( $pipes[1] );
			$err = (string) stream_get_contents( $pipes[2] );
			$this->assertSame( 0, proc_close( $process ), "worker failed: $err " . wp_strip_all_tags( $out ) );
			$ids = array_filter( explode( ',', trim( $out ) ), static fn( string $id ): bool => '' !== $id );
			$this->assertNotEmpty( $ids, 'each worker claimed something (they ran side by side)' );
			$claimed = array_merge( $claimed, array_map( 'intval', $ids ) );
		}
		sort( $claimed );
		$this->assertCount( 300, $claimed );
		$this->assertSame( $claimed, array_values( array_unique( $claimed ) ), 'no row claimed twice' );
	}

	public function test_when_separate_processes_enqueue_the_same_entities_at_once_then_each_has_one_waiting_row(): void {
		$script   = __DIR__ . '/../CoreSupport/enqueue-worker.php';
		$first    = 8000;
		$count    = 60;
		$start_at = sprintf( '%.3f', microtime( true ) + 4.0 );
		$workers  = [];
		for ( $w = 0; $w < 3; $w++ ) {
			$pipes   = [];
			$process = proc_open(
				[ PHP_BINARY, $script, (string) ABSPATH, $start_at, (string) $first, (string) $count, (string) $w ],
				[
					1 => [ 'pipe', 'w' ],
					2 => [ 'pipe', 'w' ],
				],
				$pipes,
				null,
				[ 'GPSYNC_PROFILE' => 'test' ] + getenv()
			);
			$this->assertIsResource( $process );
			$workers[] = [ $process, $pipes ];
		}
		$returned = [];
		foreach ( $workers as [ $process, $pipes ] ) {
			$out = (string) stream_get_contents( $pipes[1] );
			$err = (string) stream_get_contents( $pipes[2] );
			$this->assertSame( 0, proc_close( $process ), "worker failed: $err " . wp_strip_all_tags( $out ) );
			$returned[] = array_map( 'intval', explode( ',', trim( $out ) ) );
		}

		global $wpdb;
		$table   = $this->outbox()->table_name();
		$per_row = $wpdb->get_results( $wpdb->prepare( "SELECT entity_id, COUNT(*) AS n FROM `$table` WHERE kind = 'customer' AND entity_id BETWEEN %d AND %d GROUP BY entity_id", $first, $first + $count - 1 ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertCount( $count, $per_row, 'every entity has a row' );
		foreach ( $per_row as $entity ) {
			$this->assertSame( 1, (int) $entity['n'], "entity {$entity['entity_id']} has one waiting row, not two" );
		}
		for ( $i = 0; $i < $count; $i++ ) {
			$this->assertSame( $returned[0][ $i ], $returned[1][ $i ], 'every worker got the id of the one row' );
			$this->assertSame( $returned[0][ $i ], $returned[2][ $i ] );
		}
	}

	private function expire_leases(): void {
		global $wpdb;
		$table = $this->outbox()->table_name();
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET lease_expires_at_gmt = %s WHERE status = 'in_flight'", gmdate( 'Y-m-d H:i:s', time() - 5 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}
