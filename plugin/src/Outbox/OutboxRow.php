<?php
/**
 * One outbox row, read from the table.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * A plain value object; the repository is the only writer. `entity_version` is set by the dispatcher when it
 * builds the payload, and stored with the outcome.
 */
final class OutboxRow {

	public int $id;
	public string $message_uuid;
	public string $kind;
	public int $entity_id;
	public string $event;
	public string $status;
	public int $attempts;
	public int $unavailable_attempts;
	public string $next_attempt_at_gmt;
	public ?string $claim_token;
	public ?string $lease_expires_at_gmt;
	public ?string $last_error_code;
	public ?string $last_error_message;
	public ?string $last_error_field;
	/** @var array<string,mixed>|null */
	public ?array $gp_ids;
	/** @var array<string,mixed>|null */
	public ?array $last_response;
	/** @var list<array<string,mixed>> newest first, see AttemptHistory */
	public array $attempt_history = [];
	public int $entity_version;
	public string $created_at_gmt;
	public string $updated_at_gmt;

	/** @param array<string,mixed> $db_row a row as $wpdb returns it (ARRAY_A) */
	public static function from_db( array $db_row ): self {
		$row                       = new self();
		$row->id                   = (int) $db_row['id'];
		$row->message_uuid         = (string) $db_row['message_uuid'];
		$row->kind                 = (string) $db_row['kind'];
		$row->entity_id            = (int) $db_row['entity_id'];
		$row->event                = (string) $db_row['event'];
		$row->status               = (string) $db_row['status'];
		$row->attempts             = (int) $db_row['attempts'];
		$row->unavailable_attempts = (int) $db_row['unavailable_attempts'];
		$row->next_attempt_at_gmt  = (string) $db_row['next_attempt_at_gmt'];
		$row->claim_token          = isset( $db_row['claim_token'] ) ? (string) $db_row['claim_token'] : null;
		$row->lease_expires_at_gmt = isset( $db_row['lease_expires_at_gmt'] ) ? (string) $db_row['lease_expires_at_gmt'] : null;
		$row->last_error_code      = isset( $db_row['last_error_code'] ) ? (string) $db_row['last_error_code'] : null;
		$row->last_error_message   = isset( $db_row['last_error_message'] ) ? (string) $db_row['last_error_message'] : null;
		$row->last_error_field     = isset( $db_row['last_error_field'] ) ? (string) $db_row['last_error_field'] : null;
		$row->gp_ids               = self::decode( $db_row['gp_ids'] ?? null );
		$row->last_response        = self::decode( $db_row['last_response'] ?? null );
		$row->attempt_history      = array_values( self::decode( $db_row['attempt_history'] ?? null ) ?? [] );
		$row->entity_version       = (int) $db_row['entity_version'];
		$row->created_at_gmt       = (string) $db_row['created_at_gmt'];
		$row->updated_at_gmt       = (string) $db_row['updated_at_gmt'];
		return $row;
	}

	/** @return array<string,mixed> the row for REST and WP-CLI (no claim token) */
	public function to_array(): array {
		return [
			'id'                   => $this->id,
			'message_id'           => $this->message_uuid,
			'kind'                 => $this->kind,
			'entity_id'            => $this->entity_id,
			'event'                => $this->event,
			'status'               => $this->status,
			'attempts'             => $this->attempts,
			'unavailable_attempts' => $this->unavailable_attempts,
			'next_attempt_at_gmt'  => $this->next_attempt_at_gmt,
			'last_error_code'      => $this->last_error_code,
			'last_error_message'   => $this->last_error_message,
			'last_error_field'     => $this->last_error_field,
			'gp_ids'               => $this->gp_ids,
			'entity_version'       => $this->entity_version,
			'created_at_gmt'       => $this->created_at_gmt,
			'updated_at_gmt'       => $this->updated_at_gmt,
		];
	}

	/**
	 * @param mixed $json
	 * @return array<string,mixed>|null
	 */
	private static function decode( $json ): ?array {
		if ( ! is_string( $json ) || '' === $json ) {
			return null;
		}
		$value = json_decode( $json, true );
		return is_array( $value ) ? $value : null;
	}
}
