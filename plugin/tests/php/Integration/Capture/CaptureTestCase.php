<?php
/**
 * Base of the capture integration tests: outbox look-ups.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Capture;

use GPSync\Outbox\OutboxRow;
use GPSync\Plugin;
use GPSync\Tests\Integration\Payload\LivePayloads;
use GPSync\Tests\Support\IntegrationTestCase;

/**
 * The plugin, as booted by WordPress in this process, registered the capture listeners; these tests make real
 * changes through WooCommerce/WordPress CRUD and read the outbox table it wrote to.
 */
abstract class CaptureTestCase extends IntegrationTestCase {

	use LivePayloads;

	/** @return list<OutboxRow> rows of one entity, newest first */
	protected function rows( string $kind, int $entity_id ): array {
		return Plugin::instance()->outbox()->for_entity( $kind, $entity_id );
	}

	protected function only_row( string $kind, int $entity_id ): OutboxRow {
		$rows = $this->rows( $kind, $entity_id );
		$seen = implode( '; ', array_map( static fn( OutboxRow $r ): string => "#{$r->id} {$r->status} {$r->event} claim=" . (string) $r->claim_token, $rows ) );
		$this->assertCount( 1, $rows, "exactly one $kind row for $entity_id: $seen" );
		return $rows[0];
	}

	/** Forgets what earlier steps of a test enqueued, so the next step's capture is seen on its own. */
	protected function clear_outbox(): void {
		global $wpdb;
		$table = Plugin::instance()->outbox()->table_name();
		$wpdb->query( "DELETE FROM `$table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table name.
	}
}
