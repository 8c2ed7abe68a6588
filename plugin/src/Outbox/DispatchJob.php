<?php
/**
 * Wires the dispatcher to the scheduler's hooks.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Infrastructure\Registerable;
use GPSync\Inventory\InventorySync;
use GPSync\Logging\Logger;
use GPSync\Scheduler\SchedulerInterface;
use GPSync\Settings\SettingsKeys;

/**
 * The hooks gpsync_dispatch (async, after enqueue) and gpsync_sweep (every minute) both run the dispatcher;
 * gpsync_inventory_poll (every five minutes) pulls stock, INVENTORY_RUN_SECONDS at a time: a run with more to read
 * continues as gpsync_inventory_continue in a fresh request, from the cursor. The recurring actions are
 * (re)scheduled at most once an hour per site, on init, so a deleted schedule heals itself.
 */
final class DispatchJob implements Registerable {

	public const INVENTORY_INTERVAL = 300;

	/** Per scheduled inventory run: well inside PHP's usual 30-second limit for a web request. */
	public const INVENTORY_RUN_SECONDS = 20.0;

	private OutboxDispatcher $dispatcher;
	private SchedulerInterface $scheduler;
	private InventorySync $inventory;
	private OutboxRepository $outbox;
	private Logger $logger;

	public function __construct( OutboxDispatcher $dispatcher, SchedulerInterface $scheduler, InventorySync $inventory, OutboxRepository $outbox, Logger $logger ) {
		$this->dispatcher = $dispatcher;
		$this->scheduler  = $scheduler;
		$this->inventory  = $inventory;
		$this->outbox     = $outbox;
		$this->logger     = $logger;
	}

	public function register(): void {
		add_action( SettingsKeys::HOOK_DISPATCH, [ $this, 'dispatch' ] );
		add_action( SettingsKeys::HOOK_SWEEP, [ $this, 'dispatch' ] );
		add_action( SettingsKeys::HOOK_INVENTORY, [ $this, 'poll_inventory' ] );
		add_action( SettingsKeys::HOOK_INVENTORY_CONTINUE, [ $this, 'poll_inventory' ] );
		add_action( 'init', [ $this, 'ensure_schedules' ], 20 );
	}

	/** @internal */
	public function dispatch(): void {
		$report = $this->dispatcher->run();
		if ( $report->claimed > 0 ) {
			$this->logger->info( 'Dispatch run finished.', $report->to_array() );
		}
		// Out of time with work left and the bridge answering: continue in a fresh request.
		if ( $report->claimed > 0 && '' === $report->request_error && $this->outbox->due_count() > 0 ) {
			$this->scheduler->enqueue_async( SettingsKeys::HOOK_DISPATCH );
		}
	}

	/** @internal */
	public function poll_inventory(): void {
		try {
			$this->run_inventory( false );
		} catch ( \Throwable $error ) {
			$this->logger->warning( 'Inventory poll failed.', [ 'error' => $error->getMessage() ] );
			throw $error; // Rethrown so Action Scheduler records the failure.
		}
	}

	/**
	 * One inventory run as a web request or a scheduled action may make it: INVENTORY_RUN_SECONDS of pages,
	 * the rest handed on (continue_inventory()). The Tools tab's resync and the scheduled poll both run this.
	 *
	 * @return array{pages:int, items:int, updated:int, unchanged:int, not_managed:int, unknown:int, unknown_items:list<string>, invalid:int, cursor:string, more:bool}
	 */
	public function run_inventory( bool $full ): array {
		$totals = $this->inventory->sync( null, $full, InventorySync::PAGE_SIZE, self::INVENTORY_RUN_SECONDS );
		$this->continue_inventory( $totals );
		return $totals;
	}

	/**
	 * A run that stopped on its time budget goes on in a fresh request, from the cursor it stored.
	 *
	 * @param array{more:bool} $totals
	 */
	public function continue_inventory( array $totals ): void {
		if ( $totals['more'] ) {
			$this->scheduler->enqueue_async( SettingsKeys::HOOK_INVENTORY_CONTINUE );
		}
	}

	/** @internal */
	public function ensure_schedules(): void {
		if ( false !== get_transient( 'gpsync_schedules_checked' ) ) {
			return;
		}
		$this->scheduler->schedule_recurring( SettingsKeys::HOOK_SWEEP, MINUTE_IN_SECONDS );
		if ( $this->inventory->is_available() ) {
			$this->scheduler->schedule_recurring( SettingsKeys::HOOK_INVENTORY, self::INVENTORY_INTERVAL );
		}
		set_transient( 'gpsync_schedules_checked', 1, HOUR_IN_SECONDS );
	}

	public function unschedule_all(): void {
		foreach ( [ SettingsKeys::HOOK_DISPATCH, SettingsKeys::HOOK_SWEEP, SettingsKeys::HOOK_INVENTORY, SettingsKeys::HOOK_INVENTORY_CONTINUE, BackfillJob::HOOK ] as $hook ) {
			$this->scheduler->unschedule( $hook );
		}
		delete_transient( 'gpsync_schedules_checked' );
	}
}
