<?php
/**
 * What the plugin needs from a job runner.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Scheduler;

/**
 * Implemented on Action Scheduler when WooCommerce ships it, on WP-Cron otherwise. Injected, so queue logic is
 * testable without either.
 */
interface SchedulerInterface {

	/** Runs $hook once, soon, in the background; a no-op when it is already queued (unique). */
	public function enqueue_async( string $hook ): void;

	/** Runs $hook every $interval_seconds until unscheduled; idempotent. */
	public function schedule_recurring( string $hook, int $interval_seconds ): void;

	/** Removes every scheduled instance of $hook. */
	public function unschedule( string $hook ): void;

	/** Name shown in `wp gp-sync status` and the overview. */
	public function name(): string;
}
