<?php
/**
 * Product backfill in the background: REST starts it at once, scheduled runs queue it page by page with
 * progress, and the dispatcher delivers it.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Outbox\BackfillJob;
use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Support\WooCommerceFactory;

final class BackfillJobTest extends CoreTestCase {
	use WooCommerceFactory;

	public function test_when_a_product_backfill_is_started_over_rest_then_it_is_queued_in_the_background_page_by_page_with_progress(): void {
		$this->require_woocommerce();
		$prefix = 'BFJ' . strtoupper( wp_generate_password( 5, false ) ) . '-';
		$ids    = $this->outbox()->without_capture(
			function () use ( $prefix ): array {
				$ids = [];
				for ( $i = 0; $i < 7; $i++ ) {
					$ids[] = $this->create_simple_product( $prefix . $i, '5.00' )->get_id();
				}
				return $ids;
			}
		);
		$admin  = $this->create_user( 'administrator' );
		$today  = wp_date( 'Y-m-d' );

		$started = $this->rest(
			'POST',
			'/gp-sync/v1/backfill',
			[
				'kind' => 'product',
				'from' => $today,
			],
			$admin
		);

		$this->assertSame( 202, $started->get_status() );
		$data = $started->get_data();
		$this->assertSame( 'running', $data['status'] );
		$this->assertGreaterThanOrEqual( 7, $data['total'] );
		$this->assertSame( 0, $data['queued'], 'the request only counts and schedules' );
		$this->assertSame( [], $this->all_rows() );
		$this->assertTrue( (bool) as_has_scheduled_action( BackfillJob::HOOK ), 'a background run is scheduled' );
		$again = $this->rest(
			'POST',
			'/gp-sync/v1/backfill',
			[
				'kind' => 'product',
				'from' => $today,
			],
			$admin
		)->get_data();
		$this->assertSame( $data['started_at_gmt'], $again['started_at_gmt'], 'a second start while running changes nothing' );

		// Small pages, so the run takes several; the scheduled action is what calls work().
		$jobs                     = get_option( BackfillJob::OPTION );
		$jobs['product']['batch'] = 3;
		update_option( BackfillJob::OPTION, $jobs, false );
		do_action( BackfillJob::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own gpsync_ hook, by its constant.

		$progress = $this->rest( 'GET', '/gp-sync/v1/backfill', [ 'kind' => 'product' ], $admin )->get_data();
		$this->assertSame( 'done', $progress['status'] );
		$this->assertSame( $progress['total'], $progress['queued'] );
		$this->assertSame( (int) ceil( ( $progress['total'] + 1 ) / 3 ) + 1, $progress['next_page'], 'every page read once, the last one short' );
		$this->assertSame( $progress['queued'], $progress['waiting'] );
		$queued = array_map( static fn( $row ) => $row->entity_id, array_filter( $this->all_rows(), static fn( $row ) => 'product' === $row->kind && 'backfill' === $row->event ) );
		foreach ( $ids as $id ) {
			$this->assertContains( $id, $queued );
		}
		$this->assertSame( OutboxStatus::PENDING, $this->all_rows()[0]->status );
	}

	public function test_only_managers_may_start_or_read_a_backfill_and_a_bad_date_is_refused(): void {
		$this->require_woocommerce();
		$shopper = $this->create_user( 'customer' );
		$this->assertSame(
			403,
			$this->rest(
				'POST',
				'/gp-sync/v1/backfill',
				[
					'kind' => 'product',
					'from' => '2026-01-01',
				],
				$shopper
			)->get_status()
		);
		$this->assertSame( 403, $this->rest( 'GET', '/gp-sync/v1/backfill', [ 'kind' => 'product' ], $shopper )->get_status() );
		$admin = $this->create_user( 'administrator' );
		$this->assertSame(
			400,
			$this->rest(
				'POST',
				'/gp-sync/v1/backfill',
				[
					'kind' => 'product',
					'from' => '1 January',
				],
				$admin
			)->get_status()
		);
		$this->assertSame(
			400,
			$this->rest(
				'POST',
				'/gp-sync/v1/backfill',
				[
					'kind' => 'coupon',
					'from' => '2026-01-01',
				],
				$admin
			)->get_status()
		);
		$this->assertSame(
			[
				'kind'   => 'order',
				'status' => 'none',
			],
			$this->rest( 'GET', '/gp-sync/v1/backfill', [ 'kind' => 'order' ], $admin )->get_data()
		);
	}
}
