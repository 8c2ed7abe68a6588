<?php
/**
 * The backfill as a background job: one page per scheduler run, progress in an option, cancellable.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Infrastructure\Registerable;
use GPSync\Scheduler\SchedulerInterface;

/**
 * The Tools tab starts it and polls its progress. State lives in the option `gpsync_backfill`, so a job
 * survives requests and restarts: each step reads the page to do next, queues it, stores the new position
 * and schedules the next step. A job whose step was lost (no step for STALE_SECONDS) is resumed from its
 * stored page when the progress is read. Cancel stops it before its next page.
 *
 * Queued is half the story: the progress also says how many rows of the kind reached GP, wait (pending, in
 * flight or retrying) or need a human (dead) since the job started, so a store owner pushing a catalogue can
 * watch it arrive, not only leave.
 */
class BackfillJob implements Registerable {

	public const OPTION         = 'gpsync_backfill';
	public const HOOK           = 'gpsync_backfill_step';
	public const PAGE_SIZE      = 100;
	private const STALE_SECONDS = 30;
	private const STEP_SECONDS  = 10;

	private Backfill $backfill;
	private SchedulerInterface $scheduler;
	private OutboxRepository $outbox;

	public function __construct( Backfill $backfill, SchedulerInterface $scheduler, OutboxRepository $outbox ) {
		$this->backfill  = $backfill;
		$this->scheduler = $scheduler;
		$this->outbox    = $outbox;
	}

	public function register(): void {
		add_action( self::HOOK, [ $this, 'step' ] );
	}

	/**
	 * @return array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string, delivered:int, waiting:int, failed:int}
	 * @throws \InvalidArgumentException When the kind is unknown or needs WooCommerce, or the date is not Y-m-d.
	 */
	public function start( string $kind, string $from ): array {
		if ( ! in_array( $kind, [ 'order', 'customer', 'product' ], true ) ) {
			throw new \InvalidArgumentException( sprintf( 'Unknown kind "%s".', $kind ) );
		}
		if ( 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}$/', $from ) || false === strtotime( $from ) ) {
			throw new \InvalidArgumentException( 'The start date must be a day (YYYY-MM-DD).' );
		}
		if ( ! $this->backfill->supports( $kind ) ) {
			throw new \InvalidArgumentException( sprintf( 'Backfill of %s needs WooCommerce.', $kind ) );
		}
		if ( 'running' === $this->progress()['state'] ) {
			throw new \InvalidArgumentException( 'A backfill is already running: cancel it first.' );
		}
		$state = [
			'state'   => 'running',
			'kind'    => $kind,
			'from'    => $from,
			'total'   => $this->backfill->count( $kind, $from ),
			'queued'  => 0,
			'page'    => 1,
			'message' => '',
			'touched' => time(),
			'started' => gmdate( 'Y-m-d H:i:s' ),
		];
		$this->save( $state );
		$this->scheduler->enqueue_async( self::HOOK );
		return $this->with_delivery( $state );
	}

	/**
	 * Pages until done or the time budget is spent, then schedules the next step. Several pages per step: the
	 * scheduler may refuse a second copy of the hook while this one runs (Action Scheduler's unique actions),
	 * in which case progress() resumes the job once it looks stale.
	 *
	 * @internal
	 */
	public function step(): void {
		$until = microtime( true ) + self::STEP_SECONDS;
		do {
			$state = $this->stored();
			if ( 'running' !== $state['state'] ) {
				return;
			}
			try {
				$found = $this->backfill->run_page( $state['kind'], $state['from'], $state['page'], self::PAGE_SIZE );
			} catch ( \Throwable $error ) {
				$state['state']   = 'failed';
				$state['message'] = $error->getMessage();
				$this->save( $state );
				return;
			}
			// Re-read: a cancel that arrived while this page was queued wins.
			if ( 'running' !== $this->stored()['state'] ) {
				return;
			}
			$state['queued'] += $found;
			$state['total']   = max( $state['total'], $state['queued'] );
			++$state['page'];
			$state['touched'] = time();
			if ( $found < self::PAGE_SIZE ) {
				$state['state'] = 'done';
			}
			$this->save( $state );
		} while ( 'running' === $state['state'] && microtime( true ) < $until );
		if ( 'running' === $state['state'] ) {
			$this->scheduler->enqueue_async( self::HOOK );
		}
	}

	/** @return array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string, delivered:int, waiting:int, failed:int} */
	public function cancel(): array {
		$state = $this->stored();
		if ( 'running' === $state['state'] ) {
			$state['state'] = 'cancelled';
			$this->save( $state );
		}
		return $this->with_delivery( $state );
	}

	/**
	 * The job as stored, with how far its rows have got. Reading it resumes a job whose step was lost.
	 *
	 * @return array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string, delivered:int, waiting:int, failed:int}
	 */
	public function progress(): array {
		$state = $this->stored();
		if ( 'running' === $state['state'] && time() - $state['touched'] > self::STALE_SECONDS ) {
			$state['touched'] = time();
			$this->save( $state );
			$this->scheduler->enqueue_async( self::HOOK );
		}
		return $this->with_delivery( $state );
	}

	/** @return array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string} */
	private function stored(): array {
		wp_cache_delete( self::OPTION, 'options' );
		$stored = get_option( self::OPTION, [] );
		$stored = is_array( $stored ) ? $stored : [];
		return [
			'state'   => (string) ( $stored['state'] ?? 'idle' ),
			'kind'    => (string) ( $stored['kind'] ?? '' ),
			'from'    => (string) ( $stored['from'] ?? '' ),
			'total'   => (int) ( $stored['total'] ?? 0 ),
			'queued'  => (int) ( $stored['queued'] ?? 0 ),
			'page'    => max( 1, (int) ( $stored['page'] ?? 1 ) ),
			'message' => (string) ( $stored['message'] ?? '' ),
			'touched' => (int) ( $stored['touched'] ?? 0 ),
			'started' => (string) ( $stored['started'] ?? '' ),
		];
	}

	/**
	 * The state with how far the kind's rows have got since the job started (read live, never stored).
	 *
	 * @param array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string} $state
	 * @return array{state:string, kind:string, from:string, total:int, queued:int, page:int, message:string, touched:int, started:string, delivered:int, waiting:int, failed:int}
	 */
	private function with_delivery( array $state ): array {
		$counts = '' === $state['kind'] || '' === $state['started']
			? array_fill_keys( OutboxStatus::ALL, 0 )
			: $this->outbox->counts_by_status_since( $state['kind'], $state['started'] );
		return $state + [
			'delivered' => $counts[ OutboxStatus::DONE ],
			'waiting'   => $counts[ OutboxStatus::PENDING ] + $counts[ OutboxStatus::IN_FLIGHT ] + $counts[ OutboxStatus::RETRY ],
			'failed'    => $counts[ OutboxStatus::DEAD ],
		];
	}

	/** @param array<string,mixed> $state */
	private function save( array $state ): void {
		update_option( self::OPTION, $state, false );
	}
}
