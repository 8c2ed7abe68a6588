<?php
/**
 * Base class for tests against the real WordPress of the test profile (booted by tests/php/bootstrap.php).
 *
 * Isolation: before each test our tables ({prefix}gpsync_*) are emptied, the object cache is flushed and the
 * current user is nobody; after each test every user, post/product and order created during it (in-process or
 * through the web server) is deleted, the gpsync_* options are restored, and WP-Cron events and Action
 * Scheduler actions of gpsync_* hooks scheduled during it are removed. Detection is by "ID above the
 * high-water mark taken in setUp" (or "not there before"), so tests need not register what they create.
 *
 * Tests that need WooCommerce call $this->require_woocommerce() first; those that need the bridge call
 * $this->require_bridge().
 */

declare(strict_types=1);

namespace GPSync\Tests\Support;

use PHPUnit\Framework\TestCase;

abstract class IntegrationTestCase extends TestCase {

	/** WooCommerce's order storage switch and its compatibility sync, in the order they are restored. */
	private const ORDER_STORAGE_OPTIONS = array( 'woocommerce_custom_orders_table_enabled', 'woocommerce_custom_orders_table_data_sync_enabled' );

	use WooCommerceFactory;

	/** Password of every user made by create_user(), so HTTP tests can log in as them. */
	public const USER_PASSWORD = 'gpsync-test-password';

	private static ?StackEnv $stack_env = null;

	private int $max_user_id  = 0;
	private int $max_post_id  = 0;
	private int $max_order_id = 0;
	/** @var array<string, string> option name => serialized value, as in the database */
	private array $saved_options = array();
	/** @var list<string> WP-Cron events of gpsync_* hooks before the test, as "timestamp|hook|args key" */
	private array $cron_before           = array();
	private int $max_scheduled_action_id = 0;
	/** @var array<string, string> WooCommerce's order-storage options before the test (HPOS on or off, sync) */
	private array $order_storage_before = array();

