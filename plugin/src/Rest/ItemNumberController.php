<?php
/**
 * POST /gp-sync/v1/products/<id>/item-number {item_number}: the product's explicit GP item number.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Exception\InvalidItemNumber;
use GPSync\Products\ItemNumbers;
use GPSync\Settings\SettingsKeys;

/**
 * 200 with the stored number ("" clears it: the SKU is used again); 404 for an id that is no product;
 * 409 when another product already claims the number; 400 when GP cannot hold it. Saving queues the product.
 */
final class ItemNumberController extends BaseController {

	private ItemNumbers $items;

	public function __construct( ItemNumbers $items ) {
		$this->items = $items;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/products/(?P<id>\d+)/item-number',
			[
				[
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => [ $this, 'update' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => self::id_arg() + [
						'item_number' => [
							'type'              => 'string',
							'required'          => true,
							'maxLength'         => 255,
							'sanitize_callback' => 'sanitize_text_field',
						],
					],
				],
				'schema' => [ $this, 'get_public_item_schema' ],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update( $request ) {
		$id = (int) $request['id'];
		try {
			$number = $this->items->set( $id, (string) $request['item_number'] );
		} catch ( InvalidItemNumber $refused ) {
			$statuses = [
				'not_a_product' => 404,
				'claimed'       => 409,
			];
			return self::error( 'gpsync_item_number_' . $refused->reason(), $refused->getMessage(), $statuses[ $refused->reason() ] ?? 400, [ 'claimed_by' => $refused->claimed_by() ] );
		}
		$product = wc_get_product( $id );
		return rest_ensure_response(
			[
				'product_id'  => $id,
				'item_number' => $number,
				'effective'   => $product instanceof \WC_Product ? $this->items->effective( $product ) : $number,
			]
		);
	}

	/** @return array<string,mixed> */
	public function get_item_schema(): array {
		return [
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'gpsync_item_number',
			'type'       => 'object',
			'properties' => [
				'product_id'  => [ 'type' => 'integer' ],
				'item_number' => [
					'type'        => 'string',
					'description' => 'The explicit GP item number ("" when the SKU is used).',
				],
				'effective'   => [
					'type'        => 'string',
					'description' => 'The GP item the product is: the explicit number, else its SKU upper-cased.',
				],
			],
		];
	}
}
