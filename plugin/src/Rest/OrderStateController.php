<?php
/**
 * GET /gp-sync/v1/orders/<id>: where an order or refund stands with GP.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Orders\OrderSyncStatus;
use GPSync\Orders\SyncState;
use GPSync\Settings\SettingsKeys;

final class OrderStateController extends BaseController {

	private OrderSyncStatus $status;

	public function __construct( OrderSyncStatus $status ) {
		$this->status = $status;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/orders/(?P<id>\d+)',
			[
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'show' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => self::id_arg(),
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
	public function show( $request ) {
		$status = $this->status->of( (int) $request['id'] );
		if ( null === $status ) {
			return self::error( 'gpsync_not_found', __( 'There is no order or refund with this id.', 'gp-sync-for-woocommerce' ), 404 );
		}
		return rest_ensure_response( $status );
	}

	/** @return array<string,mixed> */
	public function get_item_schema(): array {
		return [
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'gpsync_order_state',
			'type'       => 'object',
			'properties' => [
				'id'              => [ 'type' => 'integer' ],
				'kind'            => [
					'type' => 'string',
					'enum' => [ 'order', 'refund' ],
				],
				'state'           => [
					'type' => 'string',
					'enum' => SyncState::ALL,
				],
				'reason'          => [ 'type' => 'string' ],
				'sop_number'      => [ 'type' => 'string' ],
				'sop_type'        => [ 'type' => [ 'integer', 'null' ] ],
				'customer_number' => [ 'type' => 'string' ],
				'message'         => [ 'type' => [ 'object', 'null' ] ],
			],
		];
	}
}
