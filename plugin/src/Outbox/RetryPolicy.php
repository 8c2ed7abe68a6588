<?php
/**
 * Which failures count toward the attempt limit.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * SPEC §4: unavailability (GP or the bridge unreachable) never dead-letters a message, so it is retried
 * without limit. Every other retryable code (deadlock, GP timeout, batch in use, …) gets max_attempts tries,
 * then becomes `dead` with the same code for a human.
 */
final class RetryPolicy {

	/** Per-message retry codes that mean "GP is not there". */
	public const UNAVAILABILITY_CODES = [ 'gp_unavailable' ];

	private int $max_attempts;

	public function __construct( int $max_attempts ) {
		$this->max_attempts = max( 1, $max_attempts );
	}

	public function is_unavailability( string $code ): bool {
		return in_array( $code, self::UNAVAILABILITY_CODES, true );
	}

	/** After this bounded failure (attempts so far + 1), is the row dead? */
	public function exhausted( int $attempts_before ): bool {
		return $attempts_before + 1 >= $this->max_attempts;
	}

	public function max_attempts(): int {
		return $this->max_attempts;
	}
}
