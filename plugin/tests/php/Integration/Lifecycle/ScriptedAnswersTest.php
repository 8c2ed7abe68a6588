<?php
/**
 * How the plugin applies the bridge's lifecycle answers (skipped, not_in_gp, depends_on_pending, updated,
 * changed_after_posting), on real WooCommerce orders, against a bridge that answers what each test scripts.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Lifecycle;

use GPSync\Outbox\OutboxStatus;
use GPSync\Payload\PayloadBuilder;
use GPSync\Payload\PayloadBuilders;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\FakeBridge;

final class ScriptedAnswersTest extends CoreTestCase {

	private static ?FakeBridge $bridge = null;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		if ( GPSYNC_TESTS_WP_LOADED ) {
			self::$bridge = new FakeBridge( 'scripted-bridge-router.php' );
		}
	}

	public static function tearDownAfterClass(): void {
		if ( null !== self::$bridge ) {
			@unlink( self::$bridge->record_file . '.script' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			self::$bridge->stop();
			self::$bridge = null;
		}
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->configure(
			[
				'bridge_url'      => self::bridge()->url( 'scripted' ),
				'bridge_secret'   => 'scripted-bridge-secret-0123456789',
				'request_timeout' => 5,
				'max_attempts'    => 3,
			]
		);
		$this->script( [] );
	}

	public function test_when_the_status_map_skips_an_order_then_it_is_not_sent_with_the_bridges_reason_and_no_dead_letter(): void {
		$order = $this->quiet_order( 'on-hold' );
		$row   = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.status.on-hold' );
		$this->script( [ 'order:' . $order->get_id() => $this->skipped( 'no_gp_document', 'status "on-hold" maps to no GP document' ) ] );

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( OutboxStatus::DONE, $this->row( $row )->status );
		$this->assertSame( 'skipped', $this->row( $row )->gp_ids['outcome'] ?? null );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( 'status "on-hold" maps to no GP document', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ) );
		$this->assertStringNotContainsString( 'Sent to Dynamics GP', $this->notes( $order->get_id() ) );
	}

	public function test_when_the_bridge_answers_not_in_gp_for_a_cancellation_then_the_order_is_not_sent_cancelled_before_gp(): void {
		$order = $this->quiet_order( 'cancelled' );
		$row   = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.status.cancelled' );
		$this->script( [ 'order:' . $order->get_id() => $this->skipped( 'not_in_gp', 'GP never had this order' ) ] );

		$report = $this->dispatcher( null )->run( 10 );

		$this->assertSame( 0, $report->dead );
		$this->assertSame( OutboxStatus::DONE, $this->row( $row )->status );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertStringStartsWith( 'cancelled before it reached GP', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
	}

	public function test_when_an_older_bridge_dead_letters_a_cancellation_as_order_not_in_gp_then_the_order_is_not_sent_but_a_refund_stays_dead(): void {
		$order  = $this->quiet_order( 'cancelled' );
		$refund = $this->quiet_refund( $order, '1.00' );
		$o_row  = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.status.cancelled' );
		$r_row  = $this->outbox()->enqueue( 'refund', $refund->get_id(), 'refund.created' );
		$dead   = [
			'status'  => 'dead',
			'code'    => 'order_not_in_gp',
			'message' => 'GP has no order or invoice to cancel',
			'field'   => 'order_number',
		];
		$this->script(
			[
				'order:' . $order->get_id()   => $dead,
				'refund:' . $refund->get_id() => $dead,
			]
		);

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( OutboxStatus::DONE, $this->row( $o_row )->status );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( OutboxStatus::DEAD, $this->row( $r_row )->status, 'a refund GP cannot place is a dead letter' );
		$this->assertSame( 'failed', $this->meta( $refund->get_id(), SettingsKeys::META_STATE ) );
	}

	public function test_when_an_order_gp_has_is_later_skipped_then_it_stays_sent(): void {
		$order = $this->quiet_order( 'on-hold' );
		$this->outbox()->without_capture(
			static function () use ( $order ): void {
				$order->update_meta_data( SettingsKeys::META_SOP_NUMBER, 'WO900' );
				$order->update_meta_data( SettingsKeys::META_STATE, 'synced' );
				$order->save();
			}
		);
		$this->outbox()->enqueue( 'order', $order->get_id(), 'order.status.on-hold' );
		$this->script( [ 'order:' . $order->get_id() => $this->skipped( 'no_gp_document', 'status "on-hold" maps to no GP document' ) ] );

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( 'WO900', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ) );
	}

	public function test_when_a_refund_waits_on_its_order_then_the_order_is_queued_once_and_the_refund_ends_dead_with_a_reason(): void {
		$order  = $this->quiet_order( 'processing' );
		$refund = $this->quiet_refund( $order, '2.00' );
		$r_row  = $this->outbox()->enqueue( 'refund', $refund->get_id(), 'refund.created' );
		$this->script(
			[
				'refund:' . $refund->get_id() => [
					'status'              => 'retry',
					'code'                => 'depends_on_pending',
					'message'             => 'GP has no document for the order yet',
					'retry_after_seconds' => 60,
				],
				'order:' . $order->get_id()   => $this->skipped( 'no_gp_document', 'status "processing" maps to no GP document' ),
			]
		);

		$this->dispatcher( null )->run( 10 );
		$orders = $this->outbox()->for_entity( 'order', $order->get_id() );
		$this->assertCount( 1, $orders, 'the refund put its order on its way' );
		$this->assertSame( 'order.needed_by_refund', $orders[0]->event );
		$this->assertSame( 'waiting', $this->meta( $refund->get_id(), SettingsKeys::META_STATE ) );

		for ( $round = 0; $round < 5; $round++ ) {
			$this->make_all_due();
			$this->dispatcher( null )->run( 10 );
		}

		$row = $this->row( $r_row );
		$this->assertSame( OutboxStatus::DEAD, $row->status );
		$this->assertSame( 'order_not_in_gp', $row->last_error_code );
		$this->assertSame( 3, $row->attempts, 'bounded by max_attempts' );
		$this->assertStringContainsString( 'order ' . $order->get_id(), (string) $row->last_error_message );
		$this->assertStringContainsString( 'not_sent', (string) $row->last_error_message, 'says where the order stands' );
		$this->assertLessThanOrEqual( 3, count( $this->outbox()->for_entity( 'order', $order->get_id() ) ), 'at most one order message per refund attempt' );
		$this->assert_every_row_finished();
	}

	public function test_when_a_refund_waits_on_an_order_that_is_already_waiting_then_nothing_more_is_queued(): void {
		$order  = $this->quiet_order( 'processing' );
		$refund = $this->quiet_refund( $order, '2.00' );
		$this->outbox()->enqueue( 'refund', $refund->get_id(), 'refund.created' );
		$o_row = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.created' );
		global $wpdb;
		// The order's message waits for later: only the refund is due.
		$wpdb->update( $this->outbox()->table_name(), [ 'next_attempt_at_gmt' => gmdate( 'Y-m-d H:i:s', time() + 3600 ) ], [ 'id' => $o_row ] );
		$this->script(
			[
				'refund:' . $refund->get_id() => [
					'status'              => 'retry',
					'code'                => 'depends_on_pending',
					'message'             => 'waiting',
					'retry_after_seconds' => 60,
				],
			]
		);

		$this->dispatcher( null )->run( 10 );

		$this->assertCount( 1, $this->outbox()->for_entity( 'order', $order->get_id() ) );
	}

	public function test_when_an_unposted_document_is_brought_up_to_date_then_the_order_note_says_updated_and_warnings_are_shown(): void {
		$order = $this->quiet_order( 'processing' );
		$row   = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.updated' );
		$this->script(
			[
				'order:' . $order->get_id() => [
					'status'   => 'done',
					'gp'       => [
						'sop_number'      => 'WO' . $order->get_id(),
						'sop_type'        => 2,
						'customer_number' => 'C1',
						'outcome'         => 'updated',
					],
					'warnings' => [
						[
							'code'    => 'address_spilled',
							'message' => 'billing address line 1 continued in ADDRESS2',
							'field'   => 'billing.address_1',
						],
					],
				],
			]
		);

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( OutboxStatus::DONE, $this->row( $row )->status );
		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$notes = $this->notes( $order->get_id() );
		$this->assertStringContainsString( 'WO' . $order->get_id(), $notes );
		$this->assertStringContainsString( 'updated', $notes );
		$this->assertStringContainsString( 'billing address line 1 continued in ADDRESS2', $notes );
	}

	public function test_when_an_order_changed_after_posting_then_it_is_a_dead_letter_with_both_totals_in_the_note_and_stays_sent(): void {
		$order = $this->quiet_order( 'processing' );
		$this->outbox()->without_capture(
			static function () use ( $order ): void {
				$order->update_meta_data( SettingsKeys::META_SOP_NUMBER, 'WI77' );
				$order->update_meta_data( SettingsKeys::META_STATE, 'sent' );
				$order->save();
			}
		);
		$row = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.updated' );
		$this->script(
			[
				'order:' . $order->get_id() => [
					'status'  => 'dead',
					'code'    => 'changed_after_posting',
					'message' => 'GP invoice WI77 is posted; the order was changed after that',
					'field'   => 'order_number',
					'details' => [
						'gp_total'  => '25.00',
						'woo_total' => '37.50',
					],
				],
			]
		);

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( OutboxStatus::DEAD, $this->row( $row )->status );
		$this->assertSame( 'changed_after_posting', $this->row( $row )->last_error_code );
		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ), 'GP still has the posted invoice' );
		$this->assertStringStartsWith( 'changed_after_posting', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$notes = $this->notes( $order->get_id() );
		$this->assertStringContainsString( '25.00', $notes );
		$this->assertStringContainsString( '37.50', $notes );
	}

	public function test_when_a_retryable_error_comes_back_then_the_order_is_waiting_with_the_reason(): void {
		$order = $this->quiet_order( 'processing' );
		$this->outbox()->enqueue( 'order', $order->get_id(), 'order.created' );
		$this->script(
			[
				'order:' . $order->get_id() => [
					'status'              => 'retry',
					'code'                => 'gp_deadlock',
					'message'             => 'GP chose this transaction as a deadlock victim',
					'retry_after_seconds' => 5,
				],
			]
		);

		$this->dispatcher( null )->run( 10 );

		$this->assertSame( 'waiting', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( 'GP chose this transaction as a deadlock victim', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$shown = $this->rest( 'GET', '/gp-sync/v1/orders/' . $order->get_id(), [], $this->create_user( 'shop_manager' ) );
		$this->assertSame( 200, $shown->get_status() );
		$this->assertSame( 'waiting', $shown->get_data()['state'] );
		$this->assertSame( 'retry', $shown->get_data()['message']['status'] );
	}

	private static function bridge(): FakeBridge {
		if ( null === self::$bridge ) {
			throw new \RuntimeException( 'the scripted bridge is not running' );
		}
		return self::$bridge;
	}

	/** @return array<string, array{string}> the answer that comes back after the claim was lost */
	public function lost_claim_answers(): array {
		return [
			'dead' => [ 'dead' ],
			'done' => [ 'done' ],
		];
	}

	/** @dataProvider lost_claim_answers */
	public function test_when_a_worker_lost_its_claim_then_its_answer_writes_no_meta_and_no_note( string $answer ): void {
		$order = $this->quiet_order( 'processing' );
		$row   = $this->outbox()->enqueue( 'order', $order->get_id(), 'order.created' );
		$this->script(
			[
				'order:' . $order->get_id() => 'dead' === $answer ? [
					'status'  => 'dead',
					'code'    => 'gp_error',
					'message' => 'eConnect error 1234',
				] : [
					'status'   => 'done',
					'gp'       => [
						'sop_number' => 'WO1',
						'sop_type'   => 2,
						'outcome'    => 'created',
					],
					'warnings' => [],
				],
			]
		);
		// While this worker builds the batch, its lease "expires" and another worker claims the row.
		$steal = new class( $this->outbox()->table_name() ) implements PayloadBuilder {
			private string $table;
			public function __construct( string $table ) {
				$this->table = $table;
			}
			public function kind(): string {
				return 'order';
			}
			public function build( int $entity_id, array $meta_keys ): ?array {
				global $wpdb;
				$wpdb->query( $wpdb->prepare( "UPDATE `{$this->table}` SET claim_token = %s WHERE kind = 'order' AND entity_id = %d", 'another-worker', $entity_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				return PayloadBuilders::default()['order']->build( $entity_id, $meta_keys );
			}
		};

		$this->dispatcher( [ $steal ] )->run( 10 );

		$this->assertSame( OutboxStatus::IN_FLIGHT, $this->row( $row )->status, 'the newer worker owns the row' );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ) );
		$this->assertStringNotContainsString( 'Dynamics GP', $this->notes( $order->get_id() ) );
	}

	// ----- helpers -----------------------------------------------------------------------------------

	/** @param array<string,mixed> $answers "<kind>:<entity id>" => result without id */
	private function script( array $answers ): void {
		file_put_contents( self::bridge()->record_file . '.script', (string) wp_json_encode( (object) $answers ) );
	}

	/** @return array<string,mixed> */
	private function skipped( string $code, string $message ): array {
		return [
			'status'   => 'done',
			'gp'       => [ 'outcome' => 'skipped' ],
			'warnings' => [
				[
					'code'    => $code,
					'message' => $message,
				],
			],
		];
	}

	private function quiet_order( string $status ): \WC_Order {
		return $this->outbox()->without_capture(
			function () use ( $status ): \WC_Order {
				$product = $this->create_simple_product( 'GPS-LC-' . strtoupper( wp_generate_password( 6, false ) ), '12.50' );
				return $this->create_order( [ [ $product, 2 ] ], [ 'status' => $status ] );
			}
		);
	}

	private function quiet_refund( \WC_Order $order, string $amount ): \WC_Order_Refund {
		return $this->outbox()->without_capture(
			static function () use ( $order, $amount ): \WC_Order_Refund {
				$refund = wc_create_refund(
					[
						'order_id' => $order->get_id(),
						'amount'   => $amount,
					]
				);
				if ( ! $refund instanceof \WC_Order_Refund ) {
					throw new \RuntimeException( 'refund failed' );
				}
				return $refund;
			}
		);
	}

	private function meta( int $id, string $key ): string {
		wp_cache_flush();
		$order = wc_get_order( $id );
		return $order instanceof \WC_Abstract_Order ? (string) $order->get_meta( $key ) : '';
	}

	private function notes( int $order_id ): string {
		return implode( ' | ', array_map( static fn( $note ) => (string) $note->content, wc_get_order_notes( [ 'order_id' => $order_id ] ) ) );
	}

	private function assert_every_row_finished(): void {
		foreach ( $this->all_rows() as $row ) {
			$this->assertContains( $row->status, [ OutboxStatus::DONE, OutboxStatus::DEAD, OutboxStatus::DISCARDED ], "row {$row->id} ({$row->kind} {$row->entity_id}) ended {$row->status}" );
		}
	}
}
