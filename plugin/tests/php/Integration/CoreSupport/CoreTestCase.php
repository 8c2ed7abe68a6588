<?php
/**
 * Shared set-up for the plugin core's integration tests.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\CoreSupport;

use GPSync\Bridge\BridgeClient;
use GPSync\Bridge\HttpTransport;
use GPSync\Logging\Logger;
use GPSync\Meta\GpIdsWriter;
use GPSync\Orders\OrderGateway;
use GPSync\Outbox\Circuit;
use GPSync\Outbox\MessageFactory;
use GPSync\Outbox\OutboxDispatcher;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxRow;
use GPSync\Payload\PayloadBuilder;
use GPSync\Plugin;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Support\IntegrationTestCase;

/**
 * Builds dispatchers by hand from the plugin's real collaborators (real table, real options, real HTTP),
 * so a test can choose the payload builders and read what was logged.
 */
abstract class CoreTestCase extends IntegrationTestCase {

	protected RecordingLogger $log;

	protected function setUp(): void {
		parent::setUp();
		$this->log = new RecordingLogger();
		delete_option( SettingsKeys::CIRCUIT_OPTION );
		delete_option( SettingsKeys::PROBE_LOCK_OPTION );
		delete_option( SettingsKeys::AUTH_FAILURE_OPTION );
	}

	protected function plugin(): Plugin {
		return Plugin::instance();
	}

	protected function outbox(): OutboxRepository {
		return $this->plugin()->outbox();
	}

	/** @param array<string,mixed> $changes merged into gpsync_settings (restored after the test) */
	protected function configure( array $changes ): void {
		$this->plugin()->settings()->update( $changes );
	}

	protected function use_real_bridge(): void {
		$this->require_bridge();
		$this->configure(
			[
				'bridge_url'      => $this->bridge_url(),
				'bridge_secret'   => $this->bridge_secret(),
				'request_timeout' => 20,
			]
		);
	}

	/** @param list<PayloadBuilder>|null $builders null: the plugin's own (payloads helper) builders */
	protected function dispatcher( ?array $builders = null, ?callable $random = null ): OutboxDispatcher {
		$settings = new Settings();
		$factory  = new MessageFactory( $settings, $builders ?? [ new UserCustomerBuilder() ] );
		if ( null === $builders ) {
			foreach ( [ 'customer', 'product', 'order', 'refund' ] as $kind ) {
				if ( $this->plugin()->messages()->has_builder( $kind ) ) {
					$factory = $this->plugin()->messages();
					break;
				}
			}
		}
		return new OutboxDispatcher(
			$this->outbox(),
			new BridgeClient( $settings, new HttpTransport() ),
			$settings,
			$factory,
			new GpIdsWriter( new OrderGateway(), $this->outbox() ),
			new Circuit(),
			$this->log,
			$random
		);
	}

	/**
	 * A WordPress user made without the capture listeners queueing it.
	 *
	 * @param array<string,mixed> $args
	 */
	protected function quiet_user( string $role = 'customer', array $args = [] ): \WP_User {
		return $this->outbox()->without_capture(
			function () use ( $role, $args ): \WP_User {
				return $this->create_user( $role, $args );
			}
		);
	}

	protected function row( int $id ): OutboxRow {
		$row = $this->outbox()->find( $id );
		$this->assertNotNull( $row, "outbox row $id exists; rows now: " . wp_json_encode( array_map( static fn( $r ) => [ $r->id, $r->kind, $r->entity_id, $r->status ], $this->all_rows() ) ) );
		return $row;
	}

	/** @return list<OutboxRow> every row, in id order */
	protected function all_rows(): array {
		global $wpdb;
		$table = $this->outbox()->table_name();
		$rows  = $wpdb->get_results( "SELECT * FROM `$table` ORDER BY id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_values( array_map( [ OutboxRow::class, 'from_db' ], (array) $rows ) );
	}

	/** Makes every waiting row due now (instead of waiting out its backoff). */
	protected function make_all_due(): void {
		global $wpdb;
		$table = $this->outbox()->table_name();
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET next_attempt_at_gmt = %s WHERE status IN ('pending','retry')", gmdate( 'Y-m-d H:i:s', time() - 1 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		delete_option( SettingsKeys::PROBE_LOCK_OPTION );
	}

	/** Seconds from now until the row's next attempt. */
	protected function seconds_until_next_attempt( OutboxRow $row ): int {
		return (int) strtotime( $row->next_attempt_at_gmt . ' UTC' ) - time();
	}
}
