<?php
/**
 * Pulls GP stock into WooCommerce.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

use GPSync\Bridge\BridgeClient;
use GPSync\Infrastructure\RuntimeCache;
use GPSync\Logging\Logger;
use GPSync\Outbox\OutboxRepository;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * GP is the source of truth for stock (SPEC §3). Pages through GET /v1/inventory from the stored cursor; per
 * page: what orders not yet in GP hold (HeldStock), the products of the page's item numbers in one query
 * (ProductStockIndex), then each managed-stock product whose stock differs from GP available − held is
 * written through WooCommerce's stock API; the rest are not even loaded. The cursor is stored after each page
 * is applied, so a crash repeats at most that page, and repeating it is harmless: values are absolute and
 * products already right are skipped, not counted again.
 */
class InventorySync {

	public const PAGE_SIZE = 1000;

	/** How many unknown item numbers a run lists (all are counted): enough to act on, bounded in memory. */
	public const UNKNOWN_LISTED = 1000;

	private BridgeClient $bridge;
	private Settings $settings;
	private OutboxRepository $outbox;
	private Logger $logger;
	private HeldStock $held;
	private ProductStockIndex $index;

	public function __construct( BridgeClient $bridge, Settings $settings, OutboxRepository $outbox, Logger $logger, HeldStock $held, ?ProductStockIndex $index = null ) {
		$this->bridge   = $bridge;
		$this->settings = $settings;
		$this->outbox   = $outbox;
		$this->logger   = $logger;
		$this->held     = $held;
		$this->index    = $index ?? new ProductStockIndex();
	}

	public function is_available(): bool {
		return function_exists( 'wc_update_product_stock' ) && function_exists( 'wc_stock_amount' );
	}

	/**
	 * @param (callable(int, int): void)|null $on_page called after each page with (rows seen, products updated)
	 * @param bool                            $full    start without a cursor (a full resync)
	 * @param float|null                      $seconds time budget: no new page starts once it is spent, and `more`
	 *                                                 says the feed has more (a web request or a scheduled action
	 *                                                 must not run into PHP's time limit; the cursor has kept the place)
	 * @return array{pages:int, items:int, updated:int, unchanged:int, not_managed:int, unknown:int, unknown_items:list<string>, invalid:int, cursor:string, more:bool}
	 */
	public function sync( ?callable $on_page, bool $full = false, int $page_size = self::PAGE_SIZE, ?float $seconds = null ): array {
		$until  = null === $seconds ? null : microtime( true ) + $seconds;
		$totals = [
			'more'          => false,
			'pages'         => 0,
			'items'         => 0,
			'updated'       => 0,
			'unchanged'     => 0,
			'not_managed'   => 0,
			'unknown'       => 0,
			'unknown_items' => [],
			'invalid'       => 0,
			'cursor'        => '',
		];
		if ( ! $this->is_available() ) {
			return $totals;
		}
		$cursor = $full ? null : (string) get_option( SettingsKeys::INVENTORY_CURSOR_OPTION, '' );
		$this->index->start_run();
		do {
			$held  = $this->held->by_item();
			$page  = $this->bridge->inventory( $cursor, $page_size, $this->settings->inventory_sites() );
			$items = is_array( $page['items'] ) ? array_values( array_filter( $page['items'], 'is_array' ) ) : [];
			$stats = $this->apply_page( $items, $held );
			// Only now, with the whole page applied, may the next run start after it.
			$cursor = (string) $page['next_cursor'];
			update_option( SettingsKeys::INVENTORY_CURSOR_OPTION, $cursor, false );
			++$totals['pages'];
			$totals['items'] += count( $items );
			foreach ( [ 'updated', 'unchanged', 'not_managed', 'unknown', 'invalid' ] as $key ) {
				$totals[ $key ] += $stats[ $key ];
			}
			$room                    = self::UNKNOWN_LISTED - count( $totals['unknown_items'] );
			$totals['unknown_items'] = array_merge( $totals['unknown_items'], array_slice( $stats['unknown_items'], 0, max( 0, $room ) ) );
			if ( null !== $on_page ) {
				$on_page( count( $items ), $stats['updated'] );
			}
			$more = ! empty( $page['has_more'] ) && [] !== $items;
			if ( $more && null !== $until && microtime( true ) >= $until ) {
				$totals['more'] = true;
				break;
			}
		} while ( $more );
		$totals['cursor'] = $cursor;
		if ( $totals['updated'] > 0 || $totals['unknown'] > 0 || $totals['invalid'] > 0 ) {
			$this->logger->info( 'Inventory applied.', array_diff_key( $totals, [ 'unknown_items' => true ] ) + [ 'unknown_first' => implode( ',', array_slice( $totals['unknown_items'], 0, 10 ) ) ] );
		}
		return $totals;
	}

