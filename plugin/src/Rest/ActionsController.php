<?php
/**
 * POST /gp-sync/v1/resend, /retry-dead, /test-connection.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Settings\SettingsKeys;

use GPSync\Bridge\BridgeClient;
use GPSync\Exception\BridgeRequestFailed;
use GPSync\Outbox\OutboxStatus;
use GPSync\Outbox\Recovery;

final class ActionsController extends BaseController {

	private Recovery $recovery;
	private BridgeClient $bridge;

	public function __construct( Recovery $recovery, BridgeClient $bridge ) {
		$this->recovery = $recovery;
		$this->bridge   = $bridge;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/resend',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'resend' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => [
					'kind'      => [
						'type'     => 'string',
						'enum'     => OutboxStatus::KINDS,
						'required' => true,
					],
					'entity_id' => [
						'type'              => 'integer',
						'minimum'           => 1,
						'required'          => true,
						'sanitize_callback' => 'absint',
					],
				],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/retry-dead',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'retry_dead' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
		// The Overview's bridge health: the same probe, read-only.
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/health',
			[
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => [ $this, 'test_connection' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/test-connection',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'test_connection' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function resend( $request ) {
		try {
			$row_id = $this->recovery->resend( (string) $request['kind'], (int) $request['entity_id'] );
		} catch ( \InvalidArgumentException $error ) {
			return self::error( 'gpsync_invalid_entity', $error->getMessage(), 400 );
		}
		return rest_ensure_response( [ 'queued' => $row_id ] );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function retry_dead( $request ): \WP_REST_Response {
		return rest_ensure_response( [ 'requeued' => $this->recovery->retry_dead() ] );
	}

	/**
	 * GET /v1/health on the bridge, and a signed no-op to prove the secret: an empty preview is a
	 * validation_failed 400 when the signature is right and a 401 when it is not.
	 *
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function test_connection( $request ): \WP_REST_Response {
		$answer = [
			'reachable' => false,
			'health'    => null,
			'signature' => 'unknown',
			'error'     => null,
		];
		try {
			$answer['health']    = $this->bridge->health();
			$answer['reachable'] = true;
		} catch ( BridgeRequestFailed $failure ) {
			$answer['error'] = [
				'code'    => $failure->code_name(),
				'message' => $failure->getMessage(),
			];
			return rest_ensure_response( $answer );
		}
		try {
			$this->bridge->preview(
				[
					'schema_version' => 1,
					'messages'       => [],
				]
			);
			$answer['signature'] = 'accepted';
		} catch ( BridgeRequestFailed $failure ) {
			$answer['signature'] = BridgeRequestFailed::UNAUTHORIZED === $failure->kind() ? 'rejected' : ( BridgeRequestFailed::REJECTED === $failure->kind() ? 'accepted' : 'unknown' );
			if ( 'rejected' === $answer['signature'] || BridgeRequestFailed::NOT_CONFIGURED === $failure->kind() ) {
				$answer['error'] = [
					'code'    => $failure->code_name(),
					'message' => $failure->getMessage(),
				];
			}
		}
		return rest_ensure_response( $answer );
	}
}
