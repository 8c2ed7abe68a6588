<?php
/**
 * GET /gp-sync/v1/stats: what the overview shows.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Rest;

use GPSync\Admin\Alerts;
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
		$counts       = $this->outbox->counts_by_status();
		$oldest       = $this->outbox->oldest_waiting_age();
		$mismatches   = $this->outbox->search(
			[
				'status' => 'dead',
				'search' => 'total_mismatch',
			],
			1,
			1
		)['total']
			+ $this->outbox->search(
				[
					'status' => 'dead',
					'search' => 'tax_mismatch',
				],
				1,
				1
			)['total'];
		$alerts       = ( new Alerts( $this->circuit ) )->current( $counts, $oldest, $mismatches );
		return rest_ensure_response(
			[
				'counts'                     => $counts,
				'oldest_waiting_age_seconds' => $oldest,
				'last_success_gmt'           => 0 === $last_success ? null : gmdate( 'c', $last_success ),
				'circuit'                    => $this->circuit->state(),
				'scheduler'                  => $this->scheduler->name(),
				// Plain messages (kept for WP-CLI and older clients); alert_items adds the code and the tab to fix it in.
				'alerts'                     => array_column( $alerts, 'message' ),
				'alert_items'                => $alerts,
				'throughput'                 => $this->outbox->throughput_by_hour( 24 ),
				'latest_errors'              => array_map(
					static function ( $row ): array {
						return $row->to_array();
					},
					$this->outbox->latest_errors( 5 )
				),
			]
		);
	}
}
