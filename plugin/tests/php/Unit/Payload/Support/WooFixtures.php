<?php
/**
 * The real WooCommerce 9.4 exports in tests/fixtures, turned into the assemblers' inputs.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload\Support;

use GPSync\Payload\Assembly\CustomerPayloadAssembler;
use GPSync\Payload\Assembly\OrderPayloadAssembler;
use GPSync\Payload\Assembly\ProductPayloadAssembler;
use GPSync\Payload\Assembly\RefundPayloadAssembler;

/**
 * The *.php.json files hold WC_Order::get_data() and each item's get_data() exactly as PHP returned them
 * (dates as ISO strings, meta as key/value arrays), plus each line's product SKU in items_context. The store
 * exports are REST shapes; their product keys are the same as WC_Product::get_data()'s. Used by the unit tests
 * and by tests/contract/write-payloads.php, so both check the same inputs.
 */
final class WooFixtures {

	/** Custom checkout fields of the fixture store (order `custom-checkout-fields-meta-ny`). */
	public const CHECKOUT_META_KEYS = [ '_billing_vat_number', 'delivery_instructions', 'gift_message', 'po_number' ];

	public static function dir(): string {
		return dirname( __DIR__, 4 ) . '/fixtures/woocommerce-9.4';
	}

	/** @return list<string> scenario names, sorted */
	public static function scenarios(): array {
		$paths = glob( self::dir() . '/orders/*.php.json' );
		$names = array_map(
			static fn( string $path ): string => basename( $path, '.php.json' ),
			false === $paths ? [] : $paths
		);
		sort( $names );
		return $names;
	}

	/** @return array<string,mixed> the whole export of one scenario */
	public static function export( string $scenario ): array {
		return self::read( self::dir() . "/orders/$scenario.php.json" );
	}

	/**
	 * The order payload of a scenario, built the way OrderPayloadBuilder builds it.
	 *
	 * @param string[] $meta_keys
	 * @return array<string,mixed>
	 */
	public static function order_payload( string $scenario, array $meta_keys = self::CHECKOUT_META_KEYS ): array {
		$export = self::export( $scenario );
		$order  = $export['order'];
		return OrderPayloadAssembler::from_order_data(
			$order,
			self::items_by_type( $order, [ 'line_items', 'shipping_lines', 'fee_lines', 'coupon_lines', 'tax_lines' ] ),
			self::order_customer( $order ),
			self::skus( $export['items_context'] ?? [] ),
			(string) $order['number'],
			$meta_keys
		);
	}

	/**
	 * @param string[] $meta_keys
	 * @return list<array<string,mixed>> the scenario's refund payloads (none for most)
	 */
	public static function refund_payloads( string $scenario, array $meta_keys = [] ): array {
		$export   = self::export( $scenario );
		$order    = $export['order'];
		$payloads = [];
		foreach ( $export['refunds'] ?? [] as $entry ) {
			$refund     = $entry['refund'];
			$payloads[] = RefundPayloadAssembler::from_refund_data(
				$refund,
				self::items_by_type( $refund, [ 'line_items', 'shipping_lines', 'fee_lines' ] ),
				$order,
				self::order_customer( $order ),
				self::skus( $entry['items_context'] ?? [] ),
				(string) $order['number'],
				$meta_keys
			);
		}
		return $payloads;
	}

	/**
	 * The customer an order carries: the store customer for a registered one (OrderCustomer reads the
	 * account), the billing address for a guest.
	 *
	 * @param array<string,mixed> $order
	 * @return array<string,mixed>
	 */
	public static function order_customer( array $order ): array {
		$id = (int) $order['customer_id'];
		if ( $id > 0 ) {
			$customer = self::customer_payload( $id );
			if ( null !== $customer ) {
				return $customer;
			}
		}
		return CustomerPayloadAssembler::for_guest( $order['billing'], $order['shipping'] );
	}

