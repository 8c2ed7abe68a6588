<?php
/**
 * The "GP item number" field on the product edit screen (General tab) and on each variation.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Exception\InvalidItemNumber;
use GPSync\Infrastructure\Registerable;
use GPSync\Products\ItemNumbers;
use GPSync\Settings\SettingsKeys;

/**
 * Input names: `_gpsync_item_number` (simple products), `_gpsync_item_number[<loop>]` (variations). Saving runs
 * inside WooCommerce's own product and variation save, after WooCommerce checked its nonce and the user's
 * right to edit the product; a refused number (too long, claimed by another product) is shown as WooCommerce's
 * admin error and the stored number is left as it was.
 */
class ProductItemNumberField implements Registerable {

	private const INPUT = SettingsKeys::META_ITEM_NUMBER;

	private ItemNumbers $items;

	public function __construct( ItemNumbers $items ) {
		$this->items = $items;
	}

	public function register(): void {
		add_action( 'woocommerce_product_options_general_product_data', [ $this, 'render_product_field' ] );
		add_action( 'woocommerce_admin_process_product_object', [ $this, 'save_product_field' ] );
		add_action( 'woocommerce_variation_options_pricing', [ $this, 'render_variation_field' ], 10, 3 );
		add_action( 'woocommerce_admin_process_variation_object', [ $this, 'save_variation_field' ], 10, 2 );
	}

	/** @internal Hook callback. */
	public function render_product_field(): void {
		global $product_object;
		$value = $product_object instanceof \WC_Product ? $this->items->explicit( $product_object ) : '';
		woocommerce_wp_text_input(
			[
				'id'                => self::INPUT,
				'value'             => $value,
				'label'             => __( 'GP item number', 'gp-sync-for-woocommerce' ),
				'desc_tip'          => true,
				'description'       => __( 'The Dynamics GP item this product is, when it differs from the SKU (at most 30 characters). Leave empty to use the SKU.', 'gp-sync-for-woocommerce' ),
				'custom_attributes' => [ 'maxlength' => (string) ItemNumbers::MAX_LENGTH ],
			]
		);
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $product
	 */
	public function save_product_field( $product ): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified woocommerce_meta_nonce before this hook.
		if ( ! $product instanceof \WC_Product || ! isset( $_POST[ self::INPUT ] ) || is_array( $_POST[ self::INPUT ] ) ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- as above.
		$this->store( $product, sanitize_text_field( wp_unslash( (string) $_POST[ self::INPUT ] ) ) );
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $loop
	 * @param mixed $variation_data
	 * @param mixed $variation the variation's WP_Post.
	 */
	public function render_variation_field( $loop, $variation_data, $variation ): void {
		$product = $variation instanceof \WP_Post ? wc_get_product( $variation->ID ) : null;
		$loop    = (int) $loop;
		woocommerce_wp_text_input(
			[
				'id'                => self::INPUT . '_' . $loop,
				'name'              => self::INPUT . '[' . $loop . ']',
				'value'             => $product instanceof \WC_Product ? $this->items->explicit( $product ) : '',
				'label'             => __( 'GP item number', 'gp-sync-for-woocommerce' ),
				'desc_tip'          => true,
				'description'       => __( 'The Dynamics GP item this variation is, when it differs from its SKU. A variation never takes its parent\'s number.', 'gp-sync-for-woocommerce' ),
				'wrapper_class'     => 'form-row form-row-full',
				'custom_attributes' => [ 'maxlength' => (string) ItemNumbers::MAX_LENGTH ],
			]
		);
	}

	/**
	 * @internal Hook callback.
	 * @param mixed $variation
	 * @param mixed $loop
	 */
	public function save_variation_field( $variation, $loop ): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- WooCommerce verified the save-variations nonce before this hook; the one value used is sanitised below.
		$posted = isset( $_POST[ self::INPUT ] ) && is_array( $_POST[ self::INPUT ] ) ? wp_unslash( $_POST[ self::INPUT ] ) : null;
		if ( ! $variation instanceof \WC_Product || ! is_array( $posted ) || ! isset( $posted[ (int) $loop ] ) || ! is_string( $posted[ (int) $loop ] ) ) {
			return;
		}
		$this->store( $variation, sanitize_text_field( $posted[ (int) $loop ] ) );
	}

	private function store( \WC_Product $product, string $number ): void {
		try {
			$this->items->set_on( $product, $number );
		} catch ( InvalidItemNumber $refused ) {
			\WC_Admin_Meta_Boxes::add_error( $refused->getMessage() );
		}
	}
}