	protected function setUp(): void {
		parent::setUp();
		if ( ! GPSYNC_TESTS_WP_LOADED ) {
			$this->markTestSkipped( 'WordPress not booted: ' . GPSYNC_TESTS_WP_SKIP_REASON );
		}
		global $wpdb;
		wp_cache_flush();
		wp_set_current_user( 0 );
		$_GET     = array();
		$_POST    = array();
		$_REQUEST = array();

		foreach ( $this->gpsync_tables() as $table ) {
			$wpdb->query( "TRUNCATE TABLE `$table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- names come from SHOW TABLES.
		}
		$this->max_user_id  = (int) $wpdb->get_var( "SELECT COALESCE(MAX(ID), 0) FROM {$wpdb->users}" );
		$this->max_post_id  = (int) $wpdb->get_var( "SELECT COALESCE(MAX(ID), 0) FROM {$wpdb->posts}" );
		$this->max_order_id = $this->hpos_table_exists() ? (int) $wpdb->get_var( "SELECT COALESCE(MAX(id), 0) FROM {$wpdb->prefix}wc_orders" ) : 0;

		$this->cron_before             = array_keys( $this->gpsync_cron_events() );
		$this->max_scheduled_action_id = $this->action_scheduler_table_exists() ? (int) $wpdb->get_var( "SELECT COALESCE(MAX(action_id), 0) FROM {$wpdb->prefix}actionscheduler_actions" ) : 0;

		$this->order_storage_before = array();
		foreach ( self::ORDER_STORAGE_OPTIONS as $option ) {
			$this->order_storage_before[ $option ] = (string) get_option( $option, '' );
		}

		$this->saved_options = array();
		$rows                = $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE 'gpsync\\_%'", ARRAY_A );
		foreach ( $rows as $row ) {
			$this->saved_options[ (string) $row['option_name'] ] = (string) $row['option_value'];
		}
	}

	protected function tearDown(): void {
		if ( GPSYNC_TESTS_WP_LOADED ) {
			$this->delete_what_the_test_created();
			$this->restore_order_storage_if_switched();
			wp_set_current_user( 0 );
		}
		parent::tearDown();
	}

	/**
	 * A test that switches WooCommerce between HPOS and posts storage must switch it back; one that does not
	 * (a failure half-way, or a restore that runs after this one) would make every later test run on the wrong
	 * storage, so it is put back here too.
	 */
	private function restore_order_storage_if_switched(): void {
		$hpos   = self::ORDER_STORAGE_OPTIONS[0];
		$before = $this->order_storage_before[ $hpos ] ?? '';
		if ( '' === $before || (string) get_option( $hpos, '' ) === $before ) {
			return;
		}
		update_option( self::ORDER_STORAGE_OPTIONS[1], 'yes' ); // WooCommerce switches storage only while the two are in sync.
		try {
			update_option( $hpos, $before );
		} catch ( \Exception $refused ) {
			fwrite( STDERR, 'NOTICE: WooCommerce refused: ' . $refused->getMessage() . PHP_EOL );
		}
		update_option( self::ORDER_STORAGE_OPTIONS[1], $this->order_storage_before[ self::ORDER_STORAGE_OPTIONS[1] ] ?? 'no' );
	}

	// ----- users and requests -------------------------------------------------------------------------

	/**
	 * A new user with the given role (administrator, shop_manager, customer, subscriber, …) and the password
	 * self::USER_PASSWORD. Deleted after the test.
	 *
	 * @param array{user_login?: string, user_email?: string, first_name?: string, last_name?: string, display_name?: string} $args
	 */
	protected function create_user( string $role = 'subscriber', array $args = array() ): \WP_User {
		$login = $args['user_login'] ?? 'gpsync_' . $role . '_' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_email'   => $args['user_email'] ?? $login . '@example.test',
				'user_pass'    => self::USER_PASSWORD,
				'role'         => $role,
				'first_name'   => $args['first_name'] ?? '',
				'last_name'    => $args['last_name'] ?? '',
				'display_name' => $args['display_name'] ?? $login,
			)
		);
		if ( is_wp_error( $id ) ) {
			throw new \RuntimeException( 'create_user failed: ' . $id->get_error_message() );
		}
		return new \WP_User( $id );
	}

	/**
	 * Runs a REST request in this process, as the given user (null: logged out), the way WordPress dispatches it
	 * (permission callbacks, argument validation, schema). Nonces are not checked in-process: use http_as().
	 *
	 * @param array<string, mixed> $params query parameters for GET/DELETE, a JSON body otherwise
	 */
	protected function rest( string $method, string $route, array $params = array(), \WP_User|int|null $user = null ): \WP_REST_Response {
		$previous = get_current_user_id();
		wp_set_current_user( $user instanceof \WP_User ? $user->ID : (int) $user );
		try {
			$request = new \WP_REST_Request( $method, $route );
			if ( in_array( strtoupper( $method ), array( 'GET', 'DELETE', 'HEAD' ), true ) ) {
				$request->set_query_params( $params );
			} else {
				$request->set_header( 'Content-Type', 'application/json' );
				$request->set_body( (string) wp_json_encode( $params ) );
			}
			return rest_ensure_response( rest_do_request( $request ) );
		} finally {
			wp_set_current_user( $previous );
		}
	}

	/** An HTTP session against the test profile's web server, logged in as $user (null: logged out). */
	protected function http_as( ?\WP_User $user, string $password = self::USER_PASSWORD ): WpHttpSession {
		$session = new WpHttpSession( $this->wp_url() );
		if ( null !== $user ) {
			$session->log_in( $user->user_login, $password );
		}
		return $session;
	}

	// ----- what the stack has ------------------------------------------------------------------------

	protected function require_woocommerce(): void {
		if ( ! GPSYNC_TESTS_WOOCOMMERCE ) {
			$this->skip_with_notice( 'needs WooCommerce (the stack found none: set WOOCOMMERCE_DIR or WOOCOMMERCE_ZIP)' );
		}
	}

	protected function require_bridge(): void {
		if ( ! self::stack_env()->flag( 'BRIDGE' ) ) {
			$this->skip_with_notice( 'needs the bridge (not running in this stack)' );
		}
	}

	protected function wp_url(): string {
		return self::stack_env()->get( 'WP_URL' );
	}

	protected function bridge_url(): string {
		return self::stack_env()->get( 'BRIDGE_URL' );
	}

	protected function bridge_secret(): string {
		return self::stack_env()->get( 'BRIDGE_SECRET' );
	}

	protected static function stack_env(): StackEnv {
		if ( null === self::$stack_env ) {
			self::$stack_env = StackEnv::from_file( StackEnv::default_path() );
		}
		return self::$stack_env;
	}

	/** @return list<string> our tables in the test database ({prefix}gpsync_*) */
	protected function gpsync_tables(): array {
		global $wpdb;
		$like = $wpdb->esc_like( $wpdb->prefix . 'gpsync_' ) . '%';
		return array_values( array_map( 'strval', (array) $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $like ) ) ) );
	}

	// ----- internals ---------------------------------------------------------------------------------

	/** Marks the test skipped and says so on its own line, so a run's output lists what did not run and why. */
	private function skip_with_notice( string $why ): never {
		$name = static::class . '::' . $this->getName( false );
		fwrite( STDERR, PHP_EOL . "SKIPPED: $name $why" . PHP_EOL );
		$this->markTestSkipped( $why );
	}

	private function hpos_table_exists(): bool {
		global $wpdb;
		$table = $wpdb->prefix . 'wc_orders';
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) );
	}

	private function action_scheduler_table_exists(): bool {
		global $wpdb;
		$table = $wpdb->prefix . 'actionscheduler_actions';
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) );
	}

	/** @return array<string, array{timestamp: int, hook: string, args: list<mixed>}> keyed "timestamp|hook|args key" */
	private function gpsync_cron_events(): array {
		$events = array();
		foreach ( _get_cron_array() as $timestamp => $hooks ) {
			foreach ( $hooks as $hook => $instances ) {
				if ( ! str_starts_with( (string) $hook, 'gpsync' ) ) {
					continue;
				}
				foreach ( $instances as $args_key => $instance ) {
					/** @var list<mixed> $args WordPress stores the args exactly as they were scheduled. */
					$args                                   = $instance['args'];
					$events[ "$timestamp|$hook|$args_key" ] = array(
						'timestamp' => (int) $timestamp,
						'hook'      => (string) $hook,
						'args'      => $args,
					);
				}
			}
		}
		return $events;
	}

	private function delete_what_the_test_created(): void {
		global $wpdb;
		wp_cache_flush();

		if ( $this->hpos_table_exists() && function_exists( 'wc_get_order' ) ) {
			$order_ids = $wpdb->get_col( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}wc_orders WHERE id > %d ORDER BY id DESC", $this->max_order_id ) );
			foreach ( $order_ids as $order_id ) {
				$order = wc_get_order( (int) $order_id );
				if ( $order instanceof \WC_Abstract_Order ) {
					$order->delete( true );
				}
			}
		}
		$post_ids = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE ID > %d ORDER BY ID DESC", $this->max_post_id ) );
		foreach ( $post_ids as $post_id ) {
			$product = function_exists( 'wc_get_product' ) ? wc_get_product( (int) $post_id ) : null;
			if ( $product instanceof \WC_Product ) {
				$product->delete( true ); // Also clears WooCommerce's lookup tables.
			} else {
				wp_delete_post( (int) $post_id, true );
			}
		}

		require_once ABSPATH . 'wp-admin/includes/user.php';
		$user_ids = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->users} WHERE ID > %d", $this->max_user_id ) );
		foreach ( $user_ids as $user_id ) {
			wp_delete_user( (int) $user_id );
		}

		// Scheduled work the test caused: WP-Cron events and Action Scheduler actions of our hooks.
		foreach ( $this->gpsync_cron_events() as $key => $event ) {
			if ( ! in_array( $key, $this->cron_before, true ) ) {
				wp_unschedule_event( $event['timestamp'], $event['hook'], $event['args'] );
			}
		}
		if ( $this->action_scheduler_table_exists() && class_exists( '\\ActionScheduler' ) ) {
			$action_ids = $wpdb->get_col( $wpdb->prepare( "SELECT action_id FROM {$wpdb->prefix}actionscheduler_actions WHERE action_id > %d AND hook LIKE %s", $this->max_scheduled_action_id, 'gpsync\\_%' ) );
			foreach ( $action_ids as $action_id ) {
				\ActionScheduler::store()->delete_action( (string) $action_id );
			}
		}

		// Options: put back exactly what was there, drop what the test added.
		$now = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'gpsync\\_%'" );
		foreach ( $now as $name ) {
			if ( ! array_key_exists( (string) $name, $this->saved_options ) ) {
				delete_option( (string) $name );
			}
		}
		foreach ( $this->saved_options as $name => $raw ) {
			$wpdb->update( $wpdb->options, array( 'option_value' => $raw ), array( 'option_name' => $name ) );
		}
		wp_cache_flush();
	}
}
