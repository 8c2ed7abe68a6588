<?php
/**
 * /gp-sync/v1/backfill (progress, start, cancel) and POST /gp-sync/v1/inventory/resync: the Tools tab.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Exception\BridgeRequestFailed;
use GPSync\Inventory\InventorySync;
use GPSync\Outbox\BackfillJob;
use GPSync\Outbox\DispatchJob;
use GPSync\Settings\SettingsKeys;

final class ToolsController extends BaseController {

	private BackfillJob $backfill;
	private DispatchJob $jobs;
	private InventorySync $inventory;

	public function __construct( BackfillJob $backfill, InventorySync $inventory, DispatchJob $jobs ) {
		$this->jobs      = $jobs;
		$this->backfill  = $backfill;
		$this->inventory = $inventory;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/backfill',
			[
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'progress' ],
					'permission_callback' => [ $this, 'can_manage' ],
				],
				[
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => [ $this, 'start' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => [
						'kind' => [
							'type'     => 'string',
							'enum'     => [ 'order', 'customer', 'product' ],
							'required' => true,
						],
						'from' => [
							'description' => 'First day of creation to include (Y-m-d, site time).',
							'type'        => 'string',
							'pattern'     => '^\d{4}-\d{2}-\d{2}$',
							'required'    => true,
						],
					],
				],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/backfill/cancel',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'cancel' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/inventory/resync',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'resync' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => [
					'mode' => [
						'type'    => 'string',
						'enum'    => [ 'changes', 'full' ],
						'default' => 'changes',
					],
				],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function progress( $request ): \WP_REST_Response {
		return rest_ensure_response( self::view( $this->backfill->progress() ) );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function start( $request ) {
		try {
			$state = $this->backfill->start( (string) $request['kind'], (string) $request['from'] );
		} catch ( \InvalidArgumentException $error ) {
			return self::error( 'gpsync_invalid_backfill', $error->getMessage(), 400 );
		}
		return rest_ensure_response( self::view( $state ) );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function cancel( $request ): \WP_REST_Response {
		return rest_ensure_response( self::view( $this->backfill->cancel() ) );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function resync( $request ) {
		if ( ! $this->inventory->is_available() ) {
			return self::error( 'gpsync_inventory_unavailable', __( 'Inventory sync needs WooCommerce.', 'gp-sync-for-woocommerce' ), 409 );
		}
		try {
			// A catalogue too big for one request goes on in the background from where this one stopped.
			$totals = $this->jobs->run_inventory( 'full' === $request['mode'] );
		} catch ( BridgeRequestFailed $failure ) {
			return self::error( 'gpsync_inventory_failed', $failure->getMessage(), 502, [ 'bridge_code' => $failure->code_name() ] );
		}
		return rest_ensure_response(
			[
				'pages'     => $totals['pages'],
				'items'     => $totals['items'],
				'applied'   => $totals['updated'],
				'continues' => $totals['more'],
			]
		);
	}

	/**
	 * @param array<string,mixed> $state
	 * @return array<string,mixed>
	 */
	private static function view( array $state ): array {
		unset( $state['page'], $state['touched'] );
		return $state;
	}
}
