<?php
/**
 * Whole-request failures and odd answers: nothing is lost, nothing is dead-lettered for unavailability.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Outbox\Backoff;
use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\FakeBridge;

final class DispatcherFailureTest extends CoreTestCase {

	private const SECRET = 'fake-bridge-secret-0123456789abcdef';

	private static ?FakeBridge $fake = null;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		if ( GPSYNC_TESTS_WP_LOADED ) {
			self::$fake = new FakeBridge();
		}
	}

	public static function tearDownAfterClass(): void {
		if ( null !== self::$fake ) {
			self::$fake->stop();
			self::$fake = null;
		}
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->configure(
			[
				'bridge_secret'        => self::SECRET,
				'request_timeout'      => 1,
				'backoff_base_seconds' => 30,
				'backoff_cap_seconds'  => 3600,
				'max_attempts'         => 3,
				'batch_size'           => 50,
			]
		);
	}

	/** @return array<string, array{string}> */
	public function unavailable_bridges(): array {
		return [
			'connection refused (closed port)' => [ 'closed' ],
			'HTTP 500'                         => [ 'http500' ],
			'timeout'                          => [ 'sleep' ],
			'garbage body'                     => [ 'garbage' ],
		];
	}

	/** @dataProvider unavailable_bridges */
	public function test_when_the_bridge_is_unavailable_then_every_row_goes_back_to_retry_without_spending_attempts( string $mode ): void {
		$this->point_at( $mode );
		$ids = $this->enqueue_customers( 3 );

		$report = $this->dispatcher()->dispatch_batch( 50 );

		$this->assertSame( 3, $report->claimed );
		$this->assertSame( 3, $report->retry );
		$this->assertSame( 0, $report->dead );
		$this->assertNotSame( '', $report->request_error );
		foreach ( $ids as $id ) {
			$row = $this->row( $id );
			$this->assertSame( OutboxStatus::RETRY, $row->status );
			$this->assertSame( 0, $row->attempts, 'unavailability never spends bounded attempts' );
			$this->assertSame( 1, $row->unavailable_attempts );
			$this->assertNull( $row->claim_token, 'claim released' );
			$this->assertSame( $report->request_error, $row->last_error_code );
			// First failure: between half and all of the base delay.
			$wait = $this->seconds_until_next_attempt( $row );
			$this->assertGreaterThanOrEqual( 15 - 2, $wait );
			$this->assertLessThanOrEqual( 30, $wait );
		}
		$this->assertTrue( $this->plugin()->circuit()->is_open(), 'the circuit opens' );
		$this->assertStringContainsString( 'stay queued', $this->log->text() );
		$this->assertStringNotContainsString( self::SECRET, $this->log->text(), 'the secret is never logged' );
	}

	public function test_when_the_bridge_stays_down_then_delays_grow_within_their_jitter_bounds_and_nothing_dies(): void {
		$this->point_at( 'closed' );
		$id      = $this->enqueue_customers( 1 )[0];
		$backoff = new Backoff( 30, 3600 );
		$last    = 0;
		for ( $failure = 1; $failure <= 12; $failure++ ) {
			$this->make_all_due();
			$this->dispatcher()->dispatch_batch( 50 );
			$row  = $this->row( $id );
			$wait = $this->seconds_until_next_attempt( $row );
			$this->assertSame( OutboxStatus::RETRY, $row->status, "failure $failure: still retry (max_attempts is 3)" );
			$this->assertSame( $failure, $row->unavailable_attempts );
			$ceiling = $backoff->ceiling( $failure );
			$this->assertGreaterThanOrEqual( intdiv( $ceiling, 2 ) - 2, $wait, "failure $failure: at least half the ceiling" );
			$this->assertLessThanOrEqual( $ceiling, $wait, "failure $failure: at most the ceiling ($ceiling s)" );
			if ( $ceiling < 3600 ) {
				$this->assertGreaterThanOrEqual( $last - 2, $wait, "failure $failure: delays do not shrink" );
			}
			$last = $wait;
		}
		$this->assertSame( 3600, $backoff->ceiling( 12 ), 'the cap holds' );
	}

	public function test_when_gp_is_down_behind_a_live_bridge_then_rows_retry_unbounded_and_the_circuit_opens(): void {
		$this->point_at( 'gpdown' );
		$id = $this->enqueue_customers( 1 )[0];
		for ( $i = 1; $i <= 5; $i++ ) {
			$this->make_all_due();
			$this->dispatcher()->dispatch_batch( 50 );
		}
		$row = $this->row( $id );
		$this->assertSame( OutboxStatus::RETRY, $row->status );
		$this->assertSame( 'gp_unavailable', $row->last_error_code );
		$this->assertSame( 0, $row->attempts );
		$this->assertSame( 5, $row->unavailable_attempts );
		$this->assertTrue( $this->plugin()->circuit()->is_open() );
	}

	public function test_when_a_retryable_error_repeats_max_attempts_times_then_the_row_is_dead_with_that_code(): void {
		$this->point_at( 'deadlock' );
		$id = $this->enqueue_customers( 1 )[0];
		$this->dispatcher()->dispatch_batch( 50 );
		$this->assertSame( 1, $this->row( $id )->attempts );
		$this->make_all_due();
		$this->dispatcher()->dispatch_batch( 50 );
		$this->assertSame( OutboxStatus::RETRY, $this->row( $id )->status );
		$this->make_all_due();
		$this->dispatcher()->dispatch_batch( 50 );

		$row = $this->row( $id );
		$this->assertSame( OutboxStatus::DEAD, $row->status );
		$this->assertSame( 'gp_deadlock', $row->last_error_code );
		$this->assertSame( 3, $row->attempts );
		$this->assertSame( 'retry', $row->last_response['status'] ?? null, 'the last answer is kept for the admin' );
	}

	public function test_when_the_bridge_rejects_the_signature_then_rows_wait_and_the_admin_is_told_to_check_the_secret(): void {
		$this->point_at( 'unauthorized' );
		$id = $this->enqueue_customers( 1 )[0];

		$report = $this->dispatcher()->dispatch_batch( 50 );

		$row = $this->row( $id );
		$this->assertSame( 'signature_invalid', $report->request_error );
		$this->assertSame( OutboxStatus::RETRY, $row->status );
		$this->assertSame( 0, $row->attempts );
		$auth = get_option( SettingsKeys::AUTH_FAILURE_OPTION );
		$this->assertIsArray( $auth );
		$this->assertSame( 'signature_invalid', $auth['code'] );
		$this->assertStringContainsString( 'check the secret', implode( ' ', \GPSync\Admin\Notices::messages() ) );
	}

	public function test_when_results_name_unknown_ids_or_miss_rows_then_unknown_ones_are_logged_and_missing_rows_retry(): void {
		$this->point_at( 'unknown' );
		$ids = $this->enqueue_customers( 3 );

		$report = $this->dispatcher()->dispatch_batch( 50 );

		$this->assertSame( 1, $report->unknown_results );
		$this->assertSame( 1, $report->done );
		$this->assertSame( 2, $report->retry );
		$this->assertSame( OutboxStatus::DONE, $this->row( $ids[0] )->status );
		$this->assertSame(
			[
				'customer_number' => 'FIRST',
				'outcome'         => 'created',
			],
			$this->row( $ids[0] )->gp_ids
		);
		foreach ( [ $ids[1], $ids[2] ] as $id ) {
			$this->assertSame( OutboxStatus::RETRY, $this->row( $id )->status );
			$this->assertSame( 'no_result', $this->row( $id )->last_error_code );
		}
		$this->assertStringContainsString( 'no-such-message', $this->log->text() );
		$this->assertStringNotContainsString( 'GHOST', (string) wp_json_encode( $this->all_rows() ), 'the unknown result changed nothing' );
	}

	public function test_when_the_circuit_is_open_then_a_run_sends_one_small_probe_batch_and_only_one_worker_probes(): void {
		$this->point_at( 'closed' );
		$this->enqueue_customers( 12 );
		$this->plugin()->circuit()->open( 'bridge_unreachable' );

		$first  = $this->dispatcher()->run( 5 );
		$second = $this->dispatcher()->run( 5 );

		$this->assertTrue( $first->probe );
		$this->assertSame( 5, $first->claimed, 'a probe is a small batch, not a drain' );
		$this->assertSame( 0, $second->claimed, 'the probe lock is held: no second probe' );
		$counts = $this->outbox()->counts_by_status();
		$this->assertSame( 7, $counts['pending'] );
		$this->assertSame( 5, $counts['retry'] );
	}

	public function test_when_the_bridge_comes_back_then_the_probe_closes_the_circuit_and_the_run_drains_the_rest(): void {
		$this->point_at( 'record' );
		$ids = $this->enqueue_customers( 12 );
		$this->plugin()->circuit()->open( 'bridge_unreachable' );
		$this->configure( [ 'batch_size' => 4 ] );

		$report = $this->dispatcher()->run( 10 );

		$this->assertFalse( $this->plugin()->circuit()->is_open() );
		$this->assertSame( 12, $report->done );
		foreach ( $ids as $id ) {
			$this->assertSame( OutboxStatus::DONE, $this->row( $id )->status );
		}
		$this->assertSame( 'REC', get_user_meta( $this->row( $ids[0] )->entity_id, SettingsKeys::META_CUSTOMER_NUMBER, true ) );
	}

	public function test_when_a_batch_is_sent_then_it_is_signed_over_the_exact_bytes_and_carries_the_contract_envelope(): void {
		$this->point_at( 'record' );
		$ids = $this->enqueue_customers( 2 );

		$this->dispatcher()->dispatch_batch( 50 );

		$lines = array_values( array_filter( explode( "\n", (string) file_get_contents( self::fake()->record_file ) ) ) );
		$this->assertNotEmpty( $lines );
		$request = json_decode( (string) end( $lines ), true );
		$this->assertSame( '/record/v1/messages', $request['target'] );
		$expected = 'v1=' . hash_hmac( 'sha256', $request['timestamp'] . "\nPOST\n/record/v1/messages\n" . hash( 'sha256', $request['body'] ), self::SECRET );
		$this->assertSame( $expected, $request['signature'] );
		$this->assertEqualsWithDelta( time(), (int) $request['timestamp'], 5 );
		$batch = json_decode( $request['body'], true );
		$this->assertSame( 1, $batch['schema_version'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{16}$/', $batch['profile']['version'] );
		$this->assertSame( [ $this->row( $ids[0] )->message_uuid, $this->row( $ids[1] )->message_uuid ], array_column( $batch['messages'], 'id' ) );
		$this->assertSame( 'customer', $batch['messages'][0]['kind'] );
		$this->assertSame( $this->row( $ids[0] )->entity_id, $batch['messages'][0]['source']['entity_id'] );
		$this->assertGreaterThan( 0, $batch['messages'][0]['source']['version'] );
		$this->assertStringNotContainsString( self::SECRET, $request['body'] );
	}

	public function test_when_an_entity_is_gone_at_dispatch_then_its_row_is_discarded_with_a_reason(): void {
		$this->point_at( 'record' );
		$id = $this->outbox()->enqueue( 'customer', 987654321, 'created' );

		$report = $this->dispatcher()->dispatch_batch( 50 );

		$this->assertSame( 1, $report->discarded );
		$this->assertSame( OutboxStatus::DISCARDED, $this->row( $id )->status );
		$this->assertStringContainsString( 'no longer exists', (string) $this->row( $id )->last_error_message );
	}

	private static function fake(): FakeBridge {
		if ( null === self::$fake ) {
			throw new \RuntimeException( 'the fake bridge is not running' );
		}
		return self::$fake;
	}

	private function point_at( string $mode ): void {
		$url = 'closed' === $mode ? 'http://127.0.0.1:' . FakeBridge::free_port() : self::fake()->url( $mode );
		$this->configure( [ 'bridge_url' => $url ] );
	}

	/** @return list<int> outbox row ids, one per new user */
	private function enqueue_customers( int $count ): array {
		$ids = [];
		for ( $i = 0; $i < $count; $i++ ) {
			$user  = $this->quiet_user();
			$ids[] = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );
		}
		return $ids;
	}
}
