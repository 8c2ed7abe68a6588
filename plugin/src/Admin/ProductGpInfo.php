<?php
/**
 * What GP knows about a product: shown on the product and variation edit screens.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxStatus;
use GPSync\Products\ItemNumbers;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/**
 * Read-only: a "Dynamics GP" side box on the product screen (the item number GP uses, the last product
 * message, the last stock sync) and one line under each variation. The editable "GP item number" field
 * (`_gpsync_item_number`) is the product-lifecycle work's, in the General tab and each variation.
 */
final class ProductGpInfo implements Registerable {

	private OutboxRepository $outbox;

	public function __construct( OutboxRepository $outbox ) {
		$this->outbox = $outbox;
	}

	public function register(): void {
		add_action( 'add_meta_boxes_product', [ $this, 'add' ] );
		add_action( 'woocommerce_product_after_variable_attributes', [ $this, 'render_variation' ], 30, 3 );
	}

	/** @internal */
	public function add(): void {
		if ( Capability::current_user_can_manage() ) {
			add_meta_box( 'gpsync-product-gp', __( 'Dynamics GP', 'gp-sync-for-woocommerce' ), [ $this, 'render' ], 'product', 'side', 'default' );
		}
	}

	/**
	 * @internal
	 * @param \WP_Post|mixed $post
	 */
	public function render( $post ): void {
		$product = $post instanceof \WP_Post && function_exists( 'wc_get_product' ) ? wc_get_product( $post->ID ) : null;
		if ( $product instanceof \WC_Product ) {
			echo $this->html( $product ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- html() escapes.
		}
	}

	/**
	 * @internal
	 * @param int            $loop
	 * @param array<mixed>   $variation_data
	 * @param \WP_Post|mixed $variation
	 */
	public function render_variation( $loop, $variation_data, $variation ): void {
		if ( ! Capability::current_user_can_manage() || ! $variation instanceof \WP_Post ) {
			return;
		}
		$product = wc_get_product( $variation->ID );
		if ( $product instanceof \WC_Product ) {
			echo '<div class="gpsync-variation-gp form-row form-row-full">' . $this->html( $product ) . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- html() escapes.
		}
	}

	public function html( \WC_Product $product ): string {
		$rows   = [];
		$rows[] = [ __( 'Item number in GP', 'gp-sync-for-woocommerce' ), $this->item_number_text( $product ) ];
		$rows[] = [ __( 'Last sent to GP', 'gp-sync-for-woocommerce' ), $this->last_message_text( $product ) ];
		$rows[] = [ __( 'Stock from GP', 'gp-sync-for-woocommerce' ), $this->stock_text( $product ) ];
		$html   = '<dl class="gpsync-product-gp">';
		foreach ( $rows as $row ) {
			$html .= '<dt>' . esc_html( $row[0] ) . '</dt><dd>' . esc_html( $row[1] ) . '</dd>';
		}
		return $html . '</dl>';
	}

	private function item_number_text( \WC_Product $product ): string {
		$explicit = (string) $product->get_meta( SettingsKeys::META_ITEM_NUMBER );
		$sku      = (string) $product->get_sku();
		// The first sync keeps GP's number, which is usually the SKU itself: still say so, or the box would
		// read differently before and after that sync for the same GP item.
		if ( '' !== $explicit && ItemNumbers::normalise( $explicit ) !== ItemNumbers::normalise( $sku ) ) {
			return $explicit;
		}
		if ( '' !== $sku ) {
			/* translators: %s: the product's SKU */
			return sprintf( __( '%s (the SKU)', 'gp-sync-for-woocommerce' ), $sku );
		}
		return __( 'None: give the product a SKU or a GP item number.', 'gp-sync-for-woocommerce' );
	}

	private function last_message_text( \WC_Product $product ): string {
		$rows = $this->outbox->for_entity( 'product', $product->get_id() );
		$row  = $rows[0] ?? null;
		if ( null === $row ) {
			return __( 'Never', 'gp-sync-for-woocommerce' );
		}
		$when = StatusText::local_time( $row->updated_at_gmt );
		switch ( $row->status ) {
			case OutboxStatus::DONE:
				/* translators: %s: date and time */
				return sprintf( __( 'Sent %s', 'gp-sync-for-woocommerce' ), $when );
			case OutboxStatus::DEAD:
				/* translators: 1: error code, 2: error message */
				return sprintf( __( 'Failed: %1$s — %2$s', 'gp-sync-for-woocommerce' ), (string) $row->last_error_code, (string) $row->last_error_message );
			case OutboxStatus::DISCARDED:
				return __( 'Discarded', 'gp-sync-for-woocommerce' );
			default:
				return __( 'Waiting in the queue', 'gp-sync-for-woocommerce' );
		}
	}

	private function stock_text( \WC_Product $product ): string {
		if ( ! $product->managing_stock() ) {
			return __( 'Not applied: this product does not manage stock.', 'gp-sync-for-woocommerce' );
		}
		$synced = (string) $product->get_meta( SettingsKeys::META_STOCK_SYNCED_GMT );
		if ( '' === $synced ) {
			return __( 'Not synced yet', 'gp-sync-for-woocommerce' );
		}
		/* translators: 1: stock quantity, 2: date and time */
		return sprintf( __( '%1$s, last synced %2$s', 'gp-sync-for-woocommerce' ), (string) $product->get_stock_quantity(), StatusText::local_time( $synced ) );
	}
}
