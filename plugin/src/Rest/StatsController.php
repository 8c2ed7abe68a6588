<?php
/**
 * GET /gp-sync/v1/stats: what the overview shows.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Admin\Notices;
use GPSync\Outbox\Circuit;
use GPSync\Outbox\OutboxRepository;
use GPSync\Scheduler\SchedulerInterface;
use GPSync\Settings\SettingsKeys;

final class StatsController extends BaseController {

	private OutboxRepository $outbox;
	private Circuit $circuit;
	private SchedulerInterface $scheduler;

	public function __construct( OutboxRepository $outbox, Circuit $circuit, SchedulerInterface $scheduler ) {
		$this->outbox    = $outbox;
		$this->circuit   = $circuit;
		$this->scheduler = $scheduler;
	}

	public function register_routes(): void {
		register_rest_route(
			SettingsKeys::REST_NAMESPACE,
			'/stats',
			[
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => [ $this, 'get_stats' ],
				'permission_callback' => [ $this, 'can_manage' ],
			]
		);
	}

	/**
	 * @internal
	 * @param \WP_REST_Request<array<string,mixed>> $request
	 */
	public function get_stats( $request ): \WP_REST_Response {
		$last_success = (int) get_option( SettingsKeys::LAST_SUCCESS_OPTION, 0 );
		return rest_ensure_response(
			[
				'counts'                     => $this->outbox->counts_by_status(),
				'oldest_waiting_age_seconds' => $this->outbox->oldest_waiting_age(),
				'last_success_gmt'           => 0 === $last_success ? null : gmdate( 'c', $last_success ),
				'circuit'                    => $this->circuit->state(),
				'scheduler'                  => $this->scheduler->name(),
				'alerts'                     => Notices::messages(),
			]
		);
	}
}
