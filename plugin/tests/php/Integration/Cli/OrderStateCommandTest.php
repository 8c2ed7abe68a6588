<?php
/**
 * `wp gp-sync order <id>`: the state of an order or refund, with the reason, as a table or JSON.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Cli;

use GPSync\Cli\OrderStateCommand;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class OrderStateCommandTest extends CoreTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce();
		require_once __DIR__ . '/../CoreSupport/wp-cli-shim.php';
		\WP_CLI::$lines = [];
	}

	public function test_each_state_is_shown_with_its_reason_and_legacy_synced_reads_as_sent(): void {
		$order   = $this->order_with_meta(
			[
				SettingsKeys::META_STATE        => 'not_sent',
				SettingsKeys::META_STATE_REASON => 'status "on-hold" maps to no GP document',
			]
		);
		$legacy  = $this->order_with_meta(
			[
				SettingsKeys::META_STATE      => 'synced',
				SettingsKeys::META_SOP_NUMBER => 'WI42',
				SettingsKeys::META_SOP_TYPE   => '3',
			]
		);
		$command = new OrderStateCommand( $this->plugin()->order_states() );

		$command( [ (string) $order->get_id() ], [] );
		$this->assertMatchesRegularExpression( '/^state\tnot_sent$/m', \WP_CLI::output() );
		$this->assertMatchesRegularExpression( '/^reason\tstatus "on-hold" maps to no GP document$/m', \WP_CLI::output() );

		\WP_CLI::$lines = [];
		$command( [ (string) $legacy->get_id() ], [ 'format' => 'json' ] );
		$json = json_decode( \WP_CLI::output(), true );
		$this->assertSame( 'sent', $json['state'] );
		$this->assertSame( 'WI42', $json['sop_number'] );
		$this->assertSame( 3, $json['sop_type'] );

		// A change waiting in the outbox makes it "waiting", whatever was stored.
		$this->outbox()->enqueue( 'order', $legacy->get_id(), 'order.updated' );
		\WP_CLI::$lines = [];
		$command( [ (string) $legacy->get_id() ], [ 'format' => 'json' ] );
		$this->assertSame( 'waiting', json_decode( \WP_CLI::output(), true )['state'] );
	}

	public function test_an_unknown_id_is_an_error(): void {
		$this->expectException( \RuntimeException::class );
		$this->expectExceptionMessage( 'no order or refund with id 987654321' );
		( new OrderStateCommand( $this->plugin()->order_states() ) )( [ '987654321' ], [] );
	}

	/** @param array<string,string> $meta */
	private function order_with_meta( array $meta ): \WC_Order {
		return $this->outbox()->without_capture(
			function () use ( $meta ): \WC_Order {
				$order = $this->create_order( [ [ $this->create_simple_product( 'GPS-ST-' . strtoupper( wp_generate_password( 6, false ) ), '3.00' ), 1 ] ] );
				foreach ( $meta as $key => $value ) {
					$order->update_meta_data( $key, $value );
				}
				$order->save();
				return $order;
			}
		);
	}
}
