<?php
/**
 * A statement on the outbox table failed.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Exception;

final class OutboxQueryFailed extends \RuntimeException implements GPSyncException {

	public static function from_wpdb( string $operation, string $db_error ): self {
		return new self( sprintf( 'Outbox %s failed: %s', $operation, '' === $db_error ? 'no rows affected' : $db_error ) );
	}

	public static function unknown_column( string $column ): self {
		return new self( sprintf( 'Outbox has no column "%s".', $column ) );
	}
}