	/**
	 * @param list<array<mixed>>           $items inventory rows of one page
	 * @param array<string, StockQuantity> $held
	 * @return array{updated:int, unchanged:int, not_managed:int, unknown:int, unknown_items:list<string>, invalid:int}
	 */
	private function apply_page( array $items, array $held ): array {
		$stats    = [
			'updated'       => 0,
			'unchanged'     => 0,
			'not_managed'   => 0,
			'unknown'       => 0,
			'unknown_items' => [],
			'invalid'       => 0,
		];
		$numbers  = array_map( static fn( array $item ): string => (string) ( $item['item_number'] ?? '' ), $items );
		$products = $this->index->find( $numbers );
		$writes   = $this->plan_writes( $items, $products, $held, $stats );
		// Only the products to write are loaded, and those in a few queries for the whole page.
		RuntimeCache::prime_products( array_map( static fn( array $write ): int => $write[0]->id, $writes ) );
		$batch = new WriteBatch();
		try {
			foreach ( $writes as [ $stock, $quantity ] ) {
				++$stats[ $this->write( $stock, $quantity, $batch ) ];
			}
			$batch->commit();
		} catch ( \Throwable $error ) {
			$batch->roll_back();
			throw $error;
		} finally {
			// The page's products are not needed again: memory stays flat over 50,000 items.
			RuntimeCache::release();
		}
		return $stats;
	}

	/**
	 * Decides each product of the page from what ProductStockIndex read, without loading any product: only
	 * those whose stock differs are returned, to be written.
	 *
	 * @param list<array<mixed>>                $items
	 * @param array<string, list<ProductStock>> $products
	 * @param array<string, StockQuantity>      $held
	 * @param array{updated:int, unchanged:int, not_managed:int, unknown:int, unknown_items:list<string>, invalid:int} $stats
	 * @return list<array{0:ProductStock, 1:int|float}> product and the quantity to write
	 */
	private function plan_writes( array $items, array $products, array $held, array &$stats ): array {
		$writes = [];
		foreach ( $items as $item ) {
			$number = ProductStockIndex::key( (string) ( $item['item_number'] ?? '' ) );
			try {
				$available = StockQuantity::of( (string) ( $item['available'] ?? '' ) );
			} catch ( \InvalidArgumentException $error ) {
				++$stats['invalid'];
				$this->logger->warning( 'Inventory row skipped: the available quantity is not a decimal.', [ 'item_number' => $number ] );
				continue;
			}
			if ( '' === $number || ! isset( $products[ $number ] ) ) {
				++$stats['unknown'];
				$stats['unknown_items'][] = $number;
				continue;
			}
			$target = $available->minus( $held[ $number ] ?? StockQuantity::zero() );
			// The store's own rounding rule (whole units unless a plugin filters woocommerce_stock_amount).
			$quantity = wc_stock_amount( (float) (string) $target ); // exact decimal up to here; Woo keeps stock as a number
			foreach ( $products[ $number ] as $stock ) {
				if ( ! $stock->manages_stock ) {
					++$stats['not_managed'];
				} elseif ( null !== $stock->stock && wc_stock_amount( (float) $stock->stock ) == $quantity ) { // phpcs:ignore WordPress.PHP.StrictComparisons.LooseComparison -- int vs float when a store allows decimal stock: compare as numbers.
					++$stats['unchanged'];
				} else {
					$writes[] = [ $stock, $quantity ];
				}
			}
		}
		return $writes;
	}

	/**
	 * @param int|float $quantity
	 * @return 'updated'|'not_managed'
	 */
	private function write( ProductStock $stock, $quantity, WriteBatch $batch ): string {
		$product = wc_get_product( $stock->id );
		if ( ! $product instanceof \WC_Product ) {
			return 'not_managed';
		}
		// When the stock status stays as it is, WooCommerce's stock API without the full save() is complete for
		// a simple product or a variation: _stock, the lookup table and the meta cache are updated and the
		// set_stock actions fire. save() (post row, terms, transients, parent sync) only matters when the status
		// moves, and costs several times more: at catalogue scale that is the difference (bench/inventory.php).
		$status_kept = ( $product->is_type( 'simple' ) || $product->is_type( 'variation' ) ) && ProductStock::status_at( $quantity, $product->backorders_allowed() ) === $product->get_stock_status();
		$batch->before_write();
		// Stock changes must not echo back to GP as product updates.
		$this->outbox->without_capture(
			static function () use ( $product, $quantity, $status_kept ): void {
				wc_update_product_stock( $product, $quantity, 'set', $status_kept ); // @phpstan-ignore argument.type (stock may be decimal when a store filters woocommerce_stock_amount)
			}
		);
		// wc_update_product_stock() sends no low/no-stock notices (orders do, through wc_reduce_stock_levels()); a
		// store owner expects them when GP's figure falls, so they are raised here, for falls only, as orders do.
		if ( function_exists( 'wc_trigger_stock_change_actions' ) && ( null === $stock->stock || $quantity < wc_stock_amount( (float) $stock->stock ) ) ) {
			wc_trigger_stock_change_actions( $product );
		}
		return 'updated';
	}
}
