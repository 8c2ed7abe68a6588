<?php
/**
 * What every REST controller of the plugin shares.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/**
 * Namespace gp-sync/v1; every route requires manage_woocommerce (see Capability for a site without WooCommerce). Cookie-authenticated requests also need the
 * wp_rest nonce: WordPress core enforces that (rest_cookie_check_errors) before permission callbacks run.
 */
abstract class BaseController extends \WP_REST_Controller implements Registerable {

	/** @var string */
	protected $namespace = SettingsKeys::REST_NAMESPACE;

	public function register(): void {
		add_action( 'rest_api_init', [ $this, 'register_routes' ] );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return true|\WP_Error
	 */
	public function can_manage( $request ) {
		if ( Capability::current_user_can_manage() ) {
			return true;
		}
		return new \WP_Error( 'gpsync_forbidden', __( 'You are not allowed to manage GP Sync.', 'gp-sync-for-woocommerce' ), [ 'status' => rest_authorization_required_code() ] );
	}

	/** @return array<string,mixed> args for a positive integer id in the route */
	protected static function id_arg(): array {
		return [
			'id' => [
				'type'              => 'integer',
				'minimum'           => 1,
				'required'          => true,
				'sanitize_callback' => 'absint',
				'validate_callback' => 'rest_validate_request_arg',
			],
		];
	}

	/** @param array<string,mixed> $data */
	protected static function error( string $code, string $message, int $status, array $data = [] ): \WP_Error {
		return new \WP_Error( $code, $message, [ 'status' => $status ] + $data );
	}
}
