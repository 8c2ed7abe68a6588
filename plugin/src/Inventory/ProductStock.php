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
	/** The product manages its own stock (a variation that follows its parent's stock does not). */
	public bool $manages_stock;
	/** Stock quantity as stored in wc_product_meta_lookup; null when the product does not manage its own stock. */
	public ?string $stock;
	/** Stock status as stored: instock, outofstock, onbackorder. */
	public string $stock_status;

	public function __construct( int $id, bool $is_variation, bool $manages_stock, ?string $stock, string $stock_status = '' ) {
		$this->id            = $id;
		$this->is_variation  = $is_variation;
		$this->manages_stock = $manages_stock;
		$this->stock         = $stock;
		$this->stock_status  = $stock_status;
	}

	/**
	 * The status WooCommerce derives for a managed-stock product at this quantity (WC_Product::validate_props()).
	 *
	 * @param int|float $quantity
	 */
	public static function status_at( $quantity, bool $backorders_allowed ): string {
		if ( (int) $quantity > absint( get_option( 'woocommerce_notify_no_stock_amount', 0 ) ) ) {
			return 'instock';
		}
		return $backorders_allowed ? 'onbackorder' : 'outofstock';
	}
}
