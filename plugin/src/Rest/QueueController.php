<?php
/**
 * /gp-sync/v1/queue: the outbox for the admin (list, detail, retry, discard, bulk).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Settings\SettingsKeys;

use GPSync\Bridge\BridgeClient;
use GPSync\Exception\BridgeRequestFailed;
use GPSync\Outbox\MessageFactory;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxRow;
use GPSync\Outbox\OutboxStatus;
use GPSync\Outbox\Recovery;

final class QueueController extends BaseController {

	/** @var string */
	protected $rest_base = 'queue';

	private OutboxRepository $outbox;
	private MessageFactory $messages;
	private BridgeClient $bridge;
	private Recovery $recovery;

	public function __construct( OutboxRepository $outbox, MessageFactory $messages, BridgeClient $bridge, Recovery $recovery ) {
		$this->outbox   = $outbox;
		$this->messages = $messages;
		$this->bridge   = $bridge;
		$this->recovery = $recovery;
	}

	public function register_routes(): void {
		$base = '/' . $this->rest_base;
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			$base,
			[
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'get_items' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => $this->get_collection_params(),
				],
				'schema' => [ $this, 'get_public_item_schema' ],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			$base . '/(?P<id>\d+)',
			[
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'get_item' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => self::id_arg() + [
						'preview' => [
							'description'       => 'Also ask the bridge for the eConnect XML (POST /v1/preview).',
							'type'              => 'boolean',
							'default'           => true,
							'sanitize_callback' => 'rest_sanitize_boolean',
							'validate_callback' => 'rest_validate_request_arg',
						],
					],
				],
				'schema' => [ $this, 'get_public_item_schema' ],
			]
		);
		foreach ( [ 'retry', 'discard' ] as $action ) {
			register_rest_route(
				SettingsKeys::REST_NAMESPACE,
				$base . '/(?P<id>\d+)/' . $action,
				[
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => [ $this, $action . '_item' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => self::id_arg(),
				]
			);
		}
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			$base . '/bulk',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'bulk' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => [
					'action' => [
						'type'     => 'string',
						'enum'     => [ 'retry', 'discard' ],
						'required' => true,
					],
					'ids'    => [
						'type'     => 'array',
						'items'    => [
							'type'    => 'integer',
							'minimum' => 1,
						],
						'minItems' => 1,
						'maxItems' => 500,
						'required' => true,
					],
				],
			]
		);
	}

	/** @return array<string,array<string,mixed>> */
	public function get_collection_params(): array {
		return [
			'status'   => [
				'type'              => 'string',
				'enum'              => OutboxStatus::ALL,
				'validate_callback' => 'rest_validate_request_arg',
			],
			'kind'     => [
				'type'              => 'string',
				'enum'              => OutboxStatus::KINDS,
				'validate_callback' => 'rest_validate_request_arg',
			],
			'search'   => [
				'description'       => 'An entity id, a message id, an error code, a customer or billing e-mail, or a product SKU or GP item number (exact).',
				'type'              => 'string',
				'maxLength'         => 64,
				'sanitize_callback' => 'sanitize_text_field',
				'validate_callback' => 'rest_validate_request_arg',
			],
			'from'     => [
				'description'       => 'First day of creation (Y-m-d, UTC).',
				'type'              => 'string',
				'pattern'           => '^\\d{4}-\\d{2}-\\d{2}$',
				'validate_callback' => 'rest_validate_request_arg',
			],
			'to'       => [
				'description'       => 'Last day of creation (Y-m-d, UTC), inclusive.',
				'type'              => 'string',
				'pattern'           => '^\\d{4}-\\d{2}-\\d{2}$',
				'validate_callback' => 'rest_validate_request_arg',
			],
			'page'     => [
				'type'              => 'integer',
				'default'           => 1,
				'minimum'           => 1,
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
			],
			'per_page' => [
				'type'              => 'integer',
				'default'           => 20,
				'minimum'           => 1,
				'maximum'           => 100,
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
			],
		];
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function get_items( $request ): \WP_REST_Response {
		$per_page = (int) $request['per_page'];
		$page     = (int) $request['page'];
		$result   = $this->outbox->search(
			[
				'status' => (string) $request['status'],
				'kind'   => (string) $request['kind'],
				'search' => (string) $request['search'],
				'from'   => (string) $request['from'],
				'to'     => (string) $request['to'],
			],
			$page,
			$per_page
		);
		$response = rest_ensure_response(
			array_map(
				static function ( OutboxRow $row ): array {
					return $row->to_array();
				},
				$result['rows']
			)
		);
		$response->header( 'X-WP-Total', (string) $result['total'] );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $result['total'] / max( 1, $per_page ) ) );
		return $response;
	}

	/**
	 * The row, the payload as it would be sent now, the eConnect XML from the bridge's preview, the last answer.
	 *
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$row = $this->outbox->find( (int) $request['id'] );
		if ( null === $row ) {
			return self::error( 'gpsync_not_found', __( 'No such queue entry.', 'gp-sync-for-woocommerce' ), 404 );
		}
		$data                    = $row->to_array();
		$data['last_response']   = $row->last_response;
		$data['attempt_history'] = $row->attempt_history;
		$data['message']         = null;
		$data['build_error']     = null;
		$data['preview']         = null;
		$data['preview_error']   = null;
		try {
			$data['message'] = $this->messages->build( clone $row );
		} catch ( \Throwable $error ) {
			$data['build_error'] = $error->getMessage();
		}
		if ( null !== $data['message'] && $request['preview'] ) {
			try {
				$data['preview'] = $this->bridge->preview( $this->messages->batch( [ $data['message'] ] ) );
			} catch ( BridgeRequestFailed $failure ) {
				$data['preview_error'] = [
					'code'    => $failure->code_name(),
					'message' => $failure->getMessage(),
				];
			}
		}
		return rest_ensure_response( $data );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function retry_item( $request ) {
		return $this->after_change( (int) $request['id'], $this->recovery->retry( (int) $request['id'] ), __( 'Only dead, retrying or discarded entries can be retried.', 'gp-sync-for-woocommerce' ) );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function discard_item( $request ) {
		return $this->after_change( (int) $request['id'], $this->recovery->discard( (int) $request['id'] ), __( 'Only waiting or dead entries can be discarded.', 'gp-sync-for-woocommerce' ) );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function bulk( $request ): \WP_REST_Response {
		$ids = array_values( array_map( 'intval', (array) $request['ids'] ) );
		return rest_ensure_response( $this->recovery->bulk( 'discard' === $request['action'] ? 'discard' : 'retry', $ids ) );
	}

	/** @return \WP_REST_Response|\WP_Error */
	private function after_change( int $id, bool $changed, string $refusal ) {
		$row = $this->outbox->find( $id );
		if ( null === $row ) {
			return self::error( 'gpsync_not_found', __( 'No such queue entry.', 'gp-sync-for-woocommerce' ), 404 );
		}
		if ( ! $changed ) {
			return self::error( 'gpsync_invalid_state', $refusal, 409, [ 'current_status' => $row->status ] );
		}
		return rest_ensure_response( $row->to_array() );
	}

	/** @return array<string,mixed> */
	public function get_item_schema(): array {
		$nullable_string = [ 'string', 'null' ];
		return [
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'gpsync_queue_entry',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => [
				'id'                   => [ 'type' => 'integer' ],
				'message_id'           => [ 'type' => 'string' ],
				'kind'                 => [
					'type' => 'string',
					'enum' => OutboxStatus::KINDS,
				],
				'entity_id'            => [ 'type' => 'integer' ],
				'event'                => [ 'type' => 'string' ],
				'status'               => [
					'type' => 'string',
					'enum' => OutboxStatus::ALL,
				],
				'attempts'             => [ 'type' => 'integer' ],
				'unavailable_attempts' => [ 'type' => 'integer' ],
				'next_attempt_at_gmt'  => [ 'type' => 'string' ],
				'last_error_code'      => [ 'type' => $nullable_string ],
				'last_error_message'   => [ 'type' => $nullable_string ],
				'last_error_field'     => [ 'type' => $nullable_string ],
				'gp_ids'               => [ 'type' => [ 'object', 'null' ] ],
				'entity_version'       => [ 'type' => 'integer' ],
				'created_at_gmt'       => [ 'type' => 'string' ],
				'updated_at_gmt'       => [ 'type' => 'string' ],
				'last_response'        => [ 'type' => [ 'object', 'null' ] ],
				'message'              => [ 'type' => [ 'object', 'null' ] ],
				'build_error'          => [ 'type' => $nullable_string ],
				'preview'              => [ 'type' => [ 'object', 'null' ] ],
				'preview_error'        => [ 'type' => [ 'object', 'null' ] ],
				'attempt_history'      => [
					'description' => 'Delivery attempts, newest first (the last 20): at_gmt, outcome (done, retry, dead, discarded, transport_failure), code, message, gp_ids.',
					'type'        => 'array',
					'items'       => [ 'type' => 'object' ],
				],
			],
		];
	}
}
