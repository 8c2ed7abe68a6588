<?php
/**
 * One product's stock as stored, read without loading the product.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

/** What ProductStockIndex read for one product or variation. */
final class ProductStock {

	public int $id;
	public bool $is_variation;
	/** The product's own `_manage_stock` is "yes" (a variation that follows its parent's stock is not). */
	public bool $manages_stock;
	/** `_stock` as stored (WooCommerce writes it with %f, e.g. "12.000000"); null when there is none. */
	public ?string $stock;
	/** `_stock_status`: instock, outofstock, onbackorder. */
	public string $stock_status;
	public bool $backorders_allowed;

	public function __construct( int $id, bool $is_variation, bool $manages_stock, ?string $stock, string $stock_status = '', bool $backorders_allowed = false ) {
		$this->id                 = $id;
		$this->is_variation       = $is_variation;
		$this->manages_stock      = $manages_stock;
		$this->stock              = $stock;
		$this->stock_status       = $stock_status;
		$this->backorders_allowed = $backorders_allowed;
	}

	/**
	 * The status WooCommerce derives for a managed-stock product at this quantity (WC_Product::validate_props()).
	 *
	 * @param int|float $quantity
	 */
	public function status_at( $quantity ): string {
		if ( (int) $quantity > absint( get_option( 'woocommerce_notify_no_stock_amount', 0 ) ) ) {
			return 'instock';
		}
		return $this->backorders_allowed ? 'onbackorder' : 'outofstock';
	}
}
