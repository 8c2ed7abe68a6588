<?php
/**
 * The order, product and user screens' GP parts: what they say, that they escape what came from the store,
 * who may use them, Resend over REST and the orders list's bulk "Send to GP". Real WordPress, WooCommerce
 * and outbox; dead letters are written through the repository as the dispatcher writes them.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Admin;

use GPSync\Admin\OrderBox;
use GPSync\Admin\OrderBulkSend;
use GPSync\Admin\OrderListColumn;
use GPSync\Admin\OrderSender;
use GPSync\Admin\OrderStanding;
use GPSync\Admin\ProductGpInfo;
use GPSync\Admin\UserGpCustomer;
use GPSync\Orders\OrderGateway;
use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class OrderScreensTest extends CoreTestCase {

	private const SCRIPT_NAME = '<script>alert(1)</script>';
	private const IMG_NAME    = '<img src=x onerror=alert(1)>';

	private \WP_User $admin;
	private OrderStanding $statuses;
	private OrderSender $sender;

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->admin    = $this->create_user( 'administrator' );
		$this->statuses = new OrderStanding( new OrderGateway(), $this->outbox() );
		$this->sender   = new OrderSender( $this->outbox(), $this->plugin()->recovery() );
		wp_set_current_user( $this->admin->ID );
	}

	/** Every row captured so far leaves the queue: order rows as $order_outcome says, the rest done. */
	private function settle_queue( callable $order_outcome ): void {
		foreach ( $this->outbox()->claim( 100, 60 ) as $row ) {
			if ( 'order' === $row->kind ) {
				$order_outcome( $row );
			} else {
				$this->outbox()->mark_done( $row, [], [] );
			}
		}
	}

	/** @return array<string,mixed> */
	private function status_of( int $order_id ): array {
		$status = $this->statuses->for_order( $order_id );
		$this->assertIsArray( $status );
		return $status;
	}

	/**
	 * GP meta written with capture paused, as Meta\GpIdsWriter writes it (saving must not enqueue the order again).
	 *
	 * @param array<string,string> $meta
	 */
	private function write_meta_as_the_dispatcher( \WC_Order $order, array $meta ): void {
		$this->outbox()->without_capture(
			static function () use ( $order, $meta ): void {
				( new OrderGateway() )->update_meta( $order->get_id(), $meta );
			}
		);
	}

	private function dead_lettered_order( \WC_Product $product ): \WC_Order {
		$order = $this->create_order( [ [ $product, 2 ] ] );
		$this->settle_queue(
			function ( $row ): void {
				$this->outbox()->mark_dead(
					$row,
					'unknown_sku',
					'GP has no item ' . self::IMG_NAME,
					'lines[0].sku',
					[ 'details' => [ 'skus' => [ $GLOBALS['gpsync_test_sku'] ] ] ]
				);
			}
		);
		return $order;
	}

	public function test_when_gp_refused_an_order_then_the_box_says_why_links_to_the_product_and_escapes_store_text(): void {
		$GLOBALS['gpsync_test_sku'] = str_repeat( 'X', 35 );
		$product                    = $this->create_simple_product( $GLOBALS['gpsync_test_sku'], '9.50', [ 'name' => self::SCRIPT_NAME ] );
		$order                      = $this->dead_lettered_order( $product );

		$html = ( new OrderBox( $this->statuses ) )->html( $order->get_id() );

		$this->assertStringContainsString( 'GP did not accept this order (unknown_sku)', $html );
		$this->assertStringContainsString( 'Field: lines[0].sku', $html );
		$this->assertStringContainsString( esc_url( (string) get_edit_post_link( $product->get_id(), 'raw' ) ), $html );
		$this->assertStringContainsString( '&lt;script&gt;alert(1)&lt;/script&gt;', $html );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt;', $html );
		$this->assertStringNotContainsString( self::SCRIPT_NAME, $html );
		$this->assertStringNotContainsString( self::IMG_NAME, $html );
		$this->assertMatchesRegularExpression( '/data-status="[^"<>]*"/', $html, 'the JSON for the script is one escaped attribute' );

		$status = $this->status_of( $order->get_id() );
		$this->assertSame( OrderStanding::FAILED, $status['state'] );
		$this->assertSame(
			[
				'code'    => 'unknown_sku',
				'message' => 'GP has no item ' . self::IMG_NAME,
				'field'   => 'lines[0].sku',
				'path'    => '',
			],
			$status['error']
		);
		$this->assertStringContainsString( self::SCRIPT_NAME, $status['advice']['text'], 'plain text: React escapes it' );
	}

	public function test_when_an_item_number_is_too_long_for_gp_then_the_box_points_to_the_product_the_bridge_named(): void {
		$sku     = str_repeat( 'L', 35 );
		$other   = $this->create_simple_product( 'GP-BOX-OK', '1.00' );
		$product = $this->create_simple_product( $sku, '9.50' );
		$order   = $this->create_order( [ [ $other, 1 ], [ $product, 1 ] ] );
		$this->settle_queue(
			function ( $row ) use ( $sku ): void {
				// The bridge's answer as the sandbox gives it: the eConnect field, and the payload path in details.
				$this->outbox()->mark_dead(
					$row,
					'field_too_long',
					"taUpdateCreateItemRcd.ITEMNMBR \"$sku\" (from lines[1].sku) is 35 characters; GP accepts 30",
					'taUpdateCreateItemRcd.ITEMNMBR',
					[
						'code'    => 'field_too_long',
						'details' => [
							'path'   => 'lines[1].sku',
							'limit'  => 30,
							'length' => 35,
							'value'  => $sku,
						],
					]
				);
			}
		);

		$status = $this->status_of( $order->get_id() );
		$this->assertSame( 'lines[1].sku', $status['error']['path'] );
		$this->assertSame( (string) get_edit_post_link( $product->get_id(), 'raw' ), $status['advice']['url'] );
		$this->assertStringContainsString( 'Field: taUpdateCreateItemRcd.ITEMNMBR (from lines[1].sku)', ( new OrderBox( $this->statuses ) )->html( $order->get_id() ) );
	}

	public function test_when_gp_has_the_order_then_box_and_list_say_which_document_and_the_old_synced_value_reads_as_sent(): void {
		$order = $this->create_order( [ [ $this->create_simple_product( 'GP-BOX-1', '5.00' ), 1 ] ] );
		$this->assertSame( OrderStanding::WAITING, $this->status_of( $order->get_id() )['state'], 'captured, not sent yet' );
		$this->settle_queue(
			function ( $row ): void {
				$this->outbox()->mark_done(
					$row,
					[
						'sop_number' => 'INV0007',
						'sop_type'   => 3,
					],
					[]
				);
			}
		);
		$this->write_meta_as_the_dispatcher(
			$order,
			[
				SettingsKeys::META_STATE      => 'synced',
				SettingsKeys::META_SOP_NUMBER => 'INV0007',
				SettingsKeys::META_SOP_TYPE   => '3',
			]
		);

		$status = $this->status_of( $order->get_id() );
		$this->assertSame( OrderStanding::SENT, $status['state'] );
		$this->assertSame( 'Sent to GP as Invoice INV0007', $status['headline'] );
		$this->assertStringContainsString( '<span>Invoice INV0007</span>', ( new OrderListColumn( $this->statuses ) )->cell( $order->get_id() ) );
	}

	public function test_when_the_status_map_skips_an_order_then_the_box_gives_the_reason(): void {
		$order = $this->create_order( [ [ $this->create_simple_product( 'GP-BOX-2', '5.00' ), 1 ] ], [ 'status' => 'on-hold' ] );
		$this->settle_queue(
			function ( $row ): void {
				$this->outbox()->mark_done( $row, [ 'outcome' => 'skipped' ], [] );
			}
		);
		$this->write_meta_as_the_dispatcher(
			$order,
			[
				SettingsKeys::META_STATE => 'not_sent',
				'_gpsync_state_reason'   => 'status on-hold is not mapped ' . self::SCRIPT_NAME,
			]
		);

		$status = $this->status_of( $order->get_id() );
		$this->assertSame( OrderStanding::NOT_SENT, $status['state'] );
		$this->assertSame( 'status on-hold is not mapped ' . self::SCRIPT_NAME, $status['detail'] );
		$html = ( new OrderBox( $this->statuses ) )->html( $order->get_id() );
		$this->assertStringContainsString( 'status on-hold is not mapped &lt;script&gt;', $html );
		$this->assertStringContainsString( '<span>Not sent</span>', ( new OrderListColumn( $this->statuses ) )->cell( $order->get_id() ) );
	}

	public function test_when_resend_is_used_over_rest_then_a_dead_letter_is_retried_in_place_and_only_managers_may(): void {
		$GLOBALS['gpsync_test_sku'] = 'GP-BOX-3';
		$order                      = $this->dead_lettered_order( $this->create_simple_product( 'GP-BOX-3', '5.00' ) );
		$dead                       = $this->outbox()->for_entity( 'order', $order->get_id() )[0];
		$this->assertSame( OutboxStatus::DEAD, $dead->status );

		$read = $this->rest( 'GET', '/gp-sync/v1/orders/' . $order->get_id() . '/gp', [], $this->admin );
		$this->assertSame( 200, $read->get_status() );
		$this->assertSame( 'failed', $read->get_data()['state'] );
		$this->assertSame( $dead->id, $read->get_data()['message_row_id'] );

		$customer = $this->create_user( 'customer' );
		$this->assertSame( 403, $this->rest( 'POST', '/gp-sync/v1/orders/' . $order->get_id() . '/send', [], $customer )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/gp-sync/v1/orders/' . $order->get_id() . '/gp', [], $customer )->get_status() );
		$this->assertSame( OutboxStatus::DEAD, $this->row( $dead->id )->status, 'a refused call changes nothing' );

		$sent = $this->rest( 'POST', '/gp-sync/v1/orders/' . $order->get_id() . '/send', [], $this->admin );
		$this->assertSame( 200, $sent->get_status() );
		$this->assertSame( $dead->id, $sent->get_data()['queued'], 'the dead letter itself goes back in the queue' );
		$this->assertSame( 'waiting', $sent->get_data()['status']['state'] );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $dead->id )->status );

		$this->assertSame( 404, $this->rest( 'POST', '/gp-sync/v1/orders/999999999/send', [], $this->admin )->get_status() );
	}

	public function test_when_orders_are_bulk_sent_then_each_is_queued_and_only_for_managers(): void {
		$product = $this->create_simple_product( 'GP-BOX-4', '5.00' );
		$first   = $this->create_order( [ [ $product, 1 ] ] );
		$second  = $this->create_order( [ [ $product, 1 ] ] );
		$this->settle_queue(
			function ( $row ): void {
				$this->outbox()->mark_done(
					$row,
					[
						'sop_number' => 'WO' . $row->entity_id,
						'sop_type'   => 2,
					],
					[]
				);
			}
		);
		$bulk = new OrderBulkSend( $this->sender, new OrderGateway() );
		$this->assertArrayHasKey( OrderBulkSend::ACTION, $bulk->actions( [] ) );

		$this->assertSame( 'https://shop.test/list', $bulk->handle( 'https://shop.test/list', 'trash', [ $first->get_id() ] ), 'other actions pass through' );

		wp_set_current_user( $this->create_user( 'customer' )->ID );
		$this->assertSame( [], $bulk->actions( [] ) );
		$this->assertSame( 'https://shop.test/list', $bulk->handle( 'https://shop.test/list', OrderBulkSend::ACTION, [ $first->get_id() ] ) );
		$this->assertSame( OutboxStatus::DONE, $this->outbox()->for_entity( 'order', $first->get_id() )[0]->status );

		wp_set_current_user( $this->admin->ID );
		$url = $bulk->handle( 'https://shop.test/list', OrderBulkSend::ACTION, [ (string) $first->get_id(), $second->get_id(), 999999999 ] );
		$this->assertSame( 'https://shop.test/list?gpsync_sent=2', $url );
		foreach ( [ $first, $second ] as $order ) {
			$newest = $this->outbox()->for_entity( 'order', $order->get_id() )[0];
			$this->assertSame( OutboxStatus::PENDING, $newest->status );
			$this->assertSame( 'resend', $newest->event );
		}
	}

	public function test_when_edit_screens_load_then_the_box_is_added_to_the_order_screen_only_and_for_managers_only(): void {
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once WC()->plugin_path() . '/includes/admin/wc-admin-functions.php'; // wc_get_page_screen_id(), loaded in wp-admin only.
		global $wp_meta_boxes;
		$box          = new OrderBox( $this->statuses );
		$order_screen = wc_get_page_screen_id( 'shop-order' );
		$registered   = static function ( string $screen ): bool {
			global $wp_meta_boxes;
			return isset( $wp_meta_boxes[ $screen ]['side']['high']['gpsync-dynamics-gp'] );
		};
		try {
			set_current_screen( 'post' );
			$box->add();
			$this->assertFalse( $registered( $order_screen ) || $registered( 'post' ), 'not on a post screen' );
			$this->assertFalse( wp_script_is( 'gpsync-order-box', 'enqueued' ) );

			set_current_screen( $order_screen );
			wp_set_current_user( $this->create_user( 'customer' )->ID );
			$box->add();
			$this->assertFalse( $registered( $order_screen ), 'not for a customer' );

			wp_set_current_user( $this->admin->ID );
			$box->add();
			$this->assertTrue( $registered( $order_screen ) );
		} finally {
			unset( $wp_meta_boxes[ $order_screen ] );
			wp_dequeue_script( 'gpsync-order-box' );
			$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- back to no screen, as before the test.
		}
	}

	public function test_when_the_orders_list_is_drawn_then_the_gp_column_follows_the_status_for_managers_only(): void {
		$column  = new OrderListColumn( $this->statuses );
		$columns = $column->columns(
			[
				'cb'           => '',
				'order_number' => 'Order',
				'order_status' => 'Status',
				'order_total'  => 'Total',
			]
		);
		$this->assertSame( [ 'cb', 'order_number', 'order_status', OrderListColumn::COLUMN, 'order_total' ], array_keys( $columns ) );
		wp_set_current_user( $this->create_user( 'shop_manager' )->ID );
		$this->assertArrayHasKey( OrderListColumn::COLUMN, $column->columns( [ 'order_status' => 'Status' ] ) );
		wp_set_current_user( $this->create_user( 'subscriber' )->ID );
		$this->assertArrayNotHasKey( OrderListColumn::COLUMN, $column->columns( [ 'order_status' => 'Status' ] ) );
	}

	public function test_when_a_product_is_shown_then_its_gp_item_number_and_stock_sync_are_text(): void {
		$product = $this->create_simple_product(
			'GP-BOX-5',
			'5.00',
			[
				'name'           => self::IMG_NAME,
				'manage_stock'   => true,
				'stock_quantity' => 7,
			]
		);
		$info    = new ProductGpInfo( $this->outbox() );
		$html    = $info->html( $product );
		$this->assertStringContainsString( 'GP-BOX-5 (the SKU)', $html );
		$this->assertStringContainsString( 'Not synced yet', $html );
		// After its first sync the product keeps GP's number, its own SKU: the box reads the same.
		$product->update_meta_data( SettingsKeys::META_ITEM_NUMBER, 'GP-BOX-5' );
		$this->assertStringContainsString( 'GP-BOX-5 (the SKU)', $info->html( $product ) );

		$product->update_meta_data( SettingsKeys::META_ITEM_NUMBER, 'ITEM<b>5</b>' );
		$product->update_meta_data( SettingsKeys::META_STOCK_SYNCED_GMT, '2026-12-01 09:30:00' );
		$product->save();
		$reloaded = wc_get_product( $product->get_id() );
		$this->assertInstanceOf( \WC_Product::class, $reloaded );
		$html = $info->html( $reloaded );
		$this->assertStringContainsString( 'ITEM&lt;b&gt;5&lt;/b&gt;', $html );
		$this->assertStringNotContainsString( '<b>5</b>', $html );
		$this->assertMatchesRegularExpression( '/7, last synced .*2026/', $html );
	}

	public function test_when_a_profile_is_shown_then_the_gp_customer_number_is_text(): void {
		$user = $this->quiet_user( 'customer', [ 'display_name' => self::SCRIPT_NAME ] );
		$view = new UserGpCustomer();
		$this->assertStringContainsString( 'Not in GP yet', $view->html( $user ) );
		update_user_meta( $user->ID, SettingsKeys::META_CUSTOMER_NUMBER, 'WC<i>42</i>' );
		$html = $view->html( $user );
		$this->assertStringContainsString( 'WC&lt;i&gt;42&lt;/i&gt;', $html );
		$this->assertStringNotContainsString( '<i>', $html );
	}
}
