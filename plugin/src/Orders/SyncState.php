<?php
/**
 * The values of an order's (or refund's) `_gpsync_state` meta.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Orders;

/**
 * Four states a store owner can act on (docs/plugin.md "Order lifecycle"):
 * - `sent`: GP has a document for it (`_gpsync_sop_number` / `_gpsync_sop_type` say which);
 * - `waiting`: a message for it is in the outbox or being retried;
 * - `failed`: its message is a dead letter (the order note says why);
 * - `not_sent`: there was nothing to send (`_gpsync_state_reason` says why, e.g. "status on-hold is not mapped").
 * Orders written before these states existed say `synced`, which means `sent`.
 */
final class SyncState {

	public const SENT     = 'sent';
	public const WAITING  = 'waiting';
	public const FAILED   = 'failed';
	public const NOT_SENT = 'not_sent';
	/** What versions before the four states wrote for "GP accepted it". */
	public const LEGACY_SYNCED = 'synced';

	public const ALL = [ self::SENT, self::WAITING, self::FAILED, self::NOT_SENT ];

	/** The stored value as one of ALL; '' for an order nothing was ever recorded for. */
	public static function normalise( string $stored ): string {
		if ( self::LEGACY_SYNCED === $stored ) {
			return self::SENT;
		}
		return in_array( $stored, self::ALL, true ) ? $stored : '';
	}
}
