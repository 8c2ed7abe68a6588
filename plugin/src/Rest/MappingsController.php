<?php
/**
 * GET/PUT /gp-sync/v1/mappings: the mapping profile.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Settings\SettingsKeys;

use GPSync\Settings\MappingValidator;
use GPSync\Settings\Settings;

final class MappingsController extends BaseController {

	/** @var string */
	protected $rest_base = 'mappings';

	private Settings $settings;

	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/' . $this->rest_base,
			[
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'get_item' ],
					'permission_callback' => [ $this, 'can_manage' ],
				],
				[
					'methods'             => [ 'PUT', 'POST' ],
					'callback'            => [ $this, 'update_item' ],
					'permission_callback' => [ $this, 'can_manage' ],
				],
				'schema' => [ $this, 'get_public_item_schema' ],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->settings->mapping_profile() );
	}

	/**
	 * The body is the whole profile (or some of its sections); sections not sent keep their stored values.
	 *
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) ) {
			return self::error( 'gpsync_invalid_mapping', __( 'Send the mapping profile as a JSON object.', 'gp-sync-for-woocommerce' ), 400 );
		}
		$validator = new MappingValidator();
		$clean     = $validator->clean( $body );
		if ( null === $clean ) {
			return self::error( 'gpsync_invalid_mapping', __( 'The mapping profile has errors.', 'gp-sync-for-woocommerce' ), 400, [ 'errors' => $validator->errors() ] );
		}
		$stored = $this->settings->all()['mapping_profile'];
		$this->settings->update( [ 'mapping_profile' => array_merge( is_array( $stored ) ? $stored : [], $clean ) ] );
		return rest_ensure_response( $this->settings->mapping_profile() );
	}

	/** @return array<string,mixed> */
	public function get_item_schema(): array {
		return [
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'gpsync_mapping_profile',
			'type'       => 'object',
			'properties' => [
				'version'          => [
					'type'     => 'string',
					'readonly' => true,
				],
				'timezone'         => [ 'type' => 'string' ],
				'currency_id'      => [ 'type' => 'string' ],
				'length_policy'    => [
					'type' => 'string',
					'enum' => [ 'fit', 'reject', 'truncate' ],
				],
				'code_page_policy' => [
					'type' => 'string',
					'enum' => [ 'transliterate', 'reject' ],
				],
				'status_map'       => [ 'type' => 'object' ],
				'documents'        => [ 'type' => 'object' ],
				'customers'        => [ 'type' => 'object' ],
				'items'            => [ 'type' => 'object' ],
				'orders'           => [ 'type' => 'object' ],
				'taxes'            => [ 'type' => 'object' ],
				'shipping'         => [ 'type' => 'object' ],
			],
		];
	}
}
