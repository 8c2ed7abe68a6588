<?php
/**
 * POST /gp-sync/v1/backfill (start one in the background), GET /gp-sync/v1/backfill (its progress).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Outbox\BackfillJob;
use GPSync\Settings\SettingsKeys;

/**
 * What wp-admin's Tools page calls for "backfill … from a date, with a progress bar": the request only
 * counts and schedules (BackfillJob), so it returns at once however large the catalogue is.
 */
final class BackfillController extends BaseController {

	private const KINDS = [ 'product', 'customer', 'order' ];

	private BackfillJob $job;

	public function __construct( BackfillJob $job ) {
		$this->job = $job;
	}

	public function register_routes(): void {
		$kind = [
			'type'     => 'string',
			'enum'     => self::KINDS,
			'required' => true,
		];
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/backfill',
			[
				[
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => [ $this, 'start' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => [
						'kind' => $kind,
						'from' => [
							'type'              => 'string',
							'required'          => true,
							'description'       => 'Y-m-d, site time, inclusive.',
							'validate_callback' => [ self::class, 'is_date' ],
						],
					],
				],
				[
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => [ $this, 'progress' ],
					'permission_callback' => [ $this, 'can_manage' ],
					'args'                => [ 'kind' => $kind ],
				],
			]
		);
	}

	/**
	 * @internal
	 * @param mixed $value
	 */
	public static function is_date( $value ): bool {
		return is_string( $value ) && 1 === preg_match( '/^\d{4}-\d{2}-\d{2}$/', $value ) && false !== strtotime( $value );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function start( $request ) {
		try {
			$progress = $this->job->start( (string) $request['kind'], (string) $request['from'] );
		} catch ( \InvalidArgumentException $error ) {
			return self::error( 'gpsync_backfill_unavailable', $error->getMessage(), 409 );
		}
		return new \WP_REST_Response( $progress, 202 );
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function progress( $request ): \WP_REST_Response {
		return new \WP_REST_Response( $this->job->progress( (string) $request['kind'] ), 200 );
	}
}
