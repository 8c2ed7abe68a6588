<?php
/**
 * Adds every capture listener: WooCommerce and WordPress changes → outbox rows.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Capture;

use GPSync\Infrastructure\Registerable;
use GPSync\Outbox\OutboxRepository;
use GPSync\Orders\OrderGateway;
use GPSync\Payload\Source\UserDataReader;

/**
 * Listeners do no network I/O and build no payloads: they record the entity id and the event, so checkout
 * never waits on the bridge or GP (SPEC §2). Customer hooks are plain WordPress and are added without
 * WooCommerce too; the WooCommerce hooks simply never fire then.
 */
class CaptureRegistrar implements Registerable {

	/** @var list<Registerable> */
	private array $listeners;

	/** @param OrderGateway $orders the plugin's one gateway (Plugin.php passes it) */
	public function __construct( OutboxRepository $outbox, OrderGateway $orders, ?UserDataReader $users = null ) {
		$recorder        = new OutboxRecorder( $outbox );
		$this->listeners = [
			new OrderCapture( $recorder, $orders ),
			new RefundCapture( $recorder, $orders ),
			new CustomerCapture( $recorder, $users ?? new UserDataReader() ),
			new ProductCapture( $recorder ),
		];
	}

	public function register(): void {
		foreach ( $this->listeners as $listener ) {
			$listener->register();
		}
	}
}
