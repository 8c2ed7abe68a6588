<?php
/**
 * SchedulerInterface on WP-Cron, for sites without Action Scheduler (plain WordPress).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Scheduler;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\SettingsKeys;

final class WpCronScheduler implements SchedulerInterface, Registerable {

	public function register(): void {
		add_filter( 'cron_schedules', [ $this, 'add_schedule' ] ); // phpcs:ignore WordPress.WP.CronInterval -- a one-minute sweep is the point.
	}

	/**
	 * @internal
	 * @param array<string,array<string,mixed>> $schedules
	 * @return array<string,array<string,mixed>>
	 */
	public function add_schedule( $schedules ): array {
		$schedules                                = is_array( $schedules ) ? $schedules : [];
		$schedules[ SettingsKeys::CRON_SCHEDULE ] = [
			'interval' => MINUTE_IN_SECONDS,
			'display'  => 'GP Sync: every minute',
		];
		return $schedules;
	}

	public function enqueue_async( string $hook ): void {
		if ( false === wp_next_scheduled( $hook ) ) {
			wp_schedule_single_event( time(), $hook );
		}
	}

	public function schedule_recurring( string $hook, int $interval_seconds ): void {
		if ( false === wp_next_scheduled( $hook ) ) {
			wp_schedule_event( time() + $interval_seconds, SettingsKeys::CRON_SCHEDULE, $hook );
		}
	}

	public function unschedule( string $hook ): void {
		wp_clear_scheduled_hook( $hook );
	}

	public function name(): string {
		return 'wp-cron';
	}
}
