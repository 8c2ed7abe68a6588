<?php
declare(strict_types=1);

namespace GPSync\Tests\Unit\Outbox;

use GPSync\Outbox\Backoff;
use PHPUnit\Framework\TestCase;

final class BackoffTest extends TestCase {

	public function test_when_failures_repeat_then_the_ceiling_doubles_until_the_cap(): void {
		$backoff = new Backoff( 30, 3600 );
		$this->assertSame( [ 30, 60, 120, 240, 480, 960, 1920, 3600, 3600 ], array_map( [ $backoff, 'ceiling' ], range( 1, 9 ) ) );
	}

	public function test_when_jitter_is_smallest_or_largest_then_the_delay_is_half_or_all_of_the_ceiling(): void {
		$low  = new Backoff( 30, 3600, static fn( int $min, int $max ): int => $min );
		$high = new Backoff( 30, 3600, static fn( int $min, int $max ): int => $max );
		$this->assertSame( 60, $low->delay( 3 ) );
		$this->assertSame( 120, $high->delay( 3 ) );
		$this->assertSame( 1800, $low->delay( 50 ), 'huge failure counts do not overflow' );
		$this->assertSame( 3600, $high->delay( 50 ) );
	}

	public function test_when_jitter_is_random_then_every_delay_stays_within_its_bounds_and_never_shrinks_between_attempts(): void {
		$backoff = new Backoff( 10, 1000 );
		for ( $failure = 1; $failure <= 10; $failure++ ) {
			for ( $i = 0; $i < 200; $i++ ) {
				$delay = $backoff->delay( $failure );
				$this->assertGreaterThanOrEqual( intdiv( $backoff->ceiling( $failure ), 2 ), $delay );
				$this->assertLessThanOrEqual( $backoff->ceiling( $failure ), $delay );
			}
			// The lowest possible delay of the next attempt is at least the highest of this one's half.
			$this->assertGreaterThanOrEqual( intdiv( $backoff->ceiling( $failure ), 2 ), intdiv( $backoff->ceiling( $failure + 1 ), 2 ) );
		}
	}

	public function test_when_the_bridge_suggests_a_longer_delay_then_it_is_honoured_up_to_the_cap(): void {
		$backoff = new Backoff( 30, 600, static fn( int $min, int $max ): int => $min );
		$this->assertSame( 300, $backoff->delay( 1, 300 ) );
		$this->assertSame( 600, $backoff->delay( 1, 99999 ) );
		$this->assertSame( 15, $backoff->delay( 1, 5 ), 'a shorter hint does not shorten the backoff' );
	}
}
