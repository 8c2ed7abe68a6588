<?php
/**
 * Payloads built from real WooCommerce objects, checked against the bridge contract.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Payload;

use GPSync\Outbox\OutboxRow;
use GPSync\Payload\PayloadBuilders;
use GPSync\Plugin;

/**
 * Two ways to hold a live payload against the bridge's zod schemas: each payload is written to
 * .local/contract-payloads/live/<kind>/<name>.json, which bridge/test/contract-php validates when present, and
 * when the test stack's bridge runs, preview() posts it to /v1/preview (the bridge answers 400 to a payload
 * its schema rejects, so a 200 means it validated).
 */
trait LivePayloads {

	/**
	 * The payload of an entity, built by the default builder of its kind, and written for the contract test.
	 *
	 * @param string[] $meta_keys
	 * @return array<string,mixed> the payload as JSON arrays (meta maps as arrays)
	 */
	protected function build_live_payload( string $kind, int $entity_id, string $name, array $meta_keys = [] ): array {
		$builder = PayloadBuilders::default()[ $kind ];
		$payload = $builder->build( $entity_id, $meta_keys );
		$this->assertNotNull( $payload, "$kind $entity_id should exist" );
		$json = (string) wp_json_encode( $payload, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		$dir  = dirname( __DIR__, 5 ) . "/.local/contract-payloads/live/$kind";
		if ( is_dir( $dir ) || mkdir( $dir, 0777, true ) ) {
			file_put_contents( "$dir/$name.json", $json . "\n" );
		}
		return json_decode( $json, true );
	}

	/**
	 * Posts the outbox rows' messages to the bridge's /v1/preview and returns its per-message results.
	 *
	 * @param list<OutboxRow> $rows
	 * @return list<array<string,mixed>>
	 */
	protected function preview_rows( array $rows ): array {
		$plugin   = Plugin::instance();
		$messages = [];
		foreach ( $rows as $row ) {
			$message = $plugin->messages()->build( $row );
			$this->assertNotNull( $message );
			$messages[] = $message;
		}
		$response = $plugin->bridge()->preview( $plugin->messages()->batch( $messages ) );
		$results  = $response['results'] ?? [];
		$this->assertIsArray( $results );
		return array_values( $results );
	}
}
