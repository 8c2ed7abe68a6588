<?php
/**
 * Outbox row statuses (the names SPEC and the admin use).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

final class OutboxStatus {

	public const PENDING   = 'pending';
	public const IN_FLIGHT = 'in_flight';
	public const DONE      = 'done';
	public const RETRY     = 'retry';
	public const DEAD      = 'dead';
	public const DISCARDED = 'discarded';

	public const ALL = [ self::PENDING, self::IN_FLIGHT, self::DONE, self::RETRY, self::DEAD, self::DISCARDED ];

	public const KINDS = [ 'customer', 'product', 'order', 'refund' ];
}
