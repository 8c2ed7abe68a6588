<?php
/**
 * GET /gp-sync/v1/mappings/meta-keys and POST /gp-sync/v1/mappings/preview: what the Mappings tab needs
 * before saving.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Bridge\BridgeClient;
use GPSync\Exception\BridgeRequestFailed;
use GPSync\Orders\OrderGateway;
use GPSync\Outbox\MessageFactory;
use GPSync\Outbox\OutboxRow;
use GPSync\Settings\MappingProfile;
use GPSync\Settings\MappingValidator;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * The preview builds a real order's message with the profile as edited (validated like a save, never
 * stored) and asks the bridge's /v1/preview for the eConnect XML and the GP-rule check. Nothing is queued,
 * saved or written to GP.
 */
final class MappingPreviewController extends BaseController {

	/** How many recent orders the meta-key picker reads. */
	private const META_KEY_ORDERS = 50;

	private Settings $settings;
	private OrderGateway $orders;
	private MessageFactory $messages;
	private BridgeClient $bridge;

	public function __construct( Settings $settings, OrderGateway $orders, MessageFactory $messages, BridgeClient $bridge ) {
		$this->settings = $settings;
		$this->orders   = $orders;
		$this->messages = $messages;
		$this->bridge   = $bridge;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/mappings/meta-keys',
			[
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => [ $this, 'meta_keys' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/mappings/preview',
			[
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => [ $this, 'preview' ],
				'permission_callback' => [ $this, 'can_manage' ],
				'args'                => [
					'order_id' => [
						'type'              => 'integer',
						'minimum'           => 1,
						'required'          => true,
						'sanitize_callback' => 'absint',
						'validate_callback' => 'rest_validate_request_arg',
					],
					'profile'  => [
						'type'     => 'object',
						'required' => true,
					],
				],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function meta_keys( $request ): \WP_REST_Response {
		return rest_ensure_response( [ 'keys' => $this->orders->recent_meta_keys( self::META_KEY_ORDERS ) ] );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function preview( $request ) {
		$input = $request['profile'];
		if ( ! is_array( $input ) ) {
			return self::error( 'gpsync_invalid_mapping', __( 'Send the mapping profile as a JSON object.', 'gp-sync-for-woocommerce' ), 400 );
		}
		unset( $input['version'] );
		$validator = new MappingValidator();
		$clean     = $validator->clean( $input );
		if ( null === $clean ) {
			return self::error( 'gpsync_invalid_mapping', __( 'The mapping profile has errors.', 'gp-sync-for-woocommerce' ), 400, [ 'errors' => $validator->errors() ] );
		}
		$order_id = (int) $request['order_id'];
		if ( ! $this->orders->exists( $order_id ) ) {
			/* translators: %d: order number */
			return self::error( 'gpsync_not_found', sprintf( __( 'There is no order %d.', 'gp-sync-for-woocommerce' ), $order_id ), 404 );
		}
		$stored   = $this->settings->all()['mapping_profile'];
		$profile  = MappingProfile::with_version( array_merge( is_array( $stored ) ? $stored : [], $clean ) );
		$messages = $this->messages->with_profile( $profile );
		$row      = OutboxRow::from_db(
			[
				'id'                   => 0,
				'message_uuid'         => wp_generate_uuid4(),
				'kind'                 => 'order',
				'entity_id'            => $order_id,
				'event'                => 'preview',
				'status'               => 'pending',
				'attempts'             => 0,
				'unavailable_attempts' => 0,
				'next_attempt_at_gmt'  => '',
				'entity_version'       => 0,
				'created_at_gmt'       => '',
				'updated_at_gmt'       => '',
			]
		);
		try {
			$message = $messages->build( $row );
		} catch ( \Throwable $error ) {
			return self::error( 'gpsync_build_failed', $error->getMessage(), 422 );
		}
		if ( null === $message ) {
			/* translators: %d: order number */
			return self::error( 'gpsync_not_found', sprintf( __( 'There is no order %d.', 'gp-sync-for-woocommerce' ), $order_id ), 404 );
		}
		try {
			$answer = $this->bridge->preview( $messages->batch( [ $message ] ) );
		} catch ( BridgeRequestFailed $failure ) {
			return self::error( 'gpsync_preview_failed', $failure->getMessage(), 502, [ 'bridge_code' => $failure->code_name() ] );
		}
		return rest_ensure_response( self::summary( $answer ) + [ 'profile_version' => $profile['version'] ] );
	}

	/**
	 * One message's preview as the tab shows it: valid or not, the XML of every document, every GP-rule issue.
	 *
	 * @param array<string,mixed> $answer the bridge's /v1/preview body
	 * @return array{ok:bool, xml:string|null, errors:list<array{code:string, message:string, field:string}>}
	 */
	public static function summary( array $answer ): array {
		$result = is_array( $answer['results'][0] ?? null ) ? $answer['results'][0] : [];
		$xml    = [];
		$errors = [];
		foreach ( is_array( $result['documents'] ?? null ) ? $result['documents'] : [] as $document ) {
			if ( is_array( $document ) && is_string( $document['xml'] ?? null ) ) {
				$xml[] = $document['xml'];
			}
			foreach ( is_array( $document['issues'] ?? null ) ? $document['issues'] : [] as $issue ) {
				$errors[] = [
					'code'    => (string) ( $issue['reason'] ?? 'gp_validation' ),
					'message' => (string) ( $issue['message'] ?? '' ),
					'field'   => (string) ( $issue['field'] ?? '' ),
				];
			}
		}
		if ( is_array( $result['result'] ?? null ) ) {
			$errors[] = [
				'code'    => (string) ( $result['result']['code'] ?? '' ),
				'message' => (string) ( $result['result']['message'] ?? '' ),
				'field'   => (string) ( $result['result']['field'] ?? '' ),
			];
		}
		return [
			'ok'     => true === ( $result['valid'] ?? false ) && [] === $errors,
			'xml'    => [] === $xml ? null : implode( "\n\n", $xml ),
			'errors' => $errors,
		];
	}
}
