<?php
/**
 * Queues existing customers, products or orders created since a date.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Orders\OrderGateway;

/**
 * Pages through ids and enqueues each with the event `backfill`; the dispatcher does the rest. Orders and
 * products need WooCommerce; customers (WordPress users) do not.
 */
class Backfill {

	private OutboxRepository $outbox;
	private OrderGateway $orders;

	public function __construct( OutboxRepository $outbox, OrderGateway $orders ) {
		$this->outbox = $outbox;
		$this->orders = $orders;
	}

	public function supports( string $kind ): bool {
		if ( 'customer' === $kind ) {
			return true;
		}
		if ( 'order' === $kind ) {
			return $this->orders->is_available();
		}
		return 'product' === $kind && function_exists( 'wc_get_products' );
	}

	/** How many entities a backfill would queue (for the progress bar). */
	public function count( string $kind, string $from ): int {
		$count = 0;
		$page  = 1;
		do {
			$found  = count( $this->ids( $kind, $from, $page++, 500 ) );
			$count += $found;
		} while ( 500 === $found );
		return $count;
	}

	/**
	 * @param string                   $from     Y-m-d (inclusive, site time).
	 * @param (callable(int): void)|null $on_page called with the number queued on each page
	 * @return int entities queued
	 */
	public function run( string $kind, string $from, int $batch, ?callable $on_page = null ): int {
		if ( ! $this->supports( $kind ) ) {
			throw new \InvalidArgumentException( sprintf( 'Backfill of %s needs WooCommerce.', $kind ) );
		}
		$queued = 0;
		$page   = 1;
		do {
			$found   = $this->run_page( $kind, $from, $page++, $batch );
			$queued += $found;
			if ( null !== $on_page ) {
				$on_page( $found );
			}
		} while ( $found === $batch );
		return $queued;
	}

	/**
	 * Queues one page of entities (the background job's step); returns how many, fewer than $batch on the last.
	 */
	public function run_page( string $kind, string $from, int $page, int $batch ): int {
		$ids = $this->ids( $kind, $from, $page, $batch );
		foreach ( $ids as $id ) {
			$this->outbox->enqueue( $kind, $id, 'backfill' );
		}
		return count( $ids );
	}

	/** @return list<int> */
	private function ids( string $kind, string $from, int $page, int $per_page ): array {
		switch ( $kind ) {
			case 'order':
				return $this->orders->ids_created_since( $from, $page, $per_page );
			case 'product':
				$ids = wc_get_products(
					[
						'type'         => [ 'simple', 'variable', 'variation', 'grouped', 'external' ],
						'date_created' => '>=' . $from,
						'orderby'      => 'ID',
						'order'        => 'ASC',
						'limit'        => $per_page,
						'page'         => $page,
						'return'       => 'ids',
					]
				);
				return is_array( $ids ) ? array_values( array_map( 'intval', $ids ) ) : [];
			case 'customer':
				$ids = get_users(
					[
						'fields'     => 'ID',
						'orderby'    => 'ID',
						'order'      => 'ASC',
						'number'     => $per_page,
						'paged'      => $page,
						'date_query' => [
							[
								'after'     => $from,
								'inclusive' => true,
								'column'    => 'user_registered',
							],
						],
					]
				);
				return array_values( array_map( 'intval', $ids ) );
		}
		throw new \InvalidArgumentException( sprintf( 'Unknown kind "%s".', $kind ) );
	}
}
