<?php
/**
 * How the plugin reads the bridge's answers about an order's lifecycle (docs/plugin.md "Order lifecycle").
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * Pure rules, no WordPress: which answers mean "nothing had to reach GP" and the reason shown for them.
 */
final class LifecycleRules {

	public const DEPENDS_ON_PENDING = 'depends_on_pending';
	/** Warning code of a cancellation (or failure) of an order GP never had. */
	public const NOT_IN_GP_WARNING = 'not_in_gp';

	/**
	 * A cancellation of an order GP never had. The bridge answers `done` / `skipped` / warning `not_in_gp`;
	 * bridges before that answered `dead order_not_in_gp`, which for an order message means the same thing
	 * (only a cancellation asks for the order's GP document). For a refund it stays a dead letter.
	 */
	public static function is_cancel_of_unsent_order( string $kind, string $dead_code ): bool {
		return 'order' === $kind && 'order_not_in_gp' === $dead_code;
	}

	public static function reason_cancelled_before_gp( string $bridge_message ): string {
		$reason = 'cancelled before it reached GP';
		return '' === $bridge_message ? $reason : $reason . ' (' . $bridge_message . ')';
	}

	/**
	 * The reason of a `skipped` outcome, from the bridge's warnings ("status "on-hold" maps to no GP document").
	 *
	 * @param list<array<string,mixed>> $warnings
	 */
	public static function skipped_reason( array $warnings ): string {
		foreach ( $warnings as $warning ) {
			if ( self::NOT_IN_GP_WARNING === (string) ( $warning['code'] ?? '' ) ) {
				return self::reason_cancelled_before_gp( (string) ( $warning['message'] ?? '' ) );
			}
		}
		foreach ( $warnings as $warning ) {
			$message = (string) ( $warning['message'] ?? '' );
			if ( '' !== $message ) {
				return $message;
			}
		}
		return 'the status map sends nothing to GP for this status';
	}
}
