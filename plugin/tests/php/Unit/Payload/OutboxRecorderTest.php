<?php
/**
 * Capture's writes to the outbox (GPSync\Capture\OutboxRecorder).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Payload;

use GPSync\Capture\OutboxRecorder;
use GPSync\Outbox\OutboxRepository;
use PHPUnit\Framework\TestCase;

final class OutboxRecorderTest extends TestCase {

	public function test_when_the_same_event_repeats_for_an_entity_within_a_second_then_it_is_enqueued_once(): void {
		$calls    = [];
		$outbox   = $this->outbox( $calls );
		$now      = 1000;
		$recorder = new OutboxRecorder(
			$outbox,
			static function () use ( &$now ): int {
				return $now;
			}
		);

		$recorder->record( 'order', 7, 'order.updated' );
		$recorder->record( 'order', 7, 'order.updated' );
		$recorder->record( 'order', 8, 'order.updated' );
		$recorder->record( 'order', 7, 'order.status.processing' );
		$recorder->record( 'order', 7, 'order.updated' );
		++$now;
		$recorder->record( 'order', 7, 'order.updated' );

		$this->assertSame(
			[ 'order:7:order.updated', 'order:8:order.updated', 'order:7:order.status.processing', 'order:7:order.updated', 'order:7:order.updated' ],
			$calls
		);
	}

	public function test_when_capture_is_paused_then_a_repeat_is_not_swallowed_afterwards(): void {
		$calls    = [];
		$results  = [ 0, 5 ]; // enqueue() returns 0 while capture is paused.
		$outbox   = $this->outbox( $calls, $results );
		$recorder = new OutboxRecorder( $outbox, static fn(): int => 1000 );

		$recorder->record( 'customer', 3, 'customer.updated' );
		$recorder->record( 'customer', 3, 'customer.updated' );

		$this->assertCount( 2, $calls );
	}

	public function test_when_the_row_was_dispatched_in_between_then_the_same_event_in_the_same_second_is_enqueued_again(): void {
		$calls    = [];
		$outbox   = $this->outbox( $calls, [], false );
		$recorder = new OutboxRecorder( $outbox, static fn(): int => 1000 );

		$recorder->record( 'order', 7, 'order.updated' );
		$recorder->record( 'order', 7, 'order.updated' );

		$this->assertSame( [ 'order:7:order.updated', 'order:7:order.updated' ], $calls, 'an edit after the dispatch is a new change' );
	}

	/**
	 * @param list<string> $calls
	 * @param list<int>    $results
	 */
	private function outbox( array &$calls, array $results = [], bool $row_still_waits = true ): OutboxRepository {
		$outbox = $this->createMock( OutboxRepository::class );
		$outbox->method( 'is_waiting' )->willReturn( $row_still_waits );
		$outbox->method( 'enqueue' )->willReturnCallback(
			static function ( string $kind, int $id, string $event ) use ( &$calls, &$results ): int {
				$calls[] = "$kind:$id:$event";
				return [] === $results ? 1 : (int) array_shift( $results );
			}
		);
		return $outbox;
	}
}
