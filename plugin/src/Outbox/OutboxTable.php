<?php
/**
 * The outbox table: name, DDL and schema version.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Settings\SettingsKeys;

/**
 * Owns the DDL; OutboxRepository owns every other statement. dbDelta runs when the stored schema version is
 * behind SCHEMA_VERSION (on activation and on the first load after an update).
 */
final class OutboxTable {

	public const SCHEMA_VERSION = 2;

	/** Columns the repository may name in dynamic SQL (filters, sorting). */
	public const COLUMNS = [
		'id',
		'message_uuid',
		'kind',
		'entity_id',
		'event',
		'status',
		'attempts',
		'unavailable_attempts',
		'next_attempt_at_gmt',
		'claim_token',
		'lease_expires_at_gmt',
		'last_error_code',
		'last_error_message',
		'last_error_field',
		'gp_ids',
		'last_response',
		'attempt_history',
		'entity_version',
		'created_at_gmt',
		'updated_at_gmt',
	];

	public function name(): string {
		global $wpdb;
		return $wpdb->prefix . 'gpsync_outbox';
	}

	/** Creates or upgrades the table when the stored version is behind. */
	public function maybe_install(): void {
		if ( (int) get_option( SettingsKeys::DB_VERSION_OPTION, 0 ) >= self::SCHEMA_VERSION && $this->exists() ) {
			return;
		}
		$this->install();
	}

	public function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta( $this->ddl( $wpdb->get_charset_collate() ) );
		update_option( SettingsKeys::DB_VERSION_OPTION, self::SCHEMA_VERSION, true );
	}

	public function exists(): bool {
		global $wpdb;
		return $this->name() === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $this->name() ) );
	}

	public function drop(): void {
		global $wpdb;
		$wpdb->query( "DROP TABLE IF EXISTS `{$this->name()}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery.SchemaChange -- our own table name.
		delete_option( SettingsKeys::DB_VERSION_OPTION );
	}

	/**
	 * In dbDelta's format: two spaces before PRIMARY KEY, one key per line, KEY not INDEX.
	 * Times are DATETIME in UTC (`*_gmt`). gp_ids, last_response and attempt_history are JSON text;
	 * attempt_history (schema 2) holds the row's last AttemptHistory::LIMIT delivery outcomes, newest first.
	 * The entity_id and last_error_code keys (schema 2) let the queue search's ORs each use an index.
	 */
	public function ddl( string $charset_collate ): string {
		return "CREATE TABLE {$this->name()} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  message_uuid char(36) NOT NULL,
  kind varchar(20) NOT NULL,
  entity_id bigint(20) unsigned NOT NULL,
  event varchar(64) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL DEFAULT 'pending',
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  unavailable_attempts int(10) unsigned NOT NULL DEFAULT 0,
  next_attempt_at_gmt datetime NOT NULL,
  claim_token char(32) DEFAULT NULL,
  lease_expires_at_gmt datetime DEFAULT NULL,
  last_error_code varchar(64) DEFAULT NULL,
  last_error_message text DEFAULT NULL,
  last_error_field varchar(191) DEFAULT NULL,
  gp_ids text DEFAULT NULL,
  last_response longtext DEFAULT NULL,
  attempt_history text DEFAULT NULL,
  entity_version bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at_gmt datetime NOT NULL,
  updated_at_gmt datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY message_uuid (message_uuid),
  KEY status_next_attempt (status,next_attempt_at_gmt),
  KEY claim_token (claim_token),
  KEY kind_entity (kind,entity_id),
  KEY entity_id (entity_id),
  KEY last_error_code (last_error_code)
) $charset_collate;";
	}
}
