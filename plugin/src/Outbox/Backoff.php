<?php
/**
 * Delay before the next attempt of a failed row.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * Exponential with "equal jitter": the n-th failure waits between half and all of min(cap, base·2^(n-1)).
 * Half is fixed so delays still grow attempt after attempt; the random half spreads rows that failed together
 * (a bridge outage) so they do not all come back in the same second.
 */
final class Backoff {

	private int $base;
	private int $cap;
	/** @var callable(int, int): int */
	private $random;

	/** @param (callable(int, int): int)|null $random inclusive random integer (tests pin it) */
	public function __construct( int $base_seconds, int $cap_seconds, ?callable $random = null ) {
		$this->base   = max( 1, $base_seconds );
		$this->cap    = max( $this->base, $cap_seconds );
		$this->random = $random ?? 'random_int';
	}

	/**
	 * @param int $failures         failures so far, including this one (1 for the first).
	 * @param int $retry_after_hint the bridge's retry_after_seconds, honoured up to the cap.
	 */
	public function delay( int $failures, int $retry_after_hint = 0 ): int {
		$exponent = min( max( 1, $failures ), 31 ) - 1;
		$ceiling  = (int) min( $this->cap, $this->base * ( 2 ** $exponent ) );
		$half     = intdiv( $ceiling, 2 );
		$delay    = $half + (int) ( $this->random )( 0, $ceiling - $half );
		return max( $delay, min( max( 0, $retry_after_hint ), $this->cap ) );
	}

	/** The largest delay delay() can return for $failures (for tests and the admin's "next attempt by"). */
	public function ceiling( int $failures ): int {
		$exponent = min( max( 1, $failures ), 31 ) - 1;
		return (int) min( $this->cap, $this->base * ( 2 ** $exponent ) );
	}
}
