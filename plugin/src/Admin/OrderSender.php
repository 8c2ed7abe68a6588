<?php
/**
 * "Resend to GP" for one order, from the order box, the orders list's bulk action and REST.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxStatus;
use GPSync\Outbox\Recovery;

/**
 * A dead, retrying or discarded newest message is put back in the queue (its payload is built again from the
 * order as it is now, so a fix made since counts, and the dead letter itself turns done). Otherwise a fresh
 * message is enqueued, which coalesces with one already waiting. GP's keys make a resend of something GP
 * already has an `existing` no-op, never a duplicate.
 */
class OrderSender {

	private OutboxRepository $outbox;
	private Recovery $recovery;

	public function __construct( OutboxRepository $outbox, Recovery $recovery ) {
		$this->outbox   = $outbox;
		$this->recovery = $recovery;
	}

	/** @return int the outbox row that will carry the order */
	public function send( int $order_id ): int {
		$rows = $this->outbox->for_entity( 'order', $order_id );
		$row  = $rows[0] ?? null;
		if ( null !== $row && in_array( $row->status, [ OutboxStatus::DEAD, OutboxStatus::RETRY, OutboxStatus::DISCARDED ], true ) && $this->recovery->retry( $row->id ) ) {
			return $row->id;
		}
		return $this->recovery->resend( 'order', $order_id );
	}
}
