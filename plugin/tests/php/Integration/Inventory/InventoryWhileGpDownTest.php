<?php
/**
 * GP down while the plugin pulls stock: the bridge answers 503 gp_unavailable (retry later) and the plugin keeps
 * the cursor it had, so the next run asks for the same changes and none is skipped. Health, signed as the plugin
 * signs it, says why GP is down; the same question unsigned gets the status only (issue 10, defects 4 and 6).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Inventory;

use GPSync\Exception\BridgeRequestFailed;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Integration\CoreSupport\GpDownBridge;

final class InventoryWhileGpDownTest extends CoreTestCase {

	private static ?GpDownBridge $bridge = null;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		if ( GPSYNC_TESTS_WP_LOADED ) {
			self::$bridge = new GpDownBridge();
		}
	}

	public static function tearDownAfterClass(): void {
		if ( null !== self::$bridge ) {
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
				'bridge_url'      => $this->bridge()->url(),
				'bridge_secret'   => $this->bridge()->secret,
				'request_timeout' => 20,
			]
		);
	}

	public function test_when_gp_is_down_then_inventory_is_a_retryable_503_and_the_cursor_stays_where_it_was(): void {
		// A cursor as the bridge issues them (base64url JSON of the last change seen).
		$cursor = rtrim(
			strtr(
				base64_encode(
					(string) wp_json_encode(
						[
							'ts'   => '2026-11-30T12:00:00.000Z',
							'item' => 'HOODIE-BLUE',
						]
					)
				),
				'+/',
				'-_'
			),
			'='
		);
		update_option( SettingsKeys::INVENTORY_CURSOR_OPTION, $cursor, false );

		try {
			$this->plugin()->inventory()->sync( null );
			$this->fail( 'the sync reported success while GP was down' );
		} catch ( BridgeRequestFailed $failure ) {
			$this->assertSame( 503, $failure->http_status() );
			$this->assertSame( 'gp_unavailable', $failure->code_name() );
			$this->assertSame( BridgeRequestFailed::UNAVAILABLE, $failure->kind(), 'transient: retried, never dead' );
		}

		wp_cache_flush();
		$this->assertSame( $cursor, get_option( SettingsKeys::INVENTORY_CURSOR_OPTION ) );
	}

	public function test_when_gp_is_down_then_the_plugins_signed_health_call_says_why_and_an_unsigned_one_does_not(): void {
		$bridge = $this->bridge();
		$signed = $this->plugin()->bridge()->health();
		$this->assertSame( 'degraded', $signed['status'] );
		$this->assertStringContainsString( '127.0.0.1:' . $bridge->sql_port, (string) ( $signed['gp']['detail'] ?? '' ) );

		$unsigned = wp_remote_get( $bridge->url() . '/v1/health' );
		$body     = (string) wp_remote_retrieve_body( $unsigned );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $unsigned ) );
		$this->assertStringContainsString( '"degraded"', $body );
		$this->assertStringNotContainsString( (string) $bridge->sql_port, $body );
	}

	private function bridge(): GpDownBridge {
		$this->assertNotNull( self::$bridge, 'the GP-down bridge started' );
		return self::$bridge;
	}
}
