<?php
/**
 * Backfills in the background: a large catalogue is queued in batches by scheduled actions, with progress.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Infrastructure\Registerable;
use GPSync\Logging\Logger;
use GPSync\Scheduler\SchedulerInterface;

/**
 * Queueing 50,000 products inside one web request would outlive PHP's time limit, so start() only counts and
 * records the job; the `gpsync_backfill` action queues pages of ids for at most TIME_BUDGET seconds, stores
 * where it stopped after each page (a crash repeats at most that page, and a repeat coalesces into the
 * waiting row), and schedules itself again until the last page. The dispatcher sends the rows as usual, in
 * batches. progress() is what a progress bar needs: queued of total, then delivered of queued.
 */
final class BackfillJob implements Registerable {

	public const HOOK   = 'gpsync_backfill';
	public const OPTION = 'gpsync_backfill_jobs';

	/** Seconds of queueing per action run: far below max_execution_time and Action Scheduler's own limits. */
	private const TIME_BUDGET = 20;

	private Backfill $backfill;
	private OutboxRepository $outbox;
	private SchedulerInterface $scheduler;
	private Logger $logger;

	public function __construct( Backfill $backfill, OutboxRepository $outbox, SchedulerInterface $scheduler, Logger $logger ) {
		$this->backfill  = $backfill;
		$this->outbox    = $outbox;
		$this->scheduler = $scheduler;
		$this->logger    = $logger;
	}

	public function register(): void {
		add_action( self::HOOK, [ $this, 'work' ] );
	}

	/**
	 * Records a backfill of $kind from $from and schedules its first run. A backfill of that kind already
	 * running is left as it is and returned.
	 *
	 * @return array<string,mixed> progress()
	 * @throws \InvalidArgumentException When the kind needs WooCommerce and it is not active.
	 */
	public function start( string $kind, string $from, int $batch = 500 ): array {
		if ( ! $this->backfill->supports( $kind ) ) {
			throw new \InvalidArgumentException( sprintf( 'Backfill of %s needs WooCommerce.', $kind ) );
		}
		$jobs = $this->jobs();
		if ( 'running' !== ( $jobs[ $kind ]['status'] ?? '' ) ) {
			$jobs[ $kind ] = [
				'kind'            => $kind,
				'from'            => $from,
				'batch'           => max( 1, min( 1000, $batch ) ),
				'next_page'       => 1,
				'queued'          => 0,
				'total'           => $this->backfill->count( $kind, $from ),
				'status'          => 'running',
				'started_at_gmt'  => gmdate( 'Y-m-d H:i:s' ),
				'finished_at_gmt' => null,
			];
			$this->save( $jobs );
			$this->scheduler->enqueue_async( self::HOOK );
		}
		return $this->progress( $kind );
	}

	/** @internal The scheduled action: queues pages of every running backfill until the time budget is spent. */
	public function work(): void {
		$deadline = microtime( true ) + self::TIME_BUDGET;
		$jobs     = $this->jobs();
		foreach ( $jobs as $kind => $job ) {
			while ( 'running' === $job['status'] && microtime( true ) < $deadline ) {
				$ids = $this->backfill->ids( (string) $kind, (string) $job['from'], (int) $job['next_page'], (int) $job['batch'] );
				foreach ( $ids as $id ) {
					$this->outbox->enqueue( (string) $kind, $id, 'backfill' );
				}
				$job['queued']   += count( $ids );
				$job['next_page'] = (int) $job['next_page'] + 1;
				if ( count( $ids ) < (int) $job['batch'] ) {
					$job['status']          = 'done';
					$job['finished_at_gmt'] = gmdate( 'Y-m-d H:i:s' );
					$this->logger->info(
						'Backfill queued.',
						[
							'kind'   => $kind,
							'queued' => $job['queued'],
						]
					);
				}
				$jobs[ $kind ] = $job;
				$this->save( $jobs ); // after each page: a crash repeats at most this page
			}
		}
		foreach ( $jobs as $job ) {
			if ( 'running' === $job['status'] ) {
				$this->scheduler->enqueue_async( self::HOOK );
				return;
			}
		}
	}

	/**
	 * @return array<string,mixed> the job of $kind (status none|running|done, from, queued, total, started and
	 *                             finished times) and, of that kind's outbox rows since it started, how many are
	 *                             delivered (done), waiting (pending, in flight, retry) and dead
	 */
	public function progress( string $kind ): array {
		$job = $this->jobs()[ $kind ] ?? null;
		if ( null === $job ) {
			return [
				'kind'   => $kind,
				'status' => 'none',
			];
		}
		$counts = $this->outbox->counts_by_status_since( $kind, (string) $job['started_at_gmt'] );
		return $job + [
			'delivered' => $counts[ OutboxStatus::DONE ],
			'waiting'   => $counts[ OutboxStatus::PENDING ] + $counts[ OutboxStatus::IN_FLIGHT ] + $counts[ OutboxStatus::RETRY ],
			'dead'      => $counts[ OutboxStatus::DEAD ],
		];
	}

	/** @return array<string, array<string,mixed>> */
	private function jobs(): array {
		$jobs = get_option( self::OPTION, [] );
		return is_array( $jobs ) ? $jobs : [];
	}

	/** @param array<string, array<string,mixed>> $jobs */
	private function save( array $jobs ): void {
		update_option( self::OPTION, $jobs, false );
	}
}
