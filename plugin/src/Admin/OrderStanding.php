<?php
/**
 * An order's standing with Dynamics GP, in words, for the order box, the orders list and REST.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Orders\OrderGateway;
use GPSync\Orders\SyncState;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxRow;
use GPSync\Outbox\OutboxStatus;
use GPSync\Settings\SettingsKeys;

/**
 * Reads the order's GP meta (`_gpsync_state`, `_gpsync_sop_number`, `_gpsync_sop_type`, `_gpsync_state_reason`)
 * and its newest outbox message. The message wins while it is waiting or dead, because it is newer than any
 * meta; otherwise the meta says what GP has. The old meta value `synced` reads as `sent`.
 *
 * Every string returned is plain text (from the order, the bridge or our translations): the caller escapes it.
 */
class OrderStanding {

	// The states are Orders\SyncState's; this class only puts them into words.
	public const SENT     = SyncState::SENT;
	public const WAITING  = SyncState::WAITING;
	public const FAILED   = SyncState::FAILED;
	public const NOT_SENT = SyncState::NOT_SENT;

	private OrderGateway $orders;
	private OutboxRepository $outbox;

	public function __construct( OrderGateway $orders, OutboxRepository $outbox ) {
		$this->orders = $orders;
		$this->outbox = $outbox;
	}

	/**
	 * Keys: order_id, state (sent|waiting|failed|not_sent), headline and detail (sentences), document
	 * ({type, type_label, number} or null), error ({code, message, field} or null), advice ({text, url, link} or
	 * null), last_attempt_gmt, next_attempt_gmt, attempts, message_row_id (the newest outbox row, for the
	 * eConnect XML), queue_url.
	 *
	 * @return array<string,mixed>|null  null when there is no such order
	 */
	public function for_order( int $order_id ): ?array {
		$order = $this->orders->find_order( $order_id );
		if ( null === $order ) {
			return null;
		}
		$rows   = $this->outbox->for_entity( 'order', $order_id );
		$row    = $rows[0] ?? null;
		$number = (string) $order->get_meta( SettingsKeys::META_SOP_NUMBER );
		$type   = (int) $order->get_meta( SettingsKeys::META_SOP_TYPE );
		$meta   = (string) $order->get_meta( SettingsKeys::META_STATE );
		$reason = (string) $order->get_meta( SettingsKeys::META_STATE_REASON );

		$document = null;
		if ( '' !== $number ) {
			$document = [
				'type'       => $type,
				'type_label' => GpDocumentType::label( $type ),
				'number'     => $number,
			];
		} elseif ( null !== $row && OutboxStatus::DONE === $row->status && isset( $row->gp_ids['sop_number'] ) ) {
			$type     = (int) ( $row->gp_ids['sop_type'] ?? 0 );
			$document = [
				'type'       => $type,
				'type_label' => GpDocumentType::label( $type ),
				'number'     => (string) $row->gp_ids['sop_number'],
			];
		}

		$status = [
			'order_id'         => $order_id,
			'state'            => self::NOT_SENT,
			'headline'         => '',
			'detail'           => '',
			'document'         => $document,
			'error'            => null,
			'advice'           => null,
			'last_attempt_gmt' => null,
			'next_attempt_gmt' => null,
			'attempts'         => 0,
			'message_row_id'   => null,
			'queue_url'        => '',
		];
		if ( null !== $row ) {
			$status['message_row_id']   = $row->id;
			$status['attempts']         = $row->attempts;
			$status['last_attempt_gmt'] = ( $row->attempts > 0 || $row->unavailable_attempts > 0 || OutboxStatus::PENDING !== $row->status ) ? $row->updated_at_gmt : null;
			$status['queue_url']        = AdminLinks::queue_message( $row->id );
		}

		if ( null !== $row && in_array( $row->status, [ OutboxStatus::PENDING, OutboxStatus::IN_FLIGHT, OutboxStatus::RETRY ], true ) ) {
			return $this->waiting( $status, $row );
		}
		if ( null !== $row && OutboxStatus::DEAD === $row->status ) {
			return $this->failed( $status, $row, $order );
		}
		if ( null !== $document && ( self::SENT === SyncState::normalise( $meta ) || '' === $meta || ( null !== $row && OutboxStatus::DONE === $row->status ) ) ) {
			$status['state'] = self::SENT;
			/* translators: 1: GP document type (Order, Invoice, Return), 2: GP document number */
			$status['headline'] = sprintf( __( 'Sent to GP as %1$s %2$s', 'gp-sync-for-woocommerce' ), $document['type_label'], $document['number'] );
			return $status;
		}
		if ( self::FAILED === $meta && null === $row ) {
			$status['state']    = self::FAILED;
			$status['headline'] = __( 'GP did not accept this order', 'gp-sync-for-woocommerce' );
			$status['detail']   = '' !== $reason ? $reason : __( 'The message is no longer in the queue. Resend it to try again.', 'gp-sync-for-woocommerce' );
			return $status;
		}
		$status['state']    = self::NOT_SENT;
		$status['headline'] = __( 'Not sent to GP', 'gp-sync-for-woocommerce' );
		if ( null !== $row && OutboxStatus::DISCARDED === $row->status ) {
			$status['detail'] = '' !== (string) $row->last_error_message ? (string) $row->last_error_message : __( 'The message was discarded.', 'gp-sync-for-woocommerce' );
		} elseif ( null !== $row && OutboxStatus::DONE === $row->status && 'skipped' === ( $row->gp_ids['outcome'] ?? '' ) ) {
			$status['detail'] = '' !== $reason ? $reason : __( 'The status map says there is nothing to do in GP for this status.', 'gp-sync-for-woocommerce' );
		} elseif ( '' !== $reason ) {
			$status['detail'] = $reason;
		} else {
			$status['detail'] = __( 'Nothing has been sent for this order yet.', 'gp-sync-for-woocommerce' );
		}
		return $status;
	}

