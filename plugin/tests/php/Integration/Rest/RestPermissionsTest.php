<?php
/**
 * Who may call /gp-sync/v1/*: only manage_woocommerce, and through cookies only with the REST nonce.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Rest;

use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class RestPermissionsTest extends CoreTestCase {

	/**
	 * Bodies are valid where a route has required arguments: WordPress validates arguments before it asks the
	 * permission callback, and this test is about the permission answer.
	 *
	 * @return array<string, array{0: string, 1: string, 2?: array<string,mixed>}>
	 */
	public function routes(): array {
		return [
			'GET settings'         => [ 'GET', '/gp-sync/v1/settings' ],
			'POST settings'        => [ 'POST', '/gp-sync/v1/settings' ],
			'GET mappings'         => [ 'GET', '/gp-sync/v1/mappings' ],
			'PUT mappings'         => [ 'PUT', '/gp-sync/v1/mappings' ],
			'GET queue'            => [ 'GET', '/gp-sync/v1/queue' ],
			'GET queue entry'      => [ 'GET', '/gp-sync/v1/queue/1' ],
			'POST retry'           => [ 'POST', '/gp-sync/v1/queue/1/retry' ],
			'POST discard'         => [ 'POST', '/gp-sync/v1/queue/1/discard' ],
			'POST bulk'            => [
				'POST',
				'/gp-sync/v1/queue/bulk',
				[
					'action' => 'retry',
					'ids'    => [ 1 ],
				],
			],
			'POST resend'          => [
				'POST',
				'/gp-sync/v1/resend',
				[
					'kind'      => 'customer',
					'entity_id' => 1,
				],
			],
			'POST retry-dead'      => [ 'POST', '/gp-sync/v1/retry-dead' ],
			'POST test-connection' => [ 'POST', '/gp-sync/v1/test-connection' ],
			'GET stats'            => [ 'GET', '/gp-sync/v1/stats' ],
		];
	}

	/**
	 * @dataProvider routes
	 * @param array<string,mixed> $body
	 */
	public function test_when_a_subscriber_calls_a_route_then_it_is_forbidden( string $method, string $route, array $body = [] ): void {
		$response = $this->rest( $method, $route, $body, $this->create_user( 'subscriber' ) );
		$this->assertSame( 403, $response->get_status() );
		$error = $response->as_error();
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'gpsync_forbidden', $error->get_error_code() );
	}

	/**
	 * @dataProvider routes
	 * @param array<string,mixed> $body
	 */
	public function test_when_nobody_is_logged_in_then_every_route_answers_401( string $method, string $route, array $body = [] ): void {
		$this->assertSame( 401, $this->rest( $method, $route, $body )->get_status() );
	}

	public function test_when_a_shop_manager_reads_the_stats_then_it_is_allowed(): void {
		$this->require_woocommerce(); // The shop_manager role comes with WooCommerce.
		$this->assertSame( 200, $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->create_user( 'shop_manager' ) )->get_status() );
	}

	public function test_when_an_editor_reads_the_stats_then_it_is_forbidden_with_or_without_woocommerce(): void {
		// Editors have neither manage_woocommerce nor manage_options: the stand-in for a site without
		// WooCommerce (Capability) must not widen access beyond administrators.
		$response = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->create_user( 'editor' ) );
		$this->assertSame( 403, $response->get_status() );
	}

	public function test_when_an_administrator_reads_the_stats_then_it_is_allowed_with_or_without_woocommerce(): void {
		$response = $this->rest( 'GET', '/gp-sync/v1/stats', [], $this->create_user( 'administrator' ) );
		$this->assertSame( 200, $response->get_status() );
	}

	public function test_over_real_http_an_admin_with_the_nonce_gets_the_settings_without_it_is_refused_and_the_secret_never_leaves(): void {
		$this->configure( [ 'bridge_secret' => 'http-test-secret-never-returned-123' ] );
		$admin   = $this->create_user( 'administrator' );
		$session = $this->http_as( $admin );

		$with_nonce = $session->rest( 'GET', '/gp-sync/v1/settings' );
		$this->assertSame( 200, $with_nonce['status'], $with_nonce['body'] );
		$this->assertTrue( $with_nonce['json']['secret_set'] );
		$this->assertStringNotContainsString( 'http-test-secret-never-returned-123', $with_nonce['body'] );
		$this->assertArrayNotHasKey( 'bridge_secret', $with_nonce['json'] );

		// Cookies without the nonce: WordPress treats the request as logged out (what a forged cross-site request gets).
		$without_nonce = $session->rest( 'GET', '/gp-sync/v1/settings', null, false );
		$this->assertSame( 401, $without_nonce['status'] );

		$forged = $session->rest( 'POST', '/gp-sync/v1/settings', [ 'batch_size' => 7 ], false );
		$this->assertSame( 401, $forged['status'] );
		$this->assertNotSame( 7, ( new \GPSync\Settings\Settings() )->batch_size(), 'the forged write changed nothing' );

		$write = $session->rest( 'POST', '/gp-sync/v1/settings', [ 'batch_size' => 7 ] );
		$this->assertSame( 200, $write['status'], $write['body'] );
		$this->assertSame( 7, $write['json']['batch_size'] );
	}

	public function test_over_real_http_a_subscriber_with_a_valid_nonce_is_still_forbidden(): void {
		$response = $this->http_as( $this->create_user( 'subscriber' ) )->rest( 'GET', '/gp-sync/v1/queue' );
		$this->assertSame( 403, $response['status'] );
	}
}
