<?php
/**
 * The order lifecycle rules of docs/plugin.md on real WooCommerce (HPOS and posts storage) and the real bridge
 * on the sandbox GP: capture on, the plugin's own builders, the queue drained as the scheduler would.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Lifecycle;

use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;

final class OrderLifecycleTest extends LifecycleTestCase {

	/** @dataProvider storages */
	public function test_pending_then_cancelled_before_any_dispatch_is_not_sent_and_leaves_no_dead_letter( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product(), 1 ] ], [ 'status' => 'pending' ] );
		$order->update_status( 'cancelled' );

		$this->drain();

		$this->assert_every_row_done_or_dead();
		$this->assertSame( [], array_filter( $this->all_rows(), static fn( $row ) => OutboxStatus::DEAD === $row->status ), 'no dead letter at all' );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertStringStartsWith( 'cancelled before it reached GP', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ), 'no GP document' );
	}

	/** @dataProvider storages */
	public function test_pending_sent_then_cancelled_stays_not_sent_with_each_reason( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product(), 1 ] ], [ 'status' => 'pending' ] );
		$this->drain();
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertStringContainsString( 'pending', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );

		$this->fresh_order( $order->get_id() )->update_status( 'cancelled' );
		$this->drain();

		$this->assert_every_row_done_or_dead();
		$this->assertSame( OutboxStatus::DONE, $this->latest( 'order', $order->get_id() )->status );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertStringStartsWith( 'cancelled before it reached GP', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
	}

	/** @dataProvider storages */
	public function test_an_order_trashed_before_gp_saw_it_is_not_sent( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product(), 1 ] ], [ 'status' => 'pending' ] );
		$id    = $order->get_id();
		$order->delete( false ); // wp-admin's "Move to Trash" (WC_Data::delete() resets the object's id).
		// No premise on the status read back: under HPOS with compatibility sync on, WooCommerce 9.4 was seen to
		// read the trashed order back as "pending" here. Either way nothing may reach GP.

		$this->drain();

		$this->assert_every_row_done_or_dead();
		$this->assertSame( OutboxStatus::DONE, $this->latest( 'order', $id )->status );
		$this->assertSame( 'not_sent', $this->meta( $id, SettingsKeys::META_STATE ) );
		$this->assertSame( '', $this->meta( $id, SettingsKeys::META_SOP_NUMBER ) );
	}

	/** @dataProvider storages */
	public function test_failed_payment_is_not_sent( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product(), 1 ] ], [ 'status' => 'pending' ] );
		$order->update_status( 'failed' );

		$this->drain();

		$this->assertSame( OutboxStatus::DONE, $this->latest( 'order', $order->get_id() )->status );
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertStringContainsString( 'failed', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
	}

	/** @dataProvider storages */
	public function test_on_hold_is_not_sent_with_its_reason_then_processing_sends_an_order( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product(), 2 ] ], [ 'status' => 'on-hold' ] );
		$this->drain();
		$this->assertSame( 'not_sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ), 'never "synced" for a skipped order' );
		$this->assertStringContainsString( 'on-hold', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ) );

		$this->fresh_order( $order->get_id() )->update_status( 'processing' );
		$this->drain();

		$this->assert_every_row_done_or_dead();
		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );
		$this->assertSame( '2', $this->meta( $order->get_id(), SettingsKeys::META_SOP_TYPE ) );
		$this->assertNotSame( '', $this->meta( $order->get_id(), SettingsKeys::META_SOP_NUMBER ) );
		$this->assertSame( '', $this->meta( $order->get_id(), SettingsKeys::META_STATE_REASON ) );
		$shown = $this->rest( 'GET', '/gp-sync/v1/orders/' . $order->get_id(), [], $this->create_user( 'administrator' ) );
		$this->assertSame( 'sent', $shown->get_data()['state'] );
		$this->assertSame( 2, $shown->get_data()['sop_type'] );
	}

	/** @dataProvider storages */
	public function test_partial_refund_then_full_refund_become_two_returns_and_the_order_stays_sent( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order = $this->create_order( [ [ $this->product( '12.50' ), 2 ] ], [ 'status' => 'completed' ] );
		$this->assertSame( '25.00', $order->get_total(), 'premise: no tax or shipping on the test store' );
		$this->drain();
		$this->assertSame( '3', $this->meta( $order->get_id(), SettingsKeys::META_SOP_TYPE ) );

		$first = $this->refund( $order, '12.50', $this->line_refund( $order, 1, '12.50' ) );
		$this->drain();
		$second = $this->refund( $this->fresh_order( $order->get_id() ), '12.50', $this->line_refund( $order, 1, '12.50' ) );
		$this->assertSame( 'refunded', $this->fresh_order( $order->get_id() )->get_status() );
		$this->drain();

		$this->assert_every_row_done_or_dead();
		foreach ( [ $first, $second ] as $refund ) {
			$row = $this->latest( 'refund', $refund->get_id() );
			$this->assertSame( OutboxStatus::DONE, $row->status, (string) wp_json_encode( $row->last_response ) );
			$this->assertSame( 'sent', $this->meta( $refund->get_id(), SettingsKeys::META_STATE ) );
			$this->assertSame( '4', $this->meta( $refund->get_id(), SettingsKeys::META_SOP_TYPE ) );
		}
		$this->assertNotSame( $this->meta( $first->get_id(), SettingsKeys::META_SOP_NUMBER ), $this->meta( $second->get_id(), SettingsKeys::META_SOP_NUMBER ), 'one GP return per refund' );
		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ), 'the refunded status sends nothing, GP keeps the invoice' );
	}

	/** @dataProvider storages */
	public function test_processing_fully_refunded_before_dispatch_leaves_no_message_waiting_for_ever( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$order  = $this->create_order( [ [ $this->product(), 1 ] ], [ 'status' => 'processing' ] );
		$refund = $this->refund( $order, (string) $order->get_total() );
		$this->assertSame( 'refunded', $this->fresh_order( $order->get_id() )->get_status() );
		$this->assertCount( 1, $this->outbox()->for_entity( 'order', $order->get_id() ), 'coalesced: one order message with the latest status' );

		$this->drain( 10 );

		$this->assertSame( [], $this->open_rows(), 'nothing waits for ever' );
		$this->assert_every_row_done_or_dead();
		$row = $this->latest( 'refund', $refund->get_id() );
		if ( OutboxStatus::DEAD === $row->status ) {
			// A bridge that cannot make the sale document: the refund says why, within the retry limit.
			$this->assertSame( 'order_not_in_gp', $row->last_error_code );
			$this->assertStringContainsString( 'order ' . $order->get_id(), (string) $row->last_error_message );
			$this->assertLessThanOrEqual( 3, $row->attempts );
		}
	}

	/** @dataProvider storages */
	public function test_edits_after_sync_to_lines_and_addresses_are_captured( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$product = $this->product();
		$order   = $this->create_order( [ [ $product, 1 ] ], [ 'status' => 'processing' ] );
		$this->drain();
		$this->assertSame( 'sent', $this->meta( $order->get_id(), SettingsKeys::META_STATE ) );

		// wp-admin's item editor: quantity 1 → 3.
		$this->edit_first_line( $order, 3, '37.50' );
		$this->assertSame( '37.50', $this->fresh_order( $order->get_id() )->get_total() );
		$this->assert_waiting_order_row( $order->get_id(), 'quantity edit' );
		$this->assertSame( 'waiting', $this->plugin()->order_states()->of( $order->get_id() )['state'] ?? null );
		$this->drain();

		// A line added.
		$edited = $this->fresh_order( $order->get_id() );
		$edited->add_product( $this->product( '5.00' ), 1 );
		$edited->calculate_totals();
		$this->assert_waiting_order_row( $order->get_id(), 'line added' );
		$this->drain();

		// The shipping address changed.
		$edited = $this->fresh_order( $order->get_id() );
		$edited->set_shipping_address_1( '99 Other Road' );
		$edited->save();
		$this->assert_waiting_order_row( $order->get_id(), 'address change' );
		$this->drain();

		$this->assert_every_row_done_or_dead();
	}

	/** @dataProvider storages */
	public function test_a_mixed_queue_drains_until_every_row_is_done_or_dead( bool $hpos ): void {
		$this->use_order_storage( $hpos );
		$customer = $this->create_user( 'customer', [ 'first_name' => 'Mixed' ] );
		$good     = $this->product( '10.00' );
		$long_sku = $this->product( '4.00', 'GPS-LC-' . str_repeat( 'L', 40 ) );
		$no_sku   = $this->product( '3.00', '' );

		$this->create_order( [ [ $good, 1 ] ], [ 'status' => 'pending' ] );
		$this->create_order( [ [ $good, 1 ] ], [ 'status' => 'on-hold' ] );
		$this->create_order( [ [ $good, 2 ] ], [ 'status' => 'processing' ], $customer );
		$this->create_order( [ [ $good, 1 ] ], [ 'status' => 'completed' ] );
		$this->create_order( [ [ $good, 1 ] ], [ 'status' => 'pending' ] )->update_status( 'cancelled' );
		$this->create_order( [ [ $long_sku, 1 ] ], [ 'status' => 'processing' ] );
		$this->create_order( [ [ $no_sku, 1 ] ], [ 'status' => 'processing' ] );
		$refunded = $this->create_order( [ [ $good, 1 ] ], [ 'status' => 'processing' ] );
		$this->refund( $refunded, (string) $refunded->get_total() );
		$partial = $this->create_order( [ [ $good, 2 ] ], [ 'status' => 'completed' ] );
		$this->refund( $partial, '10.00', $this->line_refund( $partial, 1, '10.00' ) );
		$before = count( $this->all_rows() );
		$this->assertGreaterThanOrEqual( 14, $before );

		$runs = $this->drain( 12 );

		$this->assertSame( [], $this->open_rows(), "after $runs runs nothing is pending, retrying or in flight" );
		$this->assert_every_row_done_or_dead();
		foreach ( $this->all_rows() as $row ) {
			if ( OutboxStatus::DEAD === $row->status ) {
				$this->assertNotSame( '', (string) $row->last_error_code, "dead row {$row->id} says why" );
				$this->assertNotSame( '', (string) $row->last_error_message );
			}
		}
	}

	private function assert_waiting_order_row( int $order_id, string $edit ): void {
		$row = $this->latest( 'order', $order_id );
		$this->assertSame( OutboxStatus::PENDING, $row->status, "the $edit was captured: " . $row->event );
	}
}
