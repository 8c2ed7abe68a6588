<?php
/**
 * /gp-sync/v1/orders/<id>/gp: one order's standing with GP, and "Resend to GP", for the order screen's box.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Admin\OrderSender;
use GPSync\Admin\OrderStanding;
use GPSync\Settings\SettingsKeys;

final class OrderGpController extends BaseController {

	/** @var string */
	protected $rest_base = 'orders';

	private OrderStanding $statuses;
	private OrderSender $sender;

	public function __construct( OrderStanding $statuses, OrderSender $sender ) {
		$this->statuses = $statuses;
		$this->sender   = $sender;
	}

	public function register_routes(): void {
		$base = '/' . $this->rest_base . '/(?P<id>\d+)';
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			$base . '/gp',
			[
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => [ $this, 'get_item' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => self::id_arg(),
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			$base . '/send',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'send' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => self::id_arg(),
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$status = $this->statuses->for_order( (int) $request['id'] );
		if ( null === $status ) {
			return self::not_found();
		}
		return rest_ensure_response( $status );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function send( $request ) {
		$order_id = (int) $request['id'];
		if ( null === $this->statuses->for_order( $order_id ) ) {
			return self::not_found();
		}
		$row_id = $this->sender->send( $order_id );
		return rest_ensure_response(
			[
				'queued' => $row_id,
				'status' => $this->statuses->for_order( $order_id ),
			]
		);
	}

	private static function not_found(): \WP_Error {
		return self::error( 'gpsync_not_found', __( 'No such order.', 'gp-sync-for-woocommerce' ), 404 );
	}
}
