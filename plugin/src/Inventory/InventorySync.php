<?php
/**
 * Pulls GP stock into WooCommerce.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

use GPSync\Bridge\BridgeClient;
use GPSync\Logging\Logger;
use GPSync\Outbox\OutboxRepository;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * GP is the source of truth for stock (SPEC §3). Pages through GET /v1/inventory from the stored cursor and
 * sets the stock of managed-stock products (and variations) whose SKU is the GP item number. The cursor is
 * stored after each page, so an interrupted run resumes where it stopped.
 */
class InventorySync {

	public const PAGE_SIZE = 500;

	private BridgeClient $bridge;
	private Settings $settings;
	private OutboxRepository $outbox;
	private Logger $logger;

	public function __construct( BridgeClient $bridge, Settings $settings, OutboxRepository $outbox, Logger $logger ) {
		$this->bridge   = $bridge;
		$this->settings = $settings;
		$this->outbox   = $outbox;
		$this->logger   = $logger;
	}

	public function is_available(): bool {
		return function_exists( 'wc_get_product_id_by_sku' ) && function_exists( 'wc_update_product_stock' );
	}

	/**
	 * @param (callable(int, int): void)|null $on_page called after each page with (rows seen, products updated)
	 * @param bool                            $full    start without a cursor (a full resync)
	 * @return array{pages:int, items:int, updated:int, cursor:string}
	 */
	public function sync( ?callable $on_page, bool $full = false ): array {
		$totals = [
			'pages'   => 0,
			'items'   => 0,
			'updated' => 0,
			'cursor'  => '',
		];
		if ( ! $this->is_available() ) {
			return $totals;
		}
		$cursor = $full ? null : (string) get_option( SettingsKeys::INVENTORY_CURSOR_OPTION, '' );
		do {
			$page    = $this->bridge->inventory( $cursor, self::PAGE_SIZE, $this->settings->inventory_sites() );
			$updated = 0;
			$items   = is_array( $page['items'] ) ? $page['items'] : [];
			foreach ( $items as $item ) {
				if ( is_array( $item ) && $this->apply( $item ) ) {
					++$updated;
				}
			}
			$cursor = (string) $page['next_cursor'];
			update_option( SettingsKeys::INVENTORY_CURSOR_OPTION, $cursor, false );
			++$totals['pages'];
			$totals['items']   += count( $items );
			$totals['updated'] += $updated;
			if ( null !== $on_page ) {
				$on_page( count( $items ), $updated );
			}
		} while ( ! empty( $page['has_more'] ) && [] !== $items );
		$totals['cursor'] = $cursor;
		if ( $totals['updated'] > 0 ) {
			$this->logger->info( 'Inventory applied.', $totals );
		}
		return $totals;
	}

	/** @param array<string,mixed> $item one inventory row */
	private function apply( array $item ): bool {
		$sku       = (string) ( $item['item_number'] ?? '' );
		$available = (string) ( $item['available'] ?? '' );
		if ( '' === $sku || ! preg_match( '/^-?\d+(\.\d+)?$/', $available ) ) {
			return false;
		}
		$product_id = (int) wc_get_product_id_by_sku( $sku );
		$product    = $product_id > 0 ? wc_get_product( $product_id ) : null;
		if ( ! $product instanceof \WC_Product || ! $product->managing_stock() ) {
			return false;
		}
		// Woo stock is a whole number by default; wc_stock_amount applies the store's own rule.
		$quantity = wc_stock_amount( (float) $available );
		if ( (string) $product->get_stock_quantity() === (string) $quantity ) {
			return false;
		}
		// Stock changes must not echo back to GP as product updates.
		$this->outbox->without_capture(
			static function () use ( $product, $quantity ): void {
				wc_update_product_stock( $product, $quantity, 'set' ); // @phpstan-ignore argument.type (stock may be decimal when a store filters woocommerce_stock_amount)
			}
		);
		return true;
	}
}