	/**
	 * A store customer as UserDataReader would build it (WordPress's display name defaults to the login).
	 *
	 * @param string[] $meta_keys
	 * @return array<string,mixed>|null
	 */
	public static function customer_payload( int $id, ?string $gp_customer_number = null, array $meta_keys = [] ): ?array {
		foreach ( self::read_list( self::dir() . '/store/customers.json' ) as $customer ) {
			if ( (int) $customer['id'] === $id ) {
				$meta = [];
				foreach ( $customer['meta_data'] ?? [] as $entry ) {
					$meta[] = $entry;
				}
				return CustomerPayloadAssembler::for_user(
					[
						'id'           => $id,
						'email'        => (string) $customer['email'],
						'first_name'   => (string) $customer['first_name'],
						'last_name'    => (string) $customer['last_name'],
						'display_name' => (string) $customer['username'],
					],
					$customer['billing'],
					$customer['shipping'],
					$gp_customer_number,
					\GPSync\Payload\Assembly\MetaSelector::select( $meta, $meta_keys )
				);
			}
		}
		return null;
	}

	/** @return list<int> ids of the store's customers */
	public static function customer_ids(): array {
		return array_values( array_map( static fn( array $c ): int => (int) $c['id'], self::read_list( self::dir() . '/store/customers.json' ) ) );
	}

	/**
	 * Every product and variation of the store as product payloads.
	 *
	 * @return list<array<string,mixed>>
	 */
	public static function product_payloads(): array {
		$payloads = [];
		foreach ( self::read_list( self::dir() . '/store/products.json' ) as $product ) {
			$payloads[] = self::product_payload( $product );
		}
		foreach ( self::read_list( self::dir() . '/store/variations.json' ) as $group ) {
			foreach ( $group['variations'] as $variation ) {
				$variation['parent_id'] = (int) $group['parent_id'];
				$payloads[]             = self::product_payload( $variation );
			}
		}
		return $payloads;
	}

	/**
	 * A REST product or variation as a product payload: REST attributes carry `options` (a product) or
	 * `option` (a variation), already as the names WooCommerce shows.
	 *
	 * @param array<string,mixed> $product
	 * @return array<string,mixed>
	 */
	public static function product_payload( array $product ): array {
		$attributes = [];
		foreach ( $product['attributes'] ?? [] as $attribute ) {
			$slug         = (string) ( ( $attribute['slug'] ?? '' ) !== '' ? $attribute['slug'] : $attribute['name'] );
			$attributes[] = [
				'name'   => $slug,
				'label'  => (string) $attribute['name'],
				'values' => isset( $attribute['option'] ) ? [ (string) $attribute['option'] ] : array_map( 'strval', $attribute['options'] ?? [] ),
			];
		}
		return ProductPayloadAssembler::from_product_data( $product, (string) $product['type'], $attributes, $product['meta_data'] ?? [], [] );
	}

	/**
	 * @param array<string,mixed> $data
	 * @param list<string>        $keys
	 * @return array<string,list<array<string,mixed>>>
	 */
	private static function items_by_type( array $data, array $keys ): array {
		$items = [];
		foreach ( $keys as $key ) {
			$items[ $key ] = array_values( $data[ $key ] ?? [] );
		}
		return $items;
	}

	/**
	 * @param array<string,array<string,mixed>> $items_context
	 * @return array<int,string>
	 */
	private static function skus( array $items_context ): array {
		$skus = [];
		foreach ( $items_context as $id => $context ) {
			if ( 'line_item' === ( $context['type'] ?? '' ) ) {
				$skus[ (int) $id ] = (string) ( $context['product_sku'] ?? '' );
			}
		}
		return $skus;
	}

	/** @return array<string,mixed> */
	private static function read( string $path ): array {
		$data = json_decode( (string) file_get_contents( $path ), true, 512, JSON_THROW_ON_ERROR );
		if ( ! is_array( $data ) ) {
			throw new \RuntimeException( "Not a JSON object: $path" );
		}
		return $data;
	}

	/** @return list<array<string,mixed>> */
	private static function read_list( string $path ): array {
		return array_values( self::read( $path ) );
	}
}
