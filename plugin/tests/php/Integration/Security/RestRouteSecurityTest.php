<?php
/**
 * Every route of the gp-sync/v1 namespace, discovered from the REST server (so a route added tomorrow is
 * covered without touching this file), refuses everyone but the store's managers: anonymous visitors,
 * subscribers, WooCommerce customers, and a logged-in administrator whose browser sends cookies without the
 * REST nonce (what a forged cross-site request looks like) or with a forged one.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Security;

use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class RestRouteSecurityTest extends CoreTestCase {

	/**
	 * Routes that existed when this test was written. Discovery must find at least these: a broken discovery
	 * (an empty list) would otherwise pass every check below.
	 */
	private const KNOWN_ROUTES = [
		'GET /gp-sync/v1/settings',
		'POST /gp-sync/v1/settings',
		'GET /gp-sync/v1/mappings',
		'PUT /gp-sync/v1/mappings',
		'GET /gp-sync/v1/queue',
		'GET /gp-sync/v1/queue/1',
		'POST /gp-sync/v1/queue/1/retry',
		'POST /gp-sync/v1/queue/1/discard',
		'POST /gp-sync/v1/queue/bulk',
		'POST /gp-sync/v1/resend',
		'POST /gp-sync/v1/retry-dead',
		'POST /gp-sync/v1/test-connection',
		'GET /gp-sync/v1/stats',
	];

	public function test_discovery_finds_every_route_the_plugin_had_when_this_test_was_written(): void {
		$found = array_map(
			static function ( array $endpoint ): string {
				return $endpoint['method'] . ' ' . $endpoint['path'];
			},
			self::endpoints()
		);
		foreach ( self::KNOWN_ROUTES as $known ) {
			$this->assertContains( $known, $found, 'route discovery lost a route' );
		}
	}

	public function test_every_route_has_a_permission_callback_that_refuses_anonymous_subscribers_and_customers(): void {
		$violations = [];
		$callers    = $this->callers();
		foreach ( self::endpoints() as $endpoint ) {
			$callback = $endpoint['permission_callback'];
			if ( null === $callback || '__return_true' === $callback ) {
				$violations[] = "{$endpoint['method']} {$endpoint['path']}: no permission callback";
				continue;
			}
			foreach ( $callers as $who => $user_id ) {
				wp_set_current_user( $user_id );
				$answer = call_user_func( $callback, new \WP_REST_Request( $endpoint['method'], $endpoint['path'] ) );
				if ( true === $answer ) {
					$violations[] = "{$endpoint['method']} {$endpoint['path']}: allowed for $who";
				}
			}
			wp_set_current_user( 0 );
		}
		$this->assertSame( [], $violations );
	}

	public function test_every_route_dispatched_as_anonymous_subscriber_or_customer_is_refused_before_its_handler_runs(): void {
		$violations = [];
		$callers    = $this->callers();
		// Creating the users queued their customer messages: the queue as it stands must come out unchanged.
		$before = $this->outbox()->search( [], 1, 100 );
		foreach ( self::endpoints() as $endpoint ) {
			foreach ( $callers as $who => $user_id ) {
				$response = $this->rest( $endpoint['method'], $endpoint['path'], $endpoint['body'], $user_id );
				$status   = $response->get_status();
				$expected = 0 === $user_id ? 401 : 403;
				if ( $expected !== $status ) {
					$code         = (string) ( $response->get_data()['code'] ?? '' );
					$violations[] = "{$endpoint['method']} {$endpoint['path']} as $who: HTTP $status $code (expected $expected"
						. ( 400 === $status ? '; give this route valid arguments in request_body()' : '' ) . ')';
				}
			}
		}
		$this->assertSame( [], $violations );
		$this->assertEquals( $before, $this->outbox()->search( [], 1, 100 ), 'a refused request changed the queue' );
	}

	public function test_over_real_http_every_route_refuses_an_administrators_cookies_without_a_nonce_or_with_a_forged_one(): void {
		$session = $this->http_as( $this->create_user( 'administrator' ) );
		$secret  = 'cookie-test-secret-must-not-change-0123';
		$this->configure( [ 'bridge_secret' => $secret ] );
		$violations = [];
		foreach ( self::endpoints() as $endpoint ) {
			$body    = in_array( $endpoint['method'], [ 'GET', 'DELETE' ], true ) ? null : $endpoint['body'];
			$missing = $session->rest( $endpoint['method'], $endpoint['path'], $body, false );
			if ( 401 !== $missing['status'] ) {
				$violations[] = "{$endpoint['method']} {$endpoint['path']} without a nonce: HTTP {$missing['status']}";
			}
			$forged = $session->request(
				$endpoint['method'],
				'/wp-json/' . ltrim( $endpoint['path'], '/' ),
				null === $body ? null : (string) wp_json_encode( $body ),
				[ 'Accept: application/json', 'Content-Type: application/json', 'X-WP-Nonce: 0123456789' ]
			);
			if ( 403 !== $forged['status'] || ! str_contains( $forged['body'], 'rest_cookie_invalid_nonce' ) ) {
				$violations[] = "{$endpoint['method']} {$endpoint['path']} with a forged nonce: HTTP {$forged['status']}";
			}
		}
		$this->assertSame( [], $violations );
		wp_cache_flush();
		$this->assertSame( $secret, $this->plugin()->settings()->bridge_secret(), 'a refused request changed the settings' );
	}

	public function test_over_real_http_the_same_administrator_with_the_nonce_is_let_in_so_the_refusals_above_are_about_the_nonce(): void {
		$session = $this->http_as( $this->create_user( 'administrator' ) );
		foreach ( self::endpoints() as $endpoint ) {
			if ( 'GET' !== $endpoint['method'] || 1 === preg_match( '#/\d+(?:/|$)#', $endpoint['path'] ) ) {
				continue; // Reads only, of no one entity (a queue entry or order 1 would be 404 for a reason of its own).
			}
			$answer = $session->rest( 'GET', $endpoint['path'] );
			$this->assertSame( 200, $answer['status'], "GET {$endpoint['path']}: {$answer['body']}" );
		}
	}

	/** @return array<string, int> who → user id (0: nobody logged in) */
	private function callers(): array {
		$callers = [
			'anonymous'  => 0,
			'subscriber' => $this->create_user( 'subscriber' )->ID,
		];
		if ( null !== get_role( 'customer' ) ) {
			$callers['customer'] = $this->create_user( 'customer' )->ID;
		} else {
			fwrite( STDERR, PHP_EOL . 'SKIPPED (in part): ' . __CLASS__ . ' customer role: WooCommerce is not active' . PHP_EOL );
		}
		return $callers;
	}

	/**
	 * Every (method, route) of the namespace with a concrete path and a body its arguments accept: WordPress
	 * validates arguments before it asks the permission callback, and a 400 would hide the permission answer.
	 * The namespace index (/gp-sync/v1) is WordPress's own route listing, public on every site, and is left out.
	 *
	 * @return list<array{method: string, path: string, body: array<string,mixed>, permission_callback: mixed}>
	 */
	private static function endpoints(): array {
		$namespace = '/' . SettingsKeys::REST_NAMESPACE;
		$endpoints = [];
		foreach ( rest_get_server()->get_routes( SettingsKeys::REST_NAMESPACE ) as $route => $handlers ) {
			if ( $route === $namespace ) {
				continue;
			}
			preg_match_all( '/\(\?P<(\w+)>/', $route, $names );
			$path = (string) preg_replace_callback(
				'/\(\?P<(\w+)>([^)]*)\)/',
				static function ( array $match ): string {
					return str_contains( $match[2], '\d' ) ? '1' : 'x';
				},
				$route
			);
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( (array) $handler['methods'] ) as $method ) {
					$endpoints[] = [
						'method'              => (string) $method,
						'path'                => $path,
						'body'                => self::request_body( (array) ( $handler['args'] ?? [] ), $names[1] ),
						'permission_callback' => $handler['permission_callback'] ?? null,
					];
				}
			}
		}
		return $endpoints;
	}

	/**
	 * A value for each required argument, from its schema: the first enum value, the minimum, one item.
	 *
	 * @param array<string, array<string,mixed>> $args
	 * @param list<string>                       $in_path arguments the path already carries
	 * @return array<string, mixed>
	 */
	private static function request_body( array $args, array $in_path ): array {
		$body = [];
		foreach ( $args as $name => $schema ) {
			if ( ! empty( $schema['required'] ) && ! in_array( (string) $name, $in_path, true ) ) {
				$body[ $name ] = self::value_for( $schema );
			}
		}
		return $body;
	}

	/**
	 * @param array<string,mixed> $schema
	 * @return mixed
	 */
	private static function value_for( array $schema ) {
		if ( isset( $schema['enum'] ) && is_array( $schema['enum'] ) && [] !== $schema['enum'] ) {
			return reset( $schema['enum'] );
		}
		// A string with a pattern (a day, a code…): the first of a few common shapes that matches it.
		if ( isset( $schema['pattern'] ) && is_string( $schema['pattern'] ) ) {
			foreach ( [ '2020-01-01', 'x', '1', 'X1' ] as $candidate ) {
				if ( 1 === preg_match( '#' . str_replace( '#', '\\#', $schema['pattern'] ) . '#u', $candidate ) ) {
					return $candidate;
				}
			}
		}
		$type = is_array( $schema['type'] ?? null ) ? reset( $schema['type'] ) : ( $schema['type'] ?? 'string' );
		switch ( $type ) {
			case 'integer':
			case 'number':
				return max( 1, (int) ( $schema['minimum'] ?? 1 ) );
			case 'boolean':
				return true;
			case 'array':
				return [ self::value_for( (array) ( $schema['items'] ?? [] ) ) ];
			case 'object':
				return (object) [];
			default:
				return str_repeat( 'x', max( 1, (int) ( $schema['minLength'] ?? 1 ) ) );
		}
	}
}
