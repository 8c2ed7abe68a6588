<?php
/**
 * Where an order (or refund) stands with GP, as REST and WP-CLI show it.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Orders;

use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxRow;
use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;

/**
 * The stored `_gpsync_state` (SyncState) with the outbox's word on top: while a message for the order waits,
 * retries or is in flight the state is `waiting`, whatever was stored (an edit on its way to an order GP
 * has). Enqueueing never saves the order, so only this reader can say "waiting" the moment a change is made.
 */
class OrderSyncStatus {

	private OrderGateway $orders;
	private OutboxRepository $outbox;

	public function __construct( OrderGateway $orders, OutboxRepository $outbox ) {
		$this->orders = $orders;
		$this->outbox = $outbox;
	}

	/**
	 * @return array{id: int, kind: string, state: string, reason: string, sop_number: string, sop_type: int|null, customer_number: string, message: array<string,mixed>|null}|null
	 *         null when there is no order or refund with this id.
	 */
	public function of( int $id ): ?array {
		$document = $this->orders->find_order( $id );
		$kind     = 'order';
		if ( null === $document ) {
			$document = $this->orders->find_refund( $id );
			$kind     = 'refund';
		}
		if ( null === $document ) {
			return null;
		}
		$state  = SyncState::normalise( (string) $document->get_meta( SettingsKeys::META_STATE ) );
		$reason = (string) $document->get_meta( SettingsKeys::META_STATE_REASON );
		$rows   = $this->outbox->for_entity( $kind, $id );
		$latest = $rows[0] ?? null;
		if ( null !== $latest && in_array( $latest->status, [ OutboxStatus::PENDING, OutboxStatus::RETRY, OutboxStatus::IN_FLIGHT ], true ) ) {
			$state  = SyncState::WAITING;
			$reason = OutboxStatus::RETRY === $latest->status ? (string) $latest->last_error_message : 'queued for GP';
		}
		$type = (string) $document->get_meta( SettingsKeys::META_SOP_TYPE );
		return [
			'id'              => $id,
			'kind'            => $kind,
			'state'           => '' === $state ? SyncState::NOT_SENT : $state,
			'reason'          => '' === $state && '' === $reason ? 'nothing was ever queued for it' : $reason,
			'sop_number'      => (string) $document->get_meta( SettingsKeys::META_SOP_NUMBER ),
			'sop_type'        => '' === $type ? null : (int) $type,
			'customer_number' => (string) $document->get_meta( SettingsKeys::META_CUSTOMER_NUMBER ),
			'message'         => null === $latest ? null : self::row_summary( $latest ),
		];
	}

	/** @return array<string,mixed> */
	private static function row_summary( OutboxRow $row ): array {
		return [
			'row_id'     => $row->id,
			'status'     => $row->status,
			'event'      => $row->event,
			'attempts'   => $row->attempts,
			'error_code' => $row->last_error_code,
			'error'      => $row->last_error_message,
		];
	}
}
