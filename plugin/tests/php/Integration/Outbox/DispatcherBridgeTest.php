<?php
/**
 * Dispatch into the real bridge (sandbox GP) of the test profile.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Outbox;

use GPSync\Api;
use GPSync\Meta\GpIdsWriter;
use GPSync\Orders\OrderGateway;
use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\UserCustomerBuilder;

final class DispatcherBridgeTest extends CoreTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->use_real_bridge();
	}

	public function test_when_customers_are_dispatched_then_the_bridge_answers_done_and_the_gp_number_lands_on_the_user(): void {
		$users = [ $this->quiet_user(), $this->quiet_user() ];
		$ids   = [];
		foreach ( $users as $user ) {
			$ids[] = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );
		}

		$report = $this->dispatcher()->run( 20 );

		$this->assertSame( '', $report->request_error, 'the bridge took the batch: ' . $this->log->text() );
		$this->assertSame( 2, $report->done );
		foreach ( $users as $i => $user ) {
			$row = $this->row( $ids[ $i ] );
			$this->assertSame( OutboxStatus::DONE, $row->status, (string) wp_json_encode( $row->last_response ) );
			$number = (string) ( $row->gp_ids['customer_number'] ?? '' );
			$this->assertNotSame( '', $number );
			$this->assertSame( $number, get_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, true ) );
		}
		$this->assertGreaterThan( 0, (int) get_option( SettingsKeys::LAST_SUCCESS_OPTION ) );
	}

	public function test_when_a_customer_is_resent_then_gp_finds_the_earlier_customer_instead_of_creating_another(): void {
		$user  = $this->quiet_user();
		$first = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );
		$this->dispatcher()->run( 20 );
		$number = get_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, true );

		$again = Api::resend_customer( $user->ID );
		$this->assertNotSame( $first, $again, 'a done row is never reused: a resend is a new message' );
		$this->assertSame( 'resend', $this->row( $again )->event );
		$this->dispatcher()->run( 20 );

		$row = $this->row( $again );
		$this->assertSame( OutboxStatus::DONE, $row->status );
		$this->assertSame( $number, $row->gp_ids['customer_number'] ?? null );
		$this->assertContains( $row->gp_ids['outcome'] ?? '', [ 'existing', 'updated' ] );
	}

	public function test_when_the_bridge_rejects_a_payload_then_the_row_is_dead_with_code_message_and_field(): void {
		$good = $this->quiet_user();
		$bad  = $this->quiet_user();
		$ok   = $this->outbox()->enqueue( 'customer', $good->ID, 'created' );
		$dead = $this->outbox()->enqueue( 'customer', $bad->ID, 'created' );
		// One builder for both; the bad user's e-mail is broken on the way out.
		$builder = new class( $bad->ID ) implements \GPSync\Payload\PayloadBuilder {
			private int $bad_id;
			public function __construct( int $bad_id ) {
				$this->bad_id = $bad_id;
			}
			public function kind(): string {
				return 'customer';
			}
			public function build( int $entity_id, array $meta_keys ): ?array {
				return ( new UserCustomerBuilder( $entity_id === $this->bad_id ? [ 'email' => 'not-an-email' ] : [] ) )->build( $entity_id, $meta_keys );
			}
		};

		$report = $this->dispatcher( [ $builder ] )->run( 20 );

		$this->assertSame( 1, $report->done, 'one bad message never fails its batch' );
		$this->assertSame( 1, $report->dead );
		$this->assertSame( OutboxStatus::DONE, $this->row( $ok )->status );
		$row = $this->row( $dead );
		$this->assertSame( OutboxStatus::DEAD, $row->status );
		$this->assertSame( 'invalid_payload', $row->last_error_code );
		$this->assertSame( 'email', $row->last_error_field );
		$this->assertNotSame( '', (string) $row->last_error_message );
		$this->assertSame( 'dead', $row->last_response['status'] ?? null );

		// Fix and retry: the same row goes through.
		$this->assertTrue( Api::retry( $dead ) );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $dead )->status );
		$this->assertSame( 0, $this->row( $dead )->attempts );
		$this->dispatcher( [ new UserCustomerBuilder() ] )->run( 20 );
		$this->assertSame( OutboxStatus::DONE, $this->row( $dead )->status );
	}

	public function test_when_the_plugins_own_builders_send_a_customer_then_the_bridge_accepts_it(): void {
		if ( ! $this->plugin()->messages()->has_builder( 'customer' ) ) {
			$this->markTestSkipped( 'the payloads helper\'s customer builder is not in this tree yet' );
		}
		$user = $this->quiet_user(
			'customer',
			[
				'first_name' => 'Ada',
				'last_name'  => 'Lovelace',
			]
		);
		$id   = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );

		$this->dispatcher( null )->run( 20 );

		$row = $this->row( $id );
		$this->assertSame( OutboxStatus::DONE, $row->status, (string) wp_json_encode( $row->last_response ) );
		$this->assertSame( $row->gp_ids['customer_number'] ?? null, get_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, true ) );
	}

	public function test_when_the_scheduled_dispatch_hook_fires_then_the_plugins_own_wiring_sends_the_queue(): void {
		if ( ! $this->plugin()->messages()->has_builder( 'customer' ) ) {
			$this->plugin()->messages()->add_builder( new UserCustomerBuilder() );
		}
		$user = $this->quiet_user();
		$id   = $this->outbox()->enqueue( 'customer', $user->ID, 'created' );

		do_action( SettingsKeys::HOOK_DISPATCH ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is the prefixed gpsync_dispatch; this is what Action Scheduler (or WP-Cron) runs.

		$row = $this->row( $id );
		$this->assertSame( OutboxStatus::DONE, $row->status, (string) wp_json_encode( $row->last_response ) );
		$this->assertNotSame( '', get_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, true ) );
	}

	public function test_when_gp_ids_are_written_to_an_order_then_they_use_crud_meta_and_do_not_requeue_the_order(): void {
		$this->require_woocommerce();
		$order = $this->outbox()->without_capture(
			function (): \WC_Order {
				return $this->create_order( [ [ $this->create_simple_product( 'GPSYNC-META-1', '10.00' ), 1 ] ] );
			}
		);
		global $wpdb;
		$wpdb->query( "TRUNCATE TABLE `{$this->outbox()->table_name()}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		( new GpIdsWriter( new OrderGateway(), $this->outbox() ) )->write_done(
			'order',
			$order->get_id(),
			[
				'sop_number'      => 'WI1001',
				'sop_type'        => 3,
				'customer_number' => 'WC42',
				'outcome'         => 'created',
			]
		);

		$fresh = wc_get_order( $order->get_id() );
		$this->assertInstanceOf( \WC_Order::class, $fresh );
		$this->assertSame( 'sent', $fresh->get_meta( SettingsKeys::META_STATE ) );
		$this->assertSame( 'WI1001', $fresh->get_meta( SettingsKeys::META_SOP_NUMBER ) );
		$this->assertSame( '3', (string) $fresh->get_meta( SettingsKeys::META_SOP_TYPE ) );
		$this->assertSame( 'WC42', $fresh->get_meta( SettingsKeys::META_CUSTOMER_NUMBER ) );
		$notes = wc_get_order_notes( [ 'order_id' => $order->get_id() ] );
		$this->assertStringContainsString( 'WI1001', implode( ' ', array_map( static fn( $n ) => $n->content, $notes ) ) );
		$this->assertSame( [], $this->all_rows(), 'saving the GP ids did not queue the order again' );
	}

	public function test_when_a_product_then_an_order_go_through_the_real_builders_then_the_order_gets_its_sop_number(): void {
		$this->require_woocommerce();
		if ( ! $this->plugin()->messages()->has_builder( 'order' ) || ! $this->plugin()->messages()->has_builder( 'product' ) ) {
			$this->markTestSkipped( 'the payloads helper\'s order/product builders are not in this tree yet' );
		}
		$sku     = 'GPSYNC-E2E-' . strtoupper( wp_generate_password( 6, false ) ); // GP item numbers are upper case.
		$product = $this->outbox()->without_capture(
			function () use ( $sku ): \WC_Product_Simple {
				return $this->create_simple_product( $sku, '12.50' );
			}
		);
		$this->outbox()->enqueue( 'product', $product->get_id(), 'created' );
		$this->dispatcher( null )->run( 20 );
		$stored = wc_get_product( $product->get_id() );
		$this->assertInstanceOf( \WC_Product::class, $stored );
		$this->assertSame( $sku, $stored->get_meta( SettingsKeys::META_ITEM_NUMBER ) );

		$order  = $this->outbox()->without_capture(
			function () use ( $product ): \WC_Order {
				return $this->create_order( [ [ $product, 2 ] ], [ 'status' => 'processing' ] );
			}
		);
		$row_id = $this->outbox()->enqueue( 'order', $order->get_id(), 'status:processing' );
		$this->dispatcher( null )->run( 20 );

		$row = $this->row( $row_id );
		$this->assertSame( OutboxStatus::DONE, $row->status, (string) wp_json_encode( $row->last_response ) );
		$fresh = wc_get_order( $order->get_id() );
		$this->assertInstanceOf( \WC_Order::class, $fresh );
		$this->assertSame( (string) ( $row->gp_ids['sop_number'] ?? '' ), $fresh->get_meta( SettingsKeys::META_SOP_NUMBER ) );
		$this->assertSame( 'sent', $fresh->get_meta( SettingsKeys::META_STATE ) );
	}
}
