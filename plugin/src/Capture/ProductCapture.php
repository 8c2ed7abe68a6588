<?php
/**
 * Records product and variation changes in the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Infrastructure\Registerable;

/**
 * WooCommerce's product data-store hooks fire on every CRUD save (admin, REST, imports), so SKU, price and
 * attribute changes are all seen. Stock updates through wc_update_product_stock() do not save the product and
 * are not recorded: GP is the source of truth for stock.
 */
class ProductCapture implements Registerable {

	private OutboxRecorder $outbox;

	public function __construct( OutboxRecorder $outbox ) {
		$this->outbox = $outbox;
	}

	public function register(): void {
		add_action( 'woocommerce_new_product', [ $this, 'on_product_created' ], 10, 2 );
		add_action( 'woocommerce_update_product', [ $this, 'on_product_updated' ], 10, 2 );
		add_action( 'woocommerce_new_product_variation', [ $this, 'on_product_created' ], 10, 2 );
		add_action( 'woocommerce_update_product_variation', [ $this, 'on_product_updated' ], 10, 2 );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $product_id
	 * @param mixed $product
	 */
	public function on_product_created( $product_id, $product = null ): void {
		$this->record( (int) $product_id, $product, 'product.created' );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $product_id
	 * @param mixed $product
	 */
	public function on_product_updated( $product_id, $product = null ): void {
		$this->record( (int) $product_id, $product, 'product.updated' );
	}

	/**
	 * @param mixed $product
	 */
	private function record( int $product_id, $product, string $event ): void {
		if ( $product_id <= 0 ) {
			return;
		}
		$status = $product instanceof \WC_Product ? (string) $product->get_status() : (string) get_post_status( $product_id );
		if ( ! CapturePolicy::captures_product_status( $status ) ) {
			return;
		}
		$this->outbox->record( 'product', $product_id, $event );
	}
}
