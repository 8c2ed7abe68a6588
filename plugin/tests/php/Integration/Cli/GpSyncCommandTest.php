<?php
/**
 * `wp gp-sync …`, run through the command class in-process (see CoreSupport/wp-cli-shim.php for why).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Cli;

use GPSync\Cli\GpSyncCommand;
use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\UserCustomerBuilder;

final class GpSyncCommandTest extends CoreTestCase {

	protected function setUp(): void {
		parent::setUp();
		require_once __DIR__ . '/../CoreSupport/wp-cli-shim.php';
		\WP_CLI::$lines = [];
	}

	private function command(): GpSyncCommand {
		$plugin = $this->plugin();
		return new GpSyncCommand( $plugin->outbox(), $plugin->recovery(), $this->dispatcher(), $plugin->backfill(), $plugin->inventory(), $plugin->circuit(), $plugin->settings() );
	}

	public function test_status_prints_the_count_of_every_status_and_the_bridge_state(): void {
		$this->outbox()->enqueue( 'customer', 11, 'created' );
		$this->outbox()->enqueue( 'customer', 12, 'created' );

		$this->command()->status( [], [] );

		$out = \WP_CLI::output();
		$this->assertMatchesRegularExpression( '/^pending\t2$/m', $out );
		$this->assertMatchesRegularExpression( '/^dead\t0$/m', $out );
		$this->assertMatchesRegularExpression( '/^bridge\tok$/m', $out );
		$this->assertMatchesRegularExpression( '/^oldest_waiting_age_seconds\t\d+$/m', $out );
	}

	public function test_queue_lists_rows_filtered_by_status(): void {
		$dead = $this->outbox()->enqueue( 'customer', 21, 'created' );
		$this->outbox()->enqueue( 'customer', 22, 'created' );
		$this->outbox()->mark_dead( $this->outbox()->claim( 1, 60 )[0], 'unknown_sku', 'GP has no item X', 'lines[0].sku', [] );

		$this->command()->queue( [], [ 'status' => 'dead' ] );

		$out = \WP_CLI::output();
		$this->assertStringContainsString( "$dead\tcustomer\t21\tcreated\tdead", $out );
		$this->assertStringContainsString( 'lines[0].sku', $out );
		$this->assertStringNotContainsString( "\t22\t", $out );
		$this->assertStringContainsString( '1 of 1 shown.', $out );
	}

	public function test_retry_requeues_one_dead_row_or_all_and_refuses_a_row_that_is_not_failed(): void {
		$a = $this->outbox()->enqueue( 'customer', 31, 'created' );
		$b = $this->outbox()->enqueue( 'customer', 32, 'created' );
		foreach ( $this->outbox()->claim( 2, 60 ) as $row ) {
			$this->outbox()->mark_dead( $row, 'gp_error', 'GP error 123', null, [] );
		}
		$this->command()->retry( [ (string) $a ], [] );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $a )->status );
		$this->assertStringContainsString( "Success: Row $a queued again.", \WP_CLI::output() );

		try {
			$this->command()->retry( [ (string) $a ], [] );
			$this->fail( 'a pending row cannot be retried' );
		} catch ( \RuntimeException $expected ) {
			$this->assertStringContainsString( 'is not dead', $expected->getMessage() );
		}

		$this->command()->retry( [], [ 'all' => true ] );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $b )->status );
	}

	public function test_resend_queues_an_order_by_id(): void {
		$this->command()->resend( [ '4321' ], [] );
		$rows = $this->outbox()->for_entity( 'order', 4321 );
		$this->assertCount( 1, $rows );
		$this->assertSame( 'resend', $rows[0]->event );
		$this->assertStringContainsString( 'Order 4321 queued', \WP_CLI::output() );
	}

	public function test_backfill_of_customers_queues_every_user_registered_since_the_date_with_progress(): void {
		global $wpdb;
		$old = $this->quiet_user();
		$wpdb->update( $wpdb->users, [ 'user_registered' => '2020-01-01 00:00:00' ], [ 'ID' => $old->ID ] );
		clean_user_cache( $old->ID );
		$new = [ $this->quiet_user(), $this->quiet_user(), $this->quiet_user() ];

		$this->command()->backfill(
			[],
			[
				'kind'  => 'customer',
				'from'  => gmdate( 'Y-m-d' ),
				'batch' => '2',
			]
		);

		foreach ( $new as $user ) {
			$this->assertCount( 1, $this->outbox()->for_entity( 'customer', $user->ID ), "user {$user->ID} queued" );
		}
		$this->assertCount( 0, $this->outbox()->for_entity( 'customer', $old->ID ), 'registered before the date' );
		$out = \WP_CLI::output();
		$this->assertStringContainsString( 'progress done', $out );
		$this->assertMatchesRegularExpression( '/Success: \d+ customer\(s\) queued\./', $out );
	}

	public function test_backfill_refuses_a_bad_date_or_kind(): void {
		$this->expectException( \RuntimeException::class );
		$this->command()->backfill(
			[],
			[
				'kind' => 'customer',
				'from' => 'yesterday',
			]
		);
	}

	public function test_dispatch_sends_due_rows_to_the_real_bridge_and_reports_the_outcome(): void {
		$this->use_real_bridge();
		$user = $this->quiet_user();
		$id   = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );
		$cmd  = new GpSyncCommand( $this->outbox(), $this->plugin()->recovery(), $this->dispatcher( [ new UserCustomerBuilder() ] ), $this->plugin()->backfill(), $this->plugin()->inventory(), $this->plugin()->circuit(), $this->plugin()->settings() );

		$cmd->dispatch( [], [ 'seconds' => '20' ] );

		$this->assertSame( OutboxStatus::DONE, $this->row( $id )->status );
		$this->assertStringContainsString( 'Success: 1 sent: 1 done, 0 retry, 0 dead.', \WP_CLI::output() );
	}

	public function test_inventory_pulls_stock_from_the_bridge_for_managed_stock_products_with_a_matching_sku(): void {
		$this->require_woocommerce();
		$this->use_real_bridge();
		$this->command()->inventory( [], [ 'full' => true ] );
		$out = \WP_CLI::output();
		$this->assertMatchesRegularExpression( '/Success: \d+ page\(s\), \d+ GP item\(s\): \d+ product\(s\) updated, \d+ unchanged, \d+ not managing stock, \d+ unknown, \d+ invalid; cursor /', $out );
		$this->assertNotSame( '', (string) get_option( \GPSync\Settings\SettingsKeys::INVENTORY_CURSOR_OPTION ) );
	}
}
