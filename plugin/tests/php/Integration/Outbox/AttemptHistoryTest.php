<?php
/**
 * Each delivery attempt of a queue row is kept on the row (the last 20, newest first) and shown by
 * GET gp-sync/v1/queue/<id> as attempt_history: what the admin reads to see why a message took five tries.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Outbox\AttemptHistory;
use GPSync\Outbox\OutboxStatus;
use GPSync\Outbox\OutboxTable;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\FakeBridge;

final class AttemptHistoryTest extends CoreTestCase {

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
				'max_attempts'         => 3,
			]
		);
	}

	public function test_when_gp_asks_for_a_retry_and_then_takes_the_customer_then_both_attempts_are_listed_newest_first(): void {
		$this->configure( [ 'bridge_url' => self::fake()->url( 'deadlock' ) ] );
		$user = $this->quiet_user();
		$id   = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );
		$this->dispatcher()->dispatch_batch( 50 );
		$this->assertSame( OutboxStatus::RETRY, $this->row( $id )->status );

		$this->use_real_bridge();
		$this->make_all_due();
		$this->dispatcher()->dispatch_batch( 50 );

		$row = $this->row( $id );
		$this->assertSame( OutboxStatus::DONE, $row->status );
		$history = $row->attempt_history;
		$this->assertCount( 2, $history );
		$this->assertSame( [ 'done', 'retry' ], array_column( $history, 'outcome' ) );
		$this->assertNull( $history[0]['code'] );
		$this->assertSame( $row->gp_ids['customer_number'] ?? 'missing', $history[0]['gp_ids']['customer_number'] ?? null, 'the done entry names the GP customer' );
		$this->assertSame( 'gp_deadlock', $history[1]['code'] );
		$this->assertSame( 'try later', $history[1]['message'] );
		$this->assertNull( $history[1]['gp_ids'] );
		$this->assertGreaterThanOrEqual( strtotime( $history[1]['at_gmt'] . ' UTC' ), strtotime( $history[0]['at_gmt'] . ' UTC' ) );

		$response = $this->rest( 'GET', '/gp-sync/v1/queue/' . $id, [], $this->create_user( 'administrator' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $history, $response->get_data()['attempt_history'] );
	}

	public function test_when_the_bridge_cannot_be_reached_then_the_attempt_is_a_transport_failure(): void {
		$this->configure( [ 'bridge_url' => 'http://127.0.0.1:' . FakeBridge::free_port() ] );
		$id = $this->outbox()->enqueue( 'customer', $this->quiet_user()->ID, 'created' );

		$this->dispatcher()->dispatch_batch( 50 );

		$history = $this->row( $id )->attempt_history;
		$this->assertCount( 1, $history );
		$this->assertSame( AttemptHistory::TRANSPORT_FAILURE, $history[0]['outcome'] );
		$this->assertSame( $this->row( $id )->last_error_code, $history[0]['code'] );
		$this->assertNotSame( '', (string) $history[0]['message'] );
	}

	public function test_when_a_row_is_tried_more_often_than_the_limit_then_only_the_newest_attempts_are_kept(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . $this->outbox()->table_name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- our own table name.
		$id    = $this->outbox()->enqueue( 'customer', $this->quiet_user()->ID, 'created' );
		$tries = AttemptHistory::LIMIT + 5;
		for ( $try = 1; $try <= $tries; $try++ ) {
			$claimed = $this->outbox()->claim( 10, 60 );
			$this->assertSame( [ $id ], array_map( static fn( $row ) => $row->id, $claimed ), "try $try claims the row" );
			$this->assertTrue( $this->outbox()->mark_retry( $claimed[0], 'gp_unavailable', "try $try", time() - 1, false, [ 'status' => 'retry' ] ) );
		}

		$history = $this->row( $id )->attempt_history;
		$this->assertCount( AttemptHistory::LIMIT, $history );
		$this->assertSame( "try $tries", $history[0]['message'], 'newest first' );
		$this->assertSame( 'try ' . ( $tries - AttemptHistory::LIMIT + 1 ), $history[ AttemptHistory::LIMIT - 1 ]['message'], 'the oldest ones were dropped' );
	}

	public function test_when_a_row_is_dead_lettered_then_requeued_then_its_history_survives_the_requeue(): void {
		$this->configure( [ 'bridge_url' => self::fake()->url( 'deadlock' ) ] );
		$id = $this->outbox()->enqueue( 'customer', $this->quiet_user()->ID, 'created' );
		for ( $round = 1; $round <= 3; $round++ ) {
			$this->make_all_due();
			$this->dispatcher()->dispatch_batch( 50 );
		}
		$this->assertSame( [ 'dead', 'retry', 'retry' ], array_column( $this->row( $id )->attempt_history, 'outcome' ) );

		$this->assertTrue( $this->outbox()->requeue( $id ) );

		$this->assertCount( 3, $this->row( $id )->attempt_history );
	}

	public function test_when_a_site_on_schema_1_loads_the_update_then_dbdelta_adds_the_column_and_keeps_the_rows(): void {
		global $wpdb;
		$table = $this->outbox()->table_name();
		$id    = $this->outbox()->enqueue( 'customer', $this->quiet_user()->ID, 'created' );
		$wpdb->query( "ALTER TABLE `$table` DROP COLUMN attempt_history" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery.SchemaChange -- the schema-1 table, for this test.
		update_option( SettingsKeys::DB_VERSION_OPTION, 1 );

		$this->plugin()->table()->maybe_install();

		$this->assertSame( 'attempt_history', $wpdb->get_var( "SHOW COLUMNS FROM `$table` LIKE 'attempt_history'" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( OutboxTable::SCHEMA_VERSION, (int) get_option( SettingsKeys::DB_VERSION_OPTION ) );
		$this->assertSame( [], $this->row( $id )->attempt_history, 'the waiting row is kept, with no history yet' );
	}

	private static function fake(): FakeBridge {
		if ( null === self::$fake ) {
			throw new \RuntimeException( 'the fake bridge is not running' );
		}
		return self::$fake;
	}
}
