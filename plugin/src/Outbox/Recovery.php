<?php
/**
 * Resend, retry and discard: the operations wp-admin, WP-CLI and the PHP API share.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * Resend builds a fresh message from the entity's current state (enqueue, so it coalesces with anything
 * already waiting). Retry puts an existing failed row back in the queue. GP's keys make a resend of something
 * GP already has an `existing` no-op, never a duplicate.
 */
class Recovery {

	private OutboxRepository $outbox;

	public function __construct( OutboxRepository $outbox ) {
		$this->outbox = $outbox;
	}

	/** @return int the outbox row id */
	public function resend( string $kind, int $entity_id ): int {
		return $this->outbox->enqueue( $kind, $entity_id, 'resend' );
	}

	/** Retries one row (dead, retry or discarded) now. */
	public function retry( int $row_id ): bool {
		return $this->outbox->requeue( $row_id );
	}

	/** @return int rows requeued */
	public function retry_dead(): int {
		return $this->outbox->requeue_all_dead();
	}

	/** Retries every dead row and makes every waiting retry due now. */
	public function retry_all(): int {
		return $this->outbox->requeue_all_dead() + $this->outbox->make_retries_due();
	}

	public function discard( int $row_id, string $reason = 'Discarded by an administrator.' ): bool {
		return $this->outbox->discard( $row_id, $reason );
	}

	/**
	 * @param 'retry'|'discard' $action
	 * @param list<int>         $row_ids
	 * @return array{changed: list<int>, unchanged: list<int>}
	 */
	public function bulk( string $action, array $row_ids ): array {
		$result = [
			'changed'   => [],
			'unchanged' => [],
		];
		foreach ( array_unique( $row_ids ) as $row_id ) {
			$ok                                        = 'discard' === $action ? $this->discard( (int) $row_id ) : $this->retry( (int) $row_id );
			$result[ $ok ? 'changed' : 'unchanged' ][] = (int) $row_id;
		}
		return $result;
	}
}
