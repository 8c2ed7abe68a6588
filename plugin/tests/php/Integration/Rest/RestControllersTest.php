<?php
/**
 * What the admin UI's routes do, dispatched in-process as an administrator.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Rest;

use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class RestControllersTest extends CoreTestCase {

	private \WP_User $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->create_user( 'administrator' );
	}

	public function test_when_the_settings_are_saved_then_values_are_validated_and_the_secret_is_write_only(): void {
		$saved = $this->rest(
			'POST',
			'/gp-sync/v1/settings',
			[
				'bridge_url'    => 'https://bridge.example/gp/',
				'bridge_secret' => '  a-long-enough-secret-value-42  ',
				'batch_size'    => 25,
				'max_attempts'  => 5,
			],
			$this->admin
		);
		$this->assertSame( 200, $saved->get_status() );
		$data = $saved->get_data();
		$this->assertSame( 'https://bridge.example/gp', $data['bridge_url'] );
		$this->assertSame( 25, $data['batch_size'] );
		$this->assertTrue( $data['secret_set'] );
		$this->assertArrayNotHasKey( 'bridge_secret', $data );
		$this->assertSame( 'a-long-enough-secret-value-42', get_option( SettingsKeys::OPTION )['bridge_secret'] );
		$this->assertStringNotContainsString( 'a-long-enough-secret-value-42', (string) wp_json_encode( $this->rest( 'GET', '/gp-sync/v1/settings', [], $this->admin )->get_data() ) );
	}

	/** @return array<string, array{array<string,mixed>}> */
	public function invalid_settings(): array {
		return [
			'batch too big'      => [ [ 'batch_size' => 501 ] ],
			'batch not a number' => [ [ 'batch_size' => 'lots' ] ],
			'short secret'       => [ [ 'bridge_secret' => 'short' ] ],
			'not a URL'          => [ [ 'bridge_url' => 'not a url' ] ],
			'unknown field'      => [
				[
					'evil'       => 1,
					'batch_size' => 10,
				],
			],
			'cap below base'     => [
				[
					'backoff_base_seconds' => 600,
					'backoff_cap_seconds'  => 60,
				],
			],
		];
	}

	/**
	 * @dataProvider invalid_settings
	 * @param array<string,mixed> $body
	 */
	public function test_when_settings_are_invalid_then_they_are_refused_or_ignored_and_nothing_unknown_is_stored( array $body ): void {
		$before   = get_option( SettingsKeys::OPTION );
		$response = $this->rest( 'POST', '/gp-sync/v1/settings', $body, $this->admin );
		if ( isset( $body['evil'] ) ) {
			$this->assertArrayNotHasKey( 'evil', (array) get_option( SettingsKeys::OPTION ), 'only schema fields are copied' );
			return;
		}
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $before, get_option( SettingsKeys::OPTION ) );
	}

	public function test_when_the_mapping_profile_is_saved_then_it_is_validated_and_its_version_changes(): void {
		$before = $this->rest( 'GET', '/gp-sync/v1/mappings', [], $this->admin )->get_data();

		$bad = $this->rest(
			'PUT',
			'/gp-sync/v1/mappings',
			[
				'status_map' => [ 'completed' => 'explode' ],
				'orders'     => [
					'fields' => [
						[
							'from' => 'checkout_po',
							'to'   => 'USERDEF1',
						],
					],
				],
			],
			$this->admin
		);
		$this->assertSame( 400, $bad->get_status() );
		$error = $bad->as_error();
		$this->assertInstanceOf( \WP_Error::class, $error );
		$errors = implode( "\n", $error->get_error_data()['errors'] );
		$this->assertStringContainsString( 'status_map.completed', $errors );
		$this->assertStringContainsString( 'orders.fields[0].from', $errors );

		$good = $this->rest(
			'PUT',
			'/gp-sync/v1/mappings',
			[
				'documents' => [ 'batch_id' => 'WEB<b>' ],
				'orders'    => [
					'fields' => [
						[
							'from' => 'meta:_po',
							'to'   => 'USERDEF1',
						],
					],
				],
			],
			$this->admin
		);
		$this->assertSame( 200, $good->get_status() );
		$after = $good->get_data();
		$this->assertSame( 'WEB', $after['documents']['batch_id'], 'tags stripped' );
		$this->assertNotSame( $before['version'], $after['version'] );
		$this->assertSame( [ '_po' ], $this->plugin()->messages()->meta_keys_for( 'order' ) );
	}

	public function test_when_the_queue_is_listed_then_filters_search_and_pagination_headers_work(): void {
		$ids = [];
		for ( $i = 1; $i <= 5; $i++ ) {
			$ids[] = $this->outbox()->enqueue( 'customer', 700 + $i, 'created' );
		}
		$this->outbox()->enqueue( 'order', 801, 'created' );
		$claimed = $this->outbox()->claim( 1, 60 );
		$this->outbox()->mark_dead( $claimed[0], 'invalid_payload', 'bad email', 'email', [ 'status' => 'dead' ] );

		$page = $this->rest(
			'GET',
			'/gp-sync/v1/queue',
			[
				'kind'     => 'customer',
				'per_page' => 2,
				'page'     => 1,
			],
			$this->admin
		);
		$this->assertSame( 200, $page->get_status() );
		$this->assertSame( '5', $page->get_headers()['X-WP-Total'] );
		$this->assertSame( '3', $page->get_headers()['X-WP-TotalPages'] );
		$this->assertCount( 2, $page->get_data() );
		$this->assertSame( OutboxStatus::DEAD, $page->get_data()[0]['status'], 'dead letters first' );
		$this->assertArrayNotHasKey( 'claim_token', $page->get_data()[0] );

		$dead = $this->rest( 'GET', '/gp-sync/v1/queue', [ 'status' => 'dead' ], $this->admin )->get_data();
		$this->assertSame( [ $ids[0] ], array_column( $dead, 'id' ) );
		$this->assertSame( 'email', $dead[0]['last_error_field'] );

		$this->assertSame( [ 801 ], array_column( $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => '801' ], $this->admin )->get_data(), 'entity_id' ) );
		$this->assertSame( [ $ids[0] ], array_column( $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => 'invalid_payload' ], $this->admin )->get_data(), 'id' ) );
		$uuid = $this->row( $ids[2] )->message_uuid;
		$this->assertSame( [ $ids[2] ], array_column( $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => $uuid ], $this->admin )->get_data(), 'id' ) );
		$this->assertSame( 400, $this->rest( 'GET', '/gp-sync/v1/queue', [ 'status' => 'exploded' ], $this->admin )->get_status() );
	}

	public function test_when_rows_are_retried_discarded_or_bulk_changed_then_only_allowed_transitions_happen(): void {
		$a = $this->outbox()->enqueue( 'customer', 901, 'created' );
		$b = $this->outbox()->enqueue( 'customer', 902, 'created' );
		$c = $this->outbox()->enqueue( 'customer', 903, 'created' );
		foreach ( $this->outbox()->claim( 3, 60 ) as $row ) {
			$this->outbox()->mark_dead( $row, 'unknown_sku', 'no item', 'lines[0].sku', [] );
		}

		$retried = $this->rest( 'POST', "/gp-sync/v1/queue/$a/retry", [], $this->admin );
		$this->assertSame( 200, $retried->get_status() );
		$this->assertSame( OutboxStatus::PENDING, $retried->get_data()['status'] );
		$this->assertSame( 409, $this->rest( 'POST', "/gp-sync/v1/queue/$a/retry", [], $this->admin )->get_status(), 'a pending row cannot be retried' );
		$this->assertSame( 404, $this->rest( 'POST', '/gp-sync/v1/queue/999999/retry', [], $this->admin )->get_status() );

		$this->assertSame( OutboxStatus::DISCARDED, $this->rest( 'POST', "/gp-sync/v1/queue/$b/discard", [], $this->admin )->get_data()['status'] );

		$bulk = $this->rest(
			'POST',
			'/gp-sync/v1/queue/bulk',
			[
				'action' => 'retry',
				'ids'    => [
					$b,
					$c,
				],
			],
			$this->admin
		)->get_data();
		$this->assertSame( [ $b, $c ], $bulk['changed'] );
		$this->assertSame(
			400,
			$this->rest(
				'POST',
				'/gp-sync/v1/queue/bulk',
				[
					'action' => 'explode',
					'ids'    => [ $b ],
				],
				$this->admin
			)->get_status()
		);
	}

	public function test_when_an_entity_is_resent_over_rest_then_a_row_is_queued(): void {
		$user     = $this->quiet_user();
		$response = $this->rest(
			'POST',
			'/gp-sync/v1/resend',
			[
				'kind'      => 'customer',
				'entity_id' => $user->ID,
			],
			$this->admin
		);
		$this->assertSame( 200, $response->get_status() );
		$row = $this->row( (int) $response->get_data()['queued'] );
		$this->assertSame( 'resend', $row->event );
		$this->assertSame( $user->ID, $row->entity_id );
		$this->assertSame(
			400,
			$this->rest(
				'POST',
				'/gp-sync/v1/resend',
				[
					'kind'      => 'invoice',
					'entity_id' => 1,
				],
				$this->admin
			)->get_status()
		);
	}

	public function test_when_the_stats_are_read_then_counts_ages_and_state_are_reported(): void {
		$this->outbox()->enqueue( 'customer', 1, 'created' );
		$this->outbox()->enqueue( 'customer', 2, 'created' );
		$stats = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->admin )->get_data();
		$this->assertSame( 2, $stats['counts']['pending'] );
		$this->assertSame( 0, $stats['counts']['dead'] );
		$this->assertIsInt( $stats['oldest_waiting_age_seconds'] );
		$this->assertNull( $stats['circuit'] );
	}

	public function test_when_a_queue_entry_is_opened_then_it_shows_the_payload_now_the_econnect_preview_and_the_last_answer(): void {
		$this->use_real_bridge();
		if ( ! $this->plugin()->messages()->has_builder( 'customer' ) ) {
			$this->plugin()->messages()->add_builder( new \GPSync\Tests\Integration\CoreSupport\UserCustomerBuilder() );
		}
		$user = $this->quiet_user();
		$id   = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );

		$detail = $this->rest( 'GET', "/gp-sync/v1/queue/$id", [], $this->admin );

		$this->assertSame( 200, $detail->get_status() );
		$data = $detail->get_data();
		$this->assertSame( $user->user_email, $data['message']['payload']['email'] );
		$this->assertNull( $data['preview_error'], (string) wp_json_encode( $data['preview_error'] ) );
		$this->assertStringContainsString( '<', (string) wp_json_encode( $data['preview'] ), 'the preview carries eConnect XML' );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $id )->status, 'opening an entry sends nothing' );
		$this->assertSame( 404, $this->rest( 'GET', '/gp-sync/v1/queue/999999', [], $this->admin )->get_status() );
	}

	public function test_when_the_connection_is_tested_then_reachability_and_the_signature_are_reported(): void {
		$this->use_real_bridge();
		$ok = $this->rest( 'POST', '/gp-sync/v1/test-connection', [], $this->admin )->get_data();
		$this->assertTrue( $ok['reachable'] );
		$this->assertSame( 'sandbox', $ok['health']['mode'] );
		$this->assertSame( 'accepted', $ok['signature'] );

		$this->configure( [ 'bridge_secret' => 'a-wrong-secret-of-enough-length' ] );
		$bad = $this->rest( 'POST', '/gp-sync/v1/test-connection', [], $this->admin )->get_data();
		$this->assertSame( 'rejected', $bad['signature'] );
	}
}
