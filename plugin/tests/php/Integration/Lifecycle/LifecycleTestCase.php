<?php
/**
 * Base of the lifecycle tests on the real bridge (sandbox GP): live capture, the plugin's own builders, drains.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Lifecycle;

use GPSync\Outbox\OutboxRow;
use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

/**
 * Orders and refunds are made through WooCommerce with capture on, exactly as a store makes them; the queue is
 * then drained through the plugin's own builders into the test stack's bridge.
 */
abstract class LifecycleTestCase extends CoreTestCase {

	use OrderStorage;

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->use_real_bridge();
		$this->configure(
			[
				'max_attempts'         => 3,
				'backoff_base_seconds' => 1,
				'backoff_cap_seconds'  => 2,
			]
		);
	}

	protected function tearDown(): void {
		parent::tearDown(); // Deletes the orders through the storage they were made in.
		$this->restore_order_storage();
	}

	/**
	 * Sends everything due, making retries due at once, until nothing waits (at most $rounds runs).
	 *
	 * @return int runs it took
	 */
	protected function drain( int $rounds = 8 ): int {
		for ( $run = 1; $run <= $rounds; $run++ ) {
			$this->make_all_due();
			$this->dispatcher( null )->run( 30 );
			if ( [] === $this->open_rows() ) {
				return $run;
			}
		}
		return $rounds;
	}

	/** @return list<OutboxRow> rows still pending, retrying or in flight */
	protected function open_rows(): array {
		return array_values(
			array_filter(
				$this->all_rows(),
				static fn( OutboxRow $row ): bool => in_array( $row->status, [ OutboxStatus::PENDING, OutboxStatus::RETRY, OutboxStatus::IN_FLIGHT ], true )
			)
		);
	}

	protected function assert_every_row_done_or_dead(): void {
		foreach ( $this->all_rows() as $row ) {
			$this->assertContains( $row->status, [ OutboxStatus::DONE, OutboxStatus::DEAD ], "row {$row->id} ({$row->kind} {$row->entity_id}, {$row->event}) ended {$row->status}: " . (string) $row->last_error_code . ' ' . (string) $row->last_error_message );
		}
	}

	/** @return list<OutboxRow> rows of an entity, oldest first */
	protected function rows_of( string $kind, int $id ): array {
		return array_reverse( $this->outbox()->for_entity( $kind, $id ) );
	}

	protected function latest( string $kind, int $id ): OutboxRow {
		$rows = $this->outbox()->for_entity( $kind, $id );
		$this->assertNotEmpty( $rows, "a $kind row for $id" );
		return $rows[0];
	}

	protected function meta( int $id, string $key ): string {
		wp_cache_flush();
		$order = wc_get_order( $id );
		return $order instanceof \WC_Abstract_Order ? (string) $order->get_meta( $key ) : '';
	}

	protected function notes( int $order_id ): string {
		return implode( ' | ', array_map( static fn( $note ) => (string) $note->content, wc_get_order_notes( [ 'order_id' => $order_id ] ) ) );
	}

	protected function fresh_order( int $id ): \WC_Order {
		wp_cache_flush();
		$order = wc_get_order( $id );
		$this->assertInstanceOf( \WC_Order::class, $order );
		return $order;
	}

	/** A product whose SKU is new to the sandbox GP (upper case, as GP keeps item numbers). */
	protected function product( string $price = '12.50', ?string $sku = null ): \WC_Product_Simple {
		return $this->create_simple_product( $sku ?? 'GPS-LC-' . strtoupper( wp_generate_password( 8, false ) ), $price );
	}

	/** @param array<int, array{qty: int, refund_total: string}> $line_items */
	protected function refund( \WC_Order $order, string $amount, array $line_items = [] ): \WC_Order_Refund {
		$refund = wc_create_refund(
			[
				'order_id'   => $order->get_id(),
				'amount'     => $amount,
				'reason'     => 'test',
				'line_items' => $line_items,
			]
		);
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund, is_wp_error( $refund ) ? $refund->get_error_message() : '' );
		return $refund;
	}

	/** As wp-admin's order item editor does: the first line's quantity and total changed (saves items and totals). */
	protected function edit_first_line( \WC_Order $order, int $qty, string $total ): void {
		if ( ! function_exists( 'wc_save_order_items' ) ) {
			require_once WC_ABSPATH . 'includes/admin/wc-admin-functions.php';
		}
		$items = $this->fresh_order( $order->get_id() )->get_items( 'line_item' );
		$item  = reset( $items );
		$this->assertInstanceOf( \WC_Order_Item_Product::class, $item );
		wc_save_order_items(
			$order->get_id(),
			[
				'order_item_id'  => [ $item->get_id() ],
				'order_item_qty' => [ $item->get_id() => (string) $qty ],
				'line_total'     => [ $item->get_id() => $total ],
				'line_subtotal'  => [ $item->get_id() => $total ],
			]
		);
	}

	/**
	 * Refund of $qty units of the order's first line for $amount (a decimal string: money never goes through floats).
	 *
	 * @return array<int, array{qty: int, refund_total: string}>
	 */
	protected function line_refund( \WC_Order $order, int $qty, string $amount ): array {
		$items = $order->get_items( 'line_item' );
		$item  = reset( $items );
		$this->assertInstanceOf( \WC_Order_Item_Product::class, $item );
		return [
			$item->get_id() => [
				'qty'          => $qty,
				'refund_total' => $amount,
			],
		];
	}
}
