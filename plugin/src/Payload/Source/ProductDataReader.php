<?php
/**
 * Turns a WooCommerce product or variation into the plain data the product assembler takes.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Source;

/**
 * Attributes are resolved to what a person reads: taxonomy attributes (`pa_size`) to their label ("Size")
 * and term names ("Small"), local attributes to their own name and options; a variation's attributes to the
 * one value it stands for.
 */
class ProductDataReader {

	public function find( int $product_id ): ?\WC_Product {
		if ( $product_id <= 0 || ! function_exists( 'wc_get_product' ) ) {
			return null;
		}
		$product = wc_get_product( $product_id );
		return $product instanceof \WC_Product ? $product : null;
	}

	/**
	 * @return list<array{name: string, label: string, values: list<string>}>
	 */
	public function attributes( \WC_Product $product ): array {
		return $product instanceof \WC_Product_Variation ? $this->variation_attributes( $product ) : $this->product_attributes( $product );
	}

	/**
	 * @return list<array{name: string, label: string, values: list<string>}>
	 */
	private function product_attributes( \WC_Product $product ): array {
		$result = [];
		foreach ( $product->get_attributes() as $attribute ) {
			if ( ! $attribute instanceof \WC_Product_Attribute ) {
				continue;
			}
			$name   = (string) $attribute->get_name();
			$values = [];
			if ( $attribute->is_taxonomy() ) {
				foreach ( $attribute->get_terms() ?? [] as $term ) {
					$values[] = (string) $term->name;
				}
			} else {
				$values = array_map( 'strval', $attribute->get_options() );
			}
			$result[] = [
				'name'   => $name,
				'label'  => (string) wc_attribute_label( $name, $product ),
				'values' => array_values( $values ),
			];
		}
		return $result;
	}

	/**
	 * @return list<array{name: string, label: string, values: list<string>}>
	 */
	private function variation_attributes( \WC_Product_Variation $variation ): array {
		$result = [];
		foreach ( $variation->get_attributes() as $name => $value ) {
			$name  = (string) $name;
			$value = (string) $value;
			if ( '' !== $value && taxonomy_exists( $name ) ) {
				$term  = get_term_by( 'slug', $value, $name );
				$value = $term instanceof \WP_Term ? (string) $term->name : $value;
			}
			$result[] = [
				'name'   => $name,
				'label'  => (string) wc_attribute_label( $name, $variation ),
				// "" means "any value" on a variation: nothing to send.
				'values' => '' === $value ? [] : [ $value ],
			];
		}
		return $result;
	}
}
