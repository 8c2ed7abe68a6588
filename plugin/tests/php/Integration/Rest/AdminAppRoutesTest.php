<?php
/**
 * The routes the admin app added: alerts with where to fix them, throughput, backfill as a background job,
 * the mapping preview's refusals, and who may call them.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Rest;

use GPSync\Outbox\BackfillJob;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class AdminAppRoutesTest extends CoreTestCase {

	private \WP_User $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->create_user( 'administrator' );
		delete_option( BackfillJob::OPTION );
	}

	protected function tearDown(): void {
		delete_option( BackfillJob::OPTION );
		parent::tearDown();
	}

	/** @return list<string> */
	private function alert_codes(): array {
		$stats = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->admin )->get_data();
		return array_column( $stats['alert_items'], 'code' );
	}

	public function test_when_the_circuit_is_open_then_the_stats_raise_bridge_unreachable_and_it_clears_when_closed(): void {
		$this->assertNotContains( 'bridge_unreachable', $this->alert_codes() );
		$this->plugin()->circuit()->open( 'bridge_unreachable' );
		$stats = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->admin )->get_data();
		$this->assertContains( 'bridge_unreachable', array_column( $stats['alert_items'], 'code' ) );
		$this->assertSame( 'settings', $stats['alert_items'][ array_search( 'bridge_unreachable', array_column( $stats['alert_items'], 'code' ), true ) ]['tab'] );
		$this->assertNotEmpty( preg_grep( '/unreachable/', $stats['alerts'] ) );
		$this->plugin()->circuit()->close();
		$this->assertNotContains( 'bridge_unreachable', $this->alert_codes() );
	}

	public function test_when_a_message_is_dead_then_an_alert_points_to_the_queue_and_a_mismatch_counts_as_on_hold(): void {
		$id = $this->outbox()->enqueue( 'customer', 991, 'created' );
		global $wpdb;
		$table = $this->outbox()->table_name();
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'dead', last_error_code = 'total_mismatch' WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$codes = $this->alert_codes();
		$this->assertContains( 'totals_on_hold', $codes );
		$this->assertNotContains( 'dead_letters', $codes, 'the only dead letter is the mismatch' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET last_error_code = 'unknown_sku' WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertContains( 'dead_letters', $this->alert_codes() );
	}

	public function test_when_rows_finish_then_throughput_counts_them_in_this_hour_of_24(): void {
		$done = $this->outbox()->enqueue( 'customer', 992, 'created' );
		global $wpdb;
		$table = $this->outbox()->table_name();
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'done', updated_at_gmt = UTC_TIMESTAMP() WHERE id = %d", $done ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$hours = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->admin )->get_data()['throughput'];
		$this->assertCount( 24, $hours );
		$this->assertSame( gmdate( 'Y-m-d H:00:00' ), $hours[23]['hour_gmt'] );
		$this->assertGreaterThanOrEqual( 1, $hours[23]['done'] );
	}

	public function test_when_a_backfill_runs_then_its_progress_reaches_done_and_a_cancel_stops_it(): void {
		$before = array_map( fn ( $i ) => $this->create_user( 'customer' )->ID, range( 1, 3 ) );
		$bad    = $this->rest(
			'POST',
			'/gp-sync/v1/backfill',
			[
				'kind' => 'customer',
				'from' => 'yesterday',
			],
			$this->admin
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'idle', $this->rest( 'GET', '/gp-sync/v1/backfill', [], $this->admin )->get_data()['state'] );

		$started = $this->rest(
			'POST',
			'/gp-sync/v1/backfill',
			[
				'kind' => 'customer',
				'from' => '2000-01-01',
			],
			$this->admin
		)->get_data();
		$this->assertSame( 'running', $started['state'] );
		$this->assertGreaterThanOrEqual( count( $before ), $started['total'] );
		$this->assertSame(
			400,
			$this->rest(
				'POST',
				'/gp-sync/v1/backfill',
				[
					'kind' => 'order',
					'from' => '2000-01-01',
				],
				$this->admin
			)->get_status(),
			'one backfill at a time'
		);

		do_action( BackfillJob::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own gpsync_backfill_step hook.
		$done = $this->rest( 'GET', '/gp-sync/v1/backfill', [], $this->admin )->get_data();
		$this->assertSame( 'done', $done['state'] );
		$this->assertSame( $done['total'], $done['queued'] );
		$this->assertSame( [ 0, 0 ], [ $done['delivered'], $done['failed'] ], 'nothing sent yet' );
		$this->assertGreaterThanOrEqual( count( $before ), $done['waiting'], 'the queued rows are on their way' );
		$claimed = $this->outbox()->claim( 2, 60 );
		$this->outbox()->mark_done( $claimed[0], [ 'customer_number' => 'C1' ], [] );
		$this->outbox()->mark_dead( $claimed[1], 'invalid_field', 'refused', null, [] );
		$after = $this->rest( 'GET', '/gp-sync/v1/backfill', [], $this->admin )->get_data();
		$this->assertSame( [ 1, 1, $done['waiting'] - 2 ], [ $after['delivered'], $after['failed'], $after['waiting'] ], 'the progress follows the rows to GP' );
		foreach ( $before as $user_id ) {
			$this->assertNotEmpty(
				$this->outbox()->search(
					[
						'kind'   => 'customer',
						'search' => (string) $user_id,
					],
					1,
					5
				)['rows']
			);
		}

		$this->rest(
			'POST',
			'/gp-sync/v1/backfill',
			[
				'kind' => 'customer',
				'from' => '2000-01-01',
			],
			$this->admin
		);
		$this->assertSame( 'cancelled', $this->rest( 'POST', '/gp-sync/v1/backfill/cancel', [], $this->admin )->get_data()['state'] );
		do_action( BackfillJob::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own gpsync_backfill_step hook.
		$this->assertSame( 0, $this->rest( 'GET', '/gp-sync/v1/backfill', [], $this->admin )->get_data()['queued'], 'a cancelled job queues nothing more' );
	}

	public function test_when_the_preview_gets_a_bad_profile_or_no_such_order_then_it_refuses_and_saves_nothing(): void {
		$stored = get_option( 'gpsync_settings' );
		$bad    = $this->rest(
			'POST',
			'/gp-sync/v1/mappings/preview',
			[
				'order_id' => 1,
				'profile'  => [ 'length_policy' => 'sometimes' ],
			],
			$this->admin
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'gpsync_invalid_mapping', $bad->get_data()['code'] );
		$missing = $this->rest(
			'POST',
			'/gp-sync/v1/mappings/preview',
			[
				'order_id' => 987654,
				'profile'  => [ 'length_policy' => 'truncate' ],
			],
			$this->admin
		);
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( $stored, get_option( 'gpsync_settings' ) );
	}

	public function test_when_a_subscriber_calls_the_new_routes_then_each_is_refused(): void {
		$subscriber = $this->create_user( 'subscriber' );
		foreach ( [ [ 'GET', '/gp-sync/v1/health' ], [ 'GET', '/gp-sync/v1/backfill' ], [ 'POST', '/gp-sync/v1/backfill/cancel' ], [ 'GET', '/gp-sync/v1/mappings/meta-keys' ], [ 'POST', '/gp-sync/v1/inventory/resync' ] ] as [ $method, $route ] ) {
			$this->assertSame( 403, $this->rest( $method, $route, [], $subscriber )->get_status(), "$method $route" );
		}
	}
}
