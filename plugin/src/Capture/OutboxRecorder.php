<?php
/**
 * The one way capture listeners write to the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Outbox\OutboxRepository;

/**
 * One save fires the same hook several times (WooCommerce calls woocommerce_update_order twice while creating
 * an order; a refund fires two refund hooks). Repeating an event that was just recorded for the same entity in
 * the same second adds nothing while the row it went into still waits: that row already says so. The repeat
 * costs one look-up by primary key instead of enqueue()'s statements. When the row was dispatched in between
 * (a CLI script or a long request that edits, sends and edits again), the repeat is a new change and goes
 * through. A different event, or the same one a second later, always goes through.
 */
class OutboxRecorder {

	private OutboxRepository $outbox;
	/** @var callable(): int */
	private $clock;
	/** @var array<string,array{event: string, second: int, row: int}> last event recorded per kind:id in this request */
	private array $last = [];

	/**
	 * @param (callable(): int)|null $clock Unix seconds; tests pass a fixed clock.
	 */
	public function __construct( OutboxRepository $outbox, ?callable $clock = null ) {
		$this->outbox = $outbox;
		$this->clock  = $clock ?? 'time';
	}

	public function record( string $kind, int $entity_id, string $event ): void {
		$key    = $kind . ':' . $entity_id;
		$second = ( $this->clock )();
		$last   = $this->last[ $key ] ?? null;
		if ( null !== $last && $last['event'] === $event && $last['second'] === $second && $this->outbox->is_waiting( $last['row'] ) ) {
			return;
		}
		$row = $this->outbox->enqueue( $kind, $entity_id, $event );
		if ( $row > 0 ) {
			$this->last[ $key ] = [
				'event'  => $event,
				'second' => $second,
				'row'    => $row,
			];
		}
	}
}
