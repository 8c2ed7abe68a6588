<?php
/**
 * The harness's helpers do what other tests rely on: users made in one test are gone in the next, our
 * options are restored, in-process REST runs as the given user, and the HTTP session logs in and is refused
 * without a nonce.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Harness;

use GPSync\Tests\Support\IntegrationTestCase;

final class IsolationAndRequestsTest extends IntegrationTestCase {

	private static int $user_from_previous_test = 0;

	public function test_when_a_test_creates_a_user_and_changes_an_option_then_both_exist_during_the_test(): void {
		$user                          = $this->create_user( 'editor' );
		self::$user_from_previous_test = $user->ID;
		update_option( 'gpsync_harness_probe', 'set by a test' );
		$this->assertTrue( user_can( $user, 'edit_others_posts' ) );
		$this->assertSame( 'set by a test', get_option( 'gpsync_harness_probe' ) );
	}

	/** @depends test_when_a_test_creates_a_user_and_changes_an_option_then_both_exist_during_the_test */
	public function test_when_the_next_test_starts_then_that_user_and_option_are_gone(): void {
		$this->assertGreaterThan( 0, self::$user_from_previous_test );
		$this->assertFalse( get_userdata( self::$user_from_previous_test ) );
		$this->assertFalse( get_option( 'gpsync_harness_probe' ) );
	}

	public function test_when_rest_runs_as_an_administrator_then_the_request_is_authorised_and_logged_out_is_not(): void {
		$admin    = $this->create_user( 'administrator' );
		$as_admin = $this->rest( 'GET', '/wp/v2/users/me', array( 'context' => 'edit' ), $admin );
		$this->assertSame( 200, $as_admin->get_status() );
		$me = $as_admin->get_data();
		$this->assertIsArray( $me );
		$this->assertSame( $admin->ID, $me['id'] ?? null );

		$logged_out = $this->rest( 'GET', '/wp/v2/users/me', array(), null );
		$this->assertSame( 401, $logged_out->get_status() );
		$this->assertSame( 0, get_current_user_id(), 'rest() restores the current user' );
	}

	public function test_when_a_logged_in_browser_calls_rest_without_the_nonce_then_wordpress_treats_it_as_logged_out(): void {
		$admin   = $this->create_user( 'administrator' );
		$browser = $this->http_as( $admin );

		$with_nonce = $browser->rest( 'GET', '/wp/v2/users/me' );
		$this->assertSame( 200, $with_nonce['status'] );
		$this->assertIsArray( $with_nonce['json'] );
		$this->assertSame( $admin->ID, $with_nonce['json']['id'] ?? null );

		// Without X-WP-Nonce, cookie authentication is ignored (CSRF protection), so the request is anonymous.
		$without_nonce = $browser->rest( 'GET', '/wp/v2/users/me', null, false );
		$this->assertSame( 401, $without_nonce['status'] );
	}
}
