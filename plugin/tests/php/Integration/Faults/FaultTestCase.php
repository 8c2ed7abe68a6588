<?php
/**
 * The fault-injection suite's base: WordPress + WooCommerce + MariaDB of the test stack, the plugin's own
 * capture and dispatcher, and a bridge of the test's own (FaultBridge) on a fresh sandbox GP. Each scenario
 * injects one failure while orders are placed and sent, then ends with the same three checks (SPEC §9):
 * every order is in GP exactly once with its total, nothing was dead-lettered for unavailability, and the
 * queue is settled (every row done: none waiting for ever).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults;

use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\Faults\Support\FaultBridge;
use GPSync\Tests\Integration\Faults\Support\GpLedger;

abstract class FaultTestCase extends CoreTestCase {

	protected FaultBridge $gp_bridge;
	/** @var list<\WC_Product_Simple> items the sandbox GP is seeded with */
	private array $products = [];

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		$this->require_bridge(); // the stack built bridge/dist
		if ( ! $this->plugin()->messages()->has_builder( 'order' ) ) {
			$this->markTestSkipped( 'the order payload builder is not in this tree' );
		}
		$this->gp_bridge = new FaultBridge();
		$this->point_plugin_at( $this->gp_bridge->url() );
		$this->products = $this->outbox()->without_capture(
			function (): array {
				return [
					$this->create_simple_product( 'WCGP-MUG-001', '12.50' ),
					$this->create_simple_product( 'WCGP-PEN-002', '4.35' ),
				];
			}
		);
		foreach ( $this->products as $product ) {
			// WooCommerce drops a duplicated SKU without a word (set_props collects the error): say it here.
			$stored = wc_get_product( $product->get_id() );
			$this->assertInstanceOf( \WC_Product::class, $stored );
			$this->assertNotSame( '', $stored->get_sku(), 'the store already has a product with this SKU; delete it' );
		}
	}

	protected function tearDown(): void {
		if ( isset( $this->gp_bridge ) ) {
			$this->gp_bridge->destroy();
		}
		parent::tearDown();
	}

	protected function point_plugin_at( string $url ): void {
		$this->configure(
			[
				'bridge_url'           => $url,
				'bridge_secret'        => $this->gp_bridge->secret,
				'request_timeout'      => 15,
				'batch_size'           => 10,
				'backoff_base_seconds' => 30,
				'backoff_cap_seconds'  => 3600,
				'max_attempts'         => 3,
			]
		);
	}

	/**
	 * Places orders the way a checkout does: WooCommerce's CRUD with the plugin's capture listening, so each
	 * order is queued by the plugin itself.
	 *
	 * @return list<\WC_Order>
	 */
	protected function place_orders( int $count ): array {
		$orders = [];
		for ( $i = 0; $i < $count; $i++ ) {
			$orders[] = $this->create_order( [ [ $this->products[0], 1 + $i % 3 ], [ $this->products[1], 1 ] ] );
		}
		return $orders;
	}

	/** The sweep, as often as needed: every waiting row made due and a dispatcher run, until none waits. */
	protected function sweep_until_settled( int $max_runs = 30 ): void {
		for ( $run = 0; $run < $max_runs; $run++ ) {
			if ( 0 === $this->waiting_rows() ) {
				return;
			}
			$this->make_all_due();
			$this->dispatcher()->run( 30 );
		}
	}

	protected function waiting_rows(): int {
		$counts = $this->outbox()->counts_by_status();
		return (int) ( $counts[ OutboxStatus::PENDING ] ?? 0 ) + (int) ( $counts[ OutboxStatus::RETRY ] ?? 0 ) + (int) ( $counts[ OutboxStatus::IN_FLIGHT ] ?? 0 );
	}

	/**
	 * The end of every scenario: each order in GP exactly once with its total and its GP number on the order;
	 * no other document in GP; every outbox row done (nothing dead, nothing waiting).
	 *
	 * @param list<\WC_Order> $orders
	 */
	protected function assert_each_order_in_gp_once_and_the_queue_settled( array $orders ): void {
		$by_po = [];
		foreach ( GpLedger::documents( $this->gp_bridge ) as $document ) {
			$by_po[ trim( $document['po'] ) ][] = $document;
		}
		$expected = [];
		foreach ( $orders as $order ) {
			$fresh = wc_get_order( $order->get_id() );
			$this->assertInstanceOf( \WC_Order::class, $fresh );
			$po         = (string) $fresh->get_order_number();
			$expected[] = $po;
			$documents  = $by_po[ $po ] ?? [];
			$this->assertCount( 1, $documents, "order $po is in GP exactly once: " . wp_json_encode( $documents ) );
			$this->assertSame( self::decimal( (string) $fresh->get_total() ), self::decimal( (string) $documents[0]['amount'] ), "order $po: GP's document amount equals the order total" );
			$this->assertSame( trim( (string) $documents[0]['number'] ), (string) $fresh->get_meta( SettingsKeys::META_SOP_NUMBER ), "order $po carries its GP document number" );
		}
		sort( $expected );
		$in_gp = array_map( 'strval', array_keys( $by_po ) );
		sort( $in_gp );
		$this->assertSame( $expected, $in_gp, 'GP holds no other document' );

		$not_done = array_filter( $this->all_rows(), static fn( $row ) => OutboxStatus::DONE !== $row->status );
		$this->assertSame(
			[],
			array_map( static fn( $row ) => "{$row->kind} {$row->entity_id}: {$row->status} {$row->last_error_code}", array_values( $not_done ) ),
			'the queue is settled: every row done, none dead, none waiting'
		);
	}

	/** A decimal string without trailing zeros ("55.780" → "55.78", "12.00" → "12"): money compared as text. */
	protected static function decimal( string $value ): string {
		$value = trim( $value );
		return str_contains( $value, '.' ) ? rtrim( rtrim( $value, '0' ), '.' ) : $value;
	}
}
