<?php
/**
 * GET/POST /gp-sync/v1/settings.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Settings\SettingsKeys;

use GPSync\Settings\Settings;

/**
 * The secret is write-only: it can be set, never read back; the answer says only `secret_set`.
 * Only schema-declared fields are copied from the request.
 */
final class SettingsController extends BaseController {

	/** @var string */
	protected $rest_base = 'settings';

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
					'methods'             => [ 'POST', 'PUT', 'PATCH' ],
					'callback'            => [ $this, 'update_item' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ),
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
		return rest_ensure_response( $this->settings->public_view() );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		/** @var array<string,mixed> $changes */
		$changes = [];
		foreach ( array_map( 'strval', array_keys( $this->get_item_schema()['properties'] ) ) as $field ) {
			if ( 'secret_set' === $field || ! $request->has_param( $field ) ) {
				continue;
			}
			$changes[ $field ] = $request->get_param( $field );
		}
		if ( isset( $changes['bridge_url'] ) ) {
			$url = trim( (string) $changes['bridge_url'] );
			if ( '' !== $url && ( ! preg_match( '#^https?://[^\s/?\#]+(/[^\s?\#]*)?$#i', $url ) || false === wp_parse_url( $url ) ) ) {
				return self::error( 'gpsync_invalid_bridge_url', __( 'The bridge URL must be an http:// or https:// address without query or fragment.', 'gp-sync-for-woocommerce' ), 400 );
			}
			$changes['bridge_url'] = untrailingslashit( esc_url_raw( $url, [ 'http', 'https' ] ) );
		}
		if ( isset( $changes['bridge_secret'] ) ) {
			$changes['bridge_secret'] = trim( (string) $changes['bridge_secret'] );
		}
		if ( isset( $changes['inventory_sites'] ) ) {
			$changes['inventory_sites'] = sanitize_text_field( (string) $changes['inventory_sites'] );
		}
		$merged = array_merge( $this->settings->public_view(), $changes );
		if ( (int) $merged['backoff_cap_seconds'] < (int) $merged['backoff_base_seconds'] ) {
			return self::error( 'gpsync_invalid_backoff', __( 'The backoff cap must not be below the base.', 'gp-sync-for-woocommerce' ), 400 );
		}
		$this->settings->update( $changes );
		return rest_ensure_response( $this->settings->public_view() );
	}

	/** @return array<string,mixed> */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = [
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'gpsync_settings',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => [
				'bridge_url'               => [
					'description' => 'Base URL of the bridge (http or https), or empty.',
					'type'        => 'string',
					'pattern'     => '^(https?://[^\\s?#]+)?$',
					'maxLength'   => 2048,
					'context'     => [ 'view', 'edit' ],
				],
				'bridge_secret'            => [
					'description' => 'Shared HMAC secret. Write-only: never returned.',
					'type'        => 'string',
					'minLength'   => 16,
					'maxLength'   => 256,
					'context'     => [],
				],
				'secret_set'               => [
					'description' => 'Whether a secret is stored.',
					'type'        => 'boolean',
					'readonly'    => true,
					'context'     => [ 'view', 'edit' ],
				],
				'batch_size'               => [
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 500,
					'context' => [ 'view', 'edit' ],
				],
				'request_timeout'          => [
					'description' => 'Seconds to wait for the bridge.',
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 300,
					'context'     => [ 'view', 'edit' ],
				],
				'backoff_base_seconds'     => [
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 86400,
					'context' => [ 'view', 'edit' ],
				],
				'backoff_cap_seconds'      => [
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 604800,
					'context' => [ 'view', 'edit' ],
				],
				'max_attempts'             => [
					'description' => 'Tries for retryable errors other than unavailability, then dead.',
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 100,
					'context'     => [ 'view', 'edit' ],
				],
				'remove_data_on_uninstall' => [
					'type'    => 'boolean',
					'context' => [ 'view', 'edit' ],
				],
				'inventory_sites'          => [
					'description' => 'GP site ids, comma-separated, or "all".',
					'type'        => 'string',
					'pattern'     => '^[A-Za-z0-9_,\-. ]{1,200}$',
					'context'     => [ 'view', 'edit' ],
				],
			],
		];
		return $this->add_additional_fields_schema( $this->schema );
	}
}