	/**
	 * @param array<string,mixed> $status
	 * @return array<string,mixed>
	 */
	private function waiting( array $status, OutboxRow $row ): array {
		$status['state']            = self::WAITING;
		$status['headline']         = __( 'Waiting to be sent to GP', 'gp-sync-for-woocommerce' );
		$status['next_attempt_gmt'] = $row->next_attempt_at_gmt;
		if ( OutboxStatus::RETRY === $row->status && null !== $row->last_error_code ) {
			/* translators: 1: error code, 2: error message */
			$status['detail'] = sprintf( __( 'The last attempt did not get through (%1$s: %2$s). GP Sync tries again by itself.', 'gp-sync-for-woocommerce' ), $row->last_error_code, (string) $row->last_error_message );
		} elseif ( OutboxStatus::IN_FLIGHT === $row->status ) {
			$status['detail'] = __( 'Being sent now.', 'gp-sync-for-woocommerce' );
		} else {
			$status['detail'] = __( 'In the queue; it goes out within a minute.', 'gp-sync-for-woocommerce' );
		}
		return $status;
	}

	/**
	 * @param array<string,mixed> $status
	 * @return array<string,mixed>
	 */
	private function failed( array $status, OutboxRow $row, \WC_Order $order ): array {
		$code             = (string) $row->last_error_code;
		$field            = (string) $row->last_error_field;
		$details          = is_array( $row->last_response['details'] ?? null ) ? $row->last_response['details'] : [];
		$path             = is_string( $details['path'] ?? null ) ? $details['path'] : '';
		$status['state']  = self::FAILED;
		$status['error']  = [
			'code'    => $code,
			'message' => (string) $row->last_error_message,
			'field'   => $field,
			'path'    => $path,
		];
		$status['advice'] = DeadLetterAdvice::for_order( $code, $field, $order, self::named_skus( $details ), $path );
		/* translators: %s: the bridge's error code, e.g. unknown_sku */
		$status['headline'] = sprintf( __( 'GP did not accept this order (%s)', 'gp-sync-for-woocommerce' ), $code );
		$status['detail']   = (string) $row->last_error_message;
		return $status;
	}

	/**
	 * The item numbers the bridge's last answer named: `details.skus` (unknown_sku), `details.value` (a value
	 * too long, e.g. the SKU).
	 *
	 * @param array<mixed> $details
	 * @return list<string>
	 */
	private static function named_skus( array $details ): array {
		$skus = isset( $details['skus'] ) && is_array( $details['skus'] ) ? $details['skus'] : [];
		if ( isset( $details['value'] ) && is_scalar( $details['value'] ) ) {
			$skus[] = $details['value'];
		}
		return array_values( array_map( 'strval', array_filter( $skus, 'is_scalar' ) ) );
	}
}
