<?php
/**
 * The PHP API for integrators (docs/plugin.md).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync;

/**
 * Stable entry points; everything else in src/ may change. Each returns what it did.
 */
final class Api {

	/** Queues an order to be sent again from its current state; returns the outbox row id. */
	public static function resend_order( int $order_id ): int {
		return Plugin::instance()->recovery()->resend( 'order', $order_id );
	}

	/** Queues a customer (WordPress user id); returns the outbox row id. */
	public static function resend_customer( int $user_id ): int {
		return Plugin::instance()->recovery()->resend( 'customer', $user_id );
	}

	/** Queues a product or variation; returns the outbox row id. */
	public static function resend_product( int $product_id ): int {
		return Plugin::instance()->recovery()->resend( 'product', $product_id );
	}

	/** Queues a refund; returns the outbox row id. */
	public static function resend_refund( int $refund_id ): int {
		return Plugin::instance()->recovery()->resend( 'refund', $refund_id );
	}

	/** Puts one failed outbox row back in the queue. */
	public static function retry( int $row_id ): bool {
		return Plugin::instance()->recovery()->retry( $row_id );
	}

	/** Puts every dead letter back in the queue; returns how many. */
	public static function retry_dead(): int {
		return Plugin::instance()->recovery()->retry_dead();
	}

	/** Gives up on an outbox row that is waiting or dead. */
	public static function discard( int $row_id ): bool {
		return Plugin::instance()->recovery()->discard( $row_id );
	}

	/**
	 * Requeues (`retry`) or discards (`discard`) many rows.
	 *
	 * @param list<int> $row_ids
	 * @return array{changed: list<int>, unchanged: list<int>}
	 */
	public static function bulk( string $action, array $row_ids ): array {
		return Plugin::instance()->recovery()->bulk( 'discard' === $action ? 'discard' : 'retry', $row_ids );
	}
}
