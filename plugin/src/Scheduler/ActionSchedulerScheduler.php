<?php
/**
 * SchedulerInterface on Action Scheduler (bundled with WooCommerce).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Scheduler;

use GPSync\Settings\SettingsKeys;

final class ActionSchedulerScheduler implements SchedulerInterface {

	public static function is_available(): bool {
		return function_exists( 'as_enqueue_async_action' ) && function_exists( 'as_schedule_recurring_action' );
	}

	public function enqueue_async( string $hook ): void {
		// unique: AS refuses a second pending copy, so a burst of enqueues schedules one dispatch.
		as_enqueue_async_action( $hook, [], SettingsKeys::AS_GROUP, true );
	}

	public function schedule_recurring( string $hook, int $interval_seconds ): void {
		if ( false === as_has_scheduled_action( $hook, [], SettingsKeys::AS_GROUP ) ) {
			as_schedule_recurring_action( time() + $interval_seconds, $interval_seconds, $hook, [], SettingsKeys::AS_GROUP, true );
		}
	}

	public function unschedule( string $hook ): void {
		as_unschedule_all_actions( $hook, [], SettingsKeys::AS_GROUP );
	}

	public function name(): string {
		return 'action-scheduler';
	}
}
