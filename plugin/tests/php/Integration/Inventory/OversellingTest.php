<?php
/**
 * No overselling: orders WooCommerce has taken stock for but GP has not seen yet are subtracted from GP's
 * available quantity until GP allocates them itself.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Inventory;

use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;

final class OversellingTest extends InventoryTestCase {

	public function test_when_orders_wait_for_gp_while_the_bridge_is_down_then_a_poll_never_raises_stock_above_what_is_left(): void {
		if ( ! $this->plugin()->messages()->has_builder( 'order' ) ) {
			$this->markTestSkipped( 'the order payload builder is not in this tree' );
		}
		$sku = $this->prefix . 'RACE';
		$this->gp_items( [ $sku ] );
		$product = $this->stocked_product( $sku, 0 );
		$this->gp_stock( [ [ $sku, 'MAIN', '10' ] ] );
		$this->sync();
		$this->assertSame( '10', $this->stock_of( $product->get_id() ) );

		// The bridge goes down; two customers check out (WooCommerce takes 3 + 2 from stock at once).
		$this->configure( [ 'bridge_url' => 'http://127.0.0.1:' . \GPSync\Tests\Integration\CoreSupport\FakeBridge::free_port() ] );
		$first  = $this->create_order( [ [ $this->product( $product->get_id() ), 3 ] ], [ 'status' => 'processing' ] );
		$second = $this->create_order( [ [ $this->product( $product->get_id() ), 2 ] ], [ 'status' => 'processing' ] );
		$this->assertSame( '5', $this->stock_of( $product->get_id() ), 'WooCommerce lowered its stock at checkout' );
		$this->dispatcher( null )->run( 5 );
		$waiting = array_filter( $this->all_rows(), static fn( $row ) => 'order' === $row->kind );
		$this->assertCount( 2, $waiting );
		foreach ( $waiting as $row ) {
			$this->assertContains( $row->status, [ OutboxStatus::PENDING, OutboxStatus::RETRY ], 'the orders wait for GP' );
		}

		// The bridge is back but the orders have not gone yet: the poll must not hand their 5 units back.
		$this->use_real_bridge();
		$this->sync();
		$this->assertSame( '5', $this->stock_of( $product->get_id() ), 'GP says 10 available, 5 of them are sold already' );

		// A stock count in GP while the orders still wait: 8 on hand, of which 5 are sold.
		$this->gp_stock( [ [ $sku, 'MAIN', '8' ] ] );
		$this->sync();
		$this->assertSame( '3', $this->stock_of( $product->get_id() ) );

		// Recovery: the orders reach GP, GP allocates them, and the next poll agrees with GP alone.
		$this->make_all_due();
		$this->dispatcher( null )->run( 30 );
		foreach ( [ $first, $second ] as $order ) {
			$this->assertNotSame( '', (string) $this->order( $order->get_id() )->get_meta( SettingsKeys::META_SOP_NUMBER ), 'the order is in GP' );
		}
		$this->sync();
		$this->assertSame( '3', $this->stock_of( $product->get_id() ), 'GP: 8 on hand − 5 allocated' );
	}

	public function test_waiting_retrying_in_flight_and_dead_orders_hold_stock_but_orders_in_gp_discarded_and_unmapped_statuses_do_not(): void {
		global $wpdb;
		$sku     = $this->prefix . 'HELD';
		$product = $this->stocked_product( $sku, 1000 );
		$other   = $this->stocked_product( $this->prefix . 'OTHER', 1000 );
		// Quantities are powers of two, so the sum shows exactly which orders were counted.
		$cases = [
			[ 1, 'processing', OutboxStatus::PENDING, false ],
			[ 2, 'processing', OutboxStatus::RETRY, false ],
			[ 4, 'processing', OutboxStatus::IN_FLIGHT, false ],
			[ 8, 'processing', OutboxStatus::DEAD, false ],
			[ 16, 'completed', OutboxStatus::PENDING, false ],   // status map: invoice, allocates
			[ 32, 'processing', OutboxStatus::DONE, true ],      // GP has it and allocated it already
			[ 64, 'processing', OutboxStatus::DISCARDED, false ],
			[ 128, 'on-hold', OutboxStatus::PENDING, false ],    // status map: ignore, never reaches GP
			[ 256, 'cancelled', OutboxStatus::PENDING, false ],
			[ 512, 'processing', OutboxStatus::PENDING, true ],  // a later event of an order GP already has
		];
		$table = $this->outbox()->table_name();
		foreach ( $cases as [ $quantity, $status, $row_status, $in_gp ] ) {
			$order = $this->outbox()->without_capture(
				function () use ( $product, $other, $quantity, $status ): \WC_Order {
					return $this->create_order( [ [ $product, $quantity ], [ $other, 1 ] ], [ 'status' => $status ] );
				}
			);
			if ( $in_gp ) {
				$this->outbox()->without_capture(
					static function () use ( $order ): void {
						$order->update_meta_data( SettingsKeys::META_SOP_NUMBER, 'WO' . $order->get_id() );
						$order->save();
					}
				);
			}
			$row_id = $this->outbox()->enqueue( 'order', $order->get_id(), 'status:' . $status );
			$wpdb->update( $table, [ 'status' => $row_status ], [ 'id' => $row_id ] );
		}
		// A partial refund before GP saw the order: GP will allocate what is left of the line.
		$refunded = $this->outbox()->without_capture(
			function () use ( $product ): \WC_Order {
				return $this->create_order( [ [ $product, 1024 ] ], [ 'status' => 'processing' ] );
			}
		);
		$items    = $refunded->get_items();
		$this->outbox()->without_capture(
			static function () use ( $refunded, $items ): void {
				wc_create_refund(
					[
						'order_id'   => $refunded->get_id(),
						'amount'     => '10.00',
						'line_items' => [
							(int) key( $items ) => [
								'qty'          => 1,
								'refund_total' => '10.00',
							],
						],
					]
				);
			}
		);
		$this->outbox()->enqueue( 'order', $refunded->get_id(), 'status:processing' );

		$held = ( new \GPSync\Inventory\HeldStock( $this->outbox(), new \GPSync\Orders\OrderGateway(), $this->plugin()->settings() ) )->by_item();

		$this->assertSame( (string) ( 1 + 2 + 4 + 8 + 16 + 1023 ), (string) $held[ strtoupper( $sku ) ] );
		$this->assertSame( '5', (string) $held[ strtoupper( $this->prefix . 'OTHER' ) ], 'one each from the five counted orders with an OTHER line' );
	}
}
