<?php
declare(strict_types=1);

namespace GPSync\Tests\Unit\Outbox;

use GPSync\Outbox\RetryPolicy;
use PHPUnit\Framework\TestCase;

final class RetryPolicyTest extends TestCase {

	public function test_when_gp_is_unavailable_then_it_is_unavailability_and_other_retry_codes_are_not(): void {
		$policy = new RetryPolicy( 8 );
		$this->assertTrue( $policy->is_unavailability( 'gp_unavailable' ) );
		foreach ( [ 'gp_timeout', 'gp_deadlock', 'batch_in_use', 'in_progress', 'depends_on_pending' ] as $code ) {
			$this->assertFalse( $policy->is_unavailability( $code ), $code );
		}
	}

	public function test_when_the_attempt_limit_is_reached_then_the_row_is_exhausted(): void {
		$policy = new RetryPolicy( 3 );
		$this->assertFalse( $policy->exhausted( 0 ) );
		$this->assertFalse( $policy->exhausted( 1 ) );
		$this->assertTrue( $policy->exhausted( 2 ), 'the third bounded failure is the last' );
	}
}
