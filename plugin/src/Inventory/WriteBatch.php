<?php
/**
 * Groups stock writes into short database transactions.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

/**
 * Each stock write is several statements; in autocommit mode every one waits for its own log flush. Grouping
 * WRITES_PER_COMMIT products per transaction flushes once per group. Groups stay small so a checkout that
 * reduces the same product's stock waits at most for one group, never for a whole page. A failure rolls back
 * the open group only; the page is applied again by the next run (the cursor has not moved).
 */
final class WriteBatch {

	public const WRITES_PER_COMMIT = 50;

	private int $open = 0;

	/** Call before each product write. */
	public function before_write(): void {
		global $wpdb;
		if ( $this->open >= self::WRITES_PER_COMMIT ) {
			$this->commit();
		}
		if ( 0 === $this->open ) {
			$wpdb->query( 'START TRANSACTION' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API for transactions.
		}
		++$this->open;
	}

	public function commit(): void {
		global $wpdb;
		if ( $this->open > 0 ) {
			$wpdb->query( 'COMMIT' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API for transactions.
			$this->open = 0;
		}
	}

	public function roll_back(): void {
		global $wpdb;
		if ( $this->open > 0 ) {
			$wpdb->query( 'ROLLBACK' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API for transactions.
			$this->open = 0;
			// WooCommerce cached what it wrote (meta, lookup rows): forget it, so a retry in this request writes again.
			wp_cache_flush();
		}
	}
}
