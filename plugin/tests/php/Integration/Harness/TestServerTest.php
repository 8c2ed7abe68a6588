<?php
/**
 * The test profile's web server (PHP's built-in server + scripts/stack/wp/router.php) behaves like a real
 * host: pretty REST URLs reach WordPress, static assets are served as files, unknown paths get WordPress's 404.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Harness;

use GPSync\Tests\Support\IntegrationTestCase;
use GPSync\Tests\Support\WpHttpSession;

final class TestServerTest extends IntegrationTestCase {

	public function test_when_a_client_asks_for_wp_json_then_the_router_hands_it_to_the_rest_api(): void {
		$response = ( new WpHttpSession( $this->wp_url() ) )->request( 'GET', '/wp-json/' );
		$this->assertSame( 200, $response['status'] );
		$index = json_decode( $response['body'], true );
		$this->assertIsArray( $index );
		$this->assertSame( $this->wp_url(), $index['url'] ?? null );
	}

	public function test_when_a_client_asks_for_a_stylesheet_then_it_is_served_as_a_css_file(): void {
		$response = ( new WpHttpSession( $this->wp_url() ) )->request( 'GET', '/wp-includes/css/dashicons.min.css' );
		$this->assertSame( 200, $response['status'] );
		$this->assertStringStartsWith( 'text/css', $response['headers']['content-type'] ?? '' );
	}

	public function test_when_a_path_matches_nothing_then_wordpress_answers_404(): void {
		$response = ( new WpHttpSession( $this->wp_url() ) )->request( 'GET', '/no-such-page-' . wp_generate_password( 6, false ) . '/' );
		$this->assertSame( 404, $response['status'] );
	}
}
