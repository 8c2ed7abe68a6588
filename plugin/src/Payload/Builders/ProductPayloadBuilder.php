<?php
/**
 * PayloadBuilder for kind "product" (products and variations).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Builders;

use GPSync\Payload\Assembly\ProductPayloadAssembler;
use GPSync\Payload\PayloadBuilder;
use GPSync\Products\ItemNumbers;
use GPSync\Payload\Source\ProductDataReader;

/**
 * A variation is its own GP item (its SKU); its parent id travels along so the bridge can tell them apart.
 */
class ProductPayloadBuilder implements PayloadBuilder {

	private ProductDataReader $products;
	private ItemNumbers $item_numbers;

	public function __construct( ProductDataReader $products, ?ItemNumbers $item_numbers = null ) {
		$this->products     = $products;
		$this->item_numbers = $item_numbers ?? new ItemNumbers();
	}

	public function kind(): string {
		return 'product';
	}

	/**
	 * @param string[] $meta_keys
	 * @return array<string,mixed>|null
	 */
	public function build( int $entity_id, array $meta_keys ): ?array {
		$product = $this->products->find( $entity_id );
		if ( null === $product ) {
			return null;
		}
		$data = $product->get_data();
		// A variation's stored name can be empty; get_name() gives "Parent - Value" as the order line shows it.
		$data['name'] = (string) $product->get_name();
		// A variation stores tax class "parent" and an empty weight when it inherits them; the view context
		// resolves both to the values that apply. The SKU stays the variation's own: a variation without one is
		// not an item of its own in GP (its order lines carry the parent's SKU, as WooCommerce shows them).
		$data['tax_class'] = (string) $product->get_tax_class();
		$data['weight']    = (string) $product->get_weight();
		// The explicit GP item number: the variation's own, never inherited (ItemNumbers).
		$data['gp_item_number'] = $this->item_numbers->explicit( $product );
		return ProductPayloadAssembler::from_product_data(
			$data,
			(string) $product->get_type(),
			$this->products->attributes( $product ),
			$product->get_meta_data(),
			$meta_keys
		);
	}
}
