<?php
/**
 * Claims due rows, sends them to the bridge, applies the results.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Bridge\BridgeClient;
use GPSync\Exception\BridgeRequestFailed;
use GPSync\Logging\Logger;
use GPSync\Meta\GpIdsWriter;
use GPSync\Orders\OrderGateway;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * One run drains due rows batch by batch within a time budget. Nothing is lost on any failure: every claimed
 * row ends the batch as done, retry, dead or discarded, or stays in_flight until its lease expires and
 * another run re-claims it (a crashed worker).
 */
class OutboxDispatcher {

	/** Rows sent while the circuit is open: enough to tell "back" from "still down", small enough to be cheap. */
	public const PROBE_SIZE = 5;

	private OutboxRepository $outbox;
	private BridgeClient $bridge;
	private Settings $settings;
	private MessageFactory $messages;
	private GpIdsWriter $writer;
	private Circuit $circuit;
	private Logger $logger;
	private RefundDependency $dependency;
	/** @var (callable(int, int): int)|null */
	private $random;

	/**
	 * @param (callable(int, int): int)|null $random     jitter source (tests pin it).
	 * @param RefundDependency|null          $dependency Plugin.php passes the one built on the shared OrderGateway.
	 */
	public function __construct( OutboxRepository $outbox, BridgeClient $bridge, Settings $settings, MessageFactory $messages, GpIdsWriter $writer, Circuit $circuit, Logger $logger, ?callable $random = null, ?RefundDependency $dependency = null ) {
		$this->outbox     = $outbox;
		$this->bridge     = $bridge;
		$this->settings   = $settings;
		$this->messages   = $messages;
		$this->writer     = $writer;
		$this->circuit    = $circuit;
		$this->logger     = $logger;
		$this->random     = $random;
		$this->dependency = $dependency ?? new RefundDependency( $outbox, new OrderGateway() );
	}

	/**
	 * The job: drain while the bridge answers, or send one probe batch while the circuit is open.
	 *
	 * @param int $time_budget_seconds stop claiming new batches after this long (AS runs have a time limit).
	 */
	public function run( int $time_budget_seconds = 20 ): DispatchReport {
		$report = new DispatchReport();
		if ( $this->circuit->is_open() ) {
			// Probes are spaced by the lock's lifetime: a failed probe keeps it until it expires.
			if ( ! $this->circuit->try_acquire_probe( max( 30, $this->settings->request_timeout() ) ) ) {
				return $report;
			}
			$report->probe = true;
			$report->add( $this->dispatch_batch( min( self::PROBE_SIZE, $this->settings->batch_size() ) ) );
			if ( $this->circuit->is_open() ) {
				return $report;
			}
		}
		$deadline = microtime( true ) + $time_budget_seconds;
		do {
			$batch = $this->dispatch_batch( $this->settings->batch_size() );
			$report->add( $batch );
		} while ( $batch->claimed > 0 && ! $this->circuit->is_open() && microtime( true ) < $deadline );
		return $report;
	}

	/** Claims up to $limit due rows and sends them in one request. */
	public function dispatch_batch( int $limit ): DispatchReport {
		$this->messages->begin_batch();
		try {
			return $this->send_batch( $limit );
		} finally {
			$this->messages->end_batch();
		}
	}

	private function send_batch( int $limit ): DispatchReport {
		$report = new DispatchReport();
		$rows   = $this->outbox->claim( $limit, $this->settings->request_timeout() + 60 );
		if ( [] === $rows ) {
			return $report;
		}
		++$report->batches;
		$report->claimed = count( $rows );
		$this->messages->prime( $rows );

		/** @var array<string,OutboxRow> $by_id claimed rows that have a message, by message id */
		$by_id    = [];
		$messages = [];
		foreach ( $rows as $row ) {
			$message = $this->build( $row, $report );
			if ( null !== $message ) {
				$by_id[ $row->message_uuid ] = $row;
				$messages[]                  = $message;
			}
		}
		if ( [] === $messages ) {
			return $report;
		}

		try {
			$response = $this->bridge->send_messages( $this->messages->batch( $messages ) );
		} catch ( BridgeRequestFailed $failure ) {
			$this->fail_request( array_values( $by_id ), $failure, $report );
			return $report;
		}
		$report->sent = count( $messages );
		$this->bridge_answered();

		$this->writer->begin_results( $response['results'] );
		try {
			foreach ( $response['results'] as $result ) {
				$id  = (string) $result['id'];
				$row = $by_id[ $id ] ?? null;
				if ( null === $row ) {
					++$report->unknown_results;
					$this->logger->warning( 'The bridge returned a result for a message that was not sent; ignored.', [ 'message_id' => $id ] );
					continue;
				}
				unset( $by_id[ $id ] );
				$this->apply( $row, $result, $report );
			}
		} finally {
			$this->writer->end_results();
		}
		foreach ( $by_id as $row ) {
			// The bridge answered but said nothing about this row: send it again later.
			$this->retry_bounded( $row, 'no_result', 'The bridge returned no result for this message.', 0, null, $report );
			$this->logger->warning( 'No result for a sent message; it will be retried.', [ 'message_id' => $row->message_uuid ] );
		}
		return $report;
	}

	/** @return array<string,mixed>|null */
	private function build( OutboxRow $row, DispatchReport $report ): ?array {
		try {
			$message = $this->messages->build( $row );
		} catch ( \Throwable $error ) {
			// A WooCommerce-side failure: the row stays and is retried (bounded); the admin sees the error.
			$this->logger->error(
				'Building a payload failed.',
				[
					'row'   => $row->id,
					'kind'  => $row->kind,
					'error' => $error->getMessage(),
				]
			);
			$this->retry_bounded( $row, 'payload_build_failed', $error->getMessage(), 0, null, $report );
			return null;
		}
		if ( null === $message ) {
			$this->outbox->mark_discarded( $row, sprintf( 'The %s %d no longer exists.', $row->kind, $row->entity_id ) );
			++$report->discarded;
		}
		return $message;
	}

	/** @param array<string,mixed> $result */
	private function apply( OutboxRow $row, array $result, DispatchReport $report ): void {
		$status = (string) $result['status'];
		if ( 'done' === $status ) {
			$this->apply_done( $row, $result, $report );
			return;
		}
		$code    = (string) ( $result['code'] ?? 'unknown' );
		$message = (string) ( $result['message'] ?? '' );
		if ( 'retry' === $status ) {
			$this->apply_retry( $row, $code, $message, $result, $report );
			return;
		}
		if ( 'dead' === $status && LifecycleRules::is_cancel_of_unsent_order( $row->kind, $code ) ) {
			// A bridge from before the "not_in_gp" answer: a cancellation GP never needed is not an error.
			$this->finish_not_sent( $row, LifecycleRules::reason_cancelled_before_gp( $message ), $result, $report );
			return;
		}
		// dead, or a status this plugin does not know: a human has to look.
		$field   = isset( $result['field'] ) ? (string) $result['field'] : null;
		$details = isset( $result['details'] ) && is_array( $result['details'] ) ? $result['details'] : [];
		$this->finish_dead( $row, 'dead' === $status ? $code : 'unknown_result_status', $message, $field, $result, $details, $report );
	}

	/** @param array<string,mixed> $result */
	private function apply_done( OutboxRow $row, array $result, DispatchReport $report ): void {
		$gp       = isset( $result['gp'] ) && is_array( $result['gp'] ) ? $result['gp'] : [];
		$warnings = isset( $result['warnings'] ) && is_array( $result['warnings'] ) ? array_values( array_filter( $result['warnings'], 'is_array' ) ) : [];
		if ( 'skipped' === (string) ( $gp['outcome'] ?? '' ) ) {
			$this->finish_not_sent( $row, LifecycleRules::skipped_reason( $warnings ), $result, $report );
			return;
		}
		if ( $this->outbox->mark_done( $row, $gp, $result ) ) {
			$this->writer->write_done( $row->kind, $row->entity_id, $gp, $warnings );
		}
		++$report->done;
	}

	/** @param array<string,mixed> $result */
	private function finish_not_sent( OutboxRow $row, string $reason, array $result, DispatchReport $report ): void {
		$gp = isset( $result['gp'] ) && is_array( $result['gp'] ) ? $result['gp'] : [];
		if ( $this->outbox->mark_done( $row, $gp + [ 'outcome' => 'skipped' ], $result ) ) {
			$this->writer->write_not_sent( $row->kind, $row->entity_id, $reason );
		}
		++$report->done;
	}

	/** @param array<string,mixed> $result */
	private function apply_retry( OutboxRow $row, string $code, string $message, array $result, DispatchReport $report ): void {
		$hint = (int) ( $result['retry_after_seconds'] ?? 0 );
		if ( ( new RetryPolicy( $this->settings->max_attempts() ) )->is_unavailability( $code ) ) {
			if ( $this->outbox->mark_retry( $row, $code, $message, time() + $this->backoff()->delay( $row->unavailable_attempts + 1, $hint ), false, $result ) ) {
				$this->writer->write_waiting( $row->kind, $row->entity_id, $message );
			}
			// GP is down behind a live bridge: stop draining, probe until it is back.
			$this->circuit->open( $code );
			++$report->retry;
			return;
		}
		if ( 'refund' === $row->kind && LifecycleRules::DEPENDS_ON_PENDING === $code ) {
			// The refund's order is not in GP: make sure it is on its way; give up with a reason after max_attempts.
			$this->dependency->ensure_order_on_its_way( $row->entity_id );
			if ( ( new RetryPolicy( $this->settings->max_attempts() ) )->exhausted( $row->attempts ) ) {
				$this->finish_dead( $row, RefundDependency::GAVE_UP_CODE, $this->dependency->gave_up( $row->entity_id, $row->attempts + 1 ), 'order_number', $result, [], $report );
				return;
			}
		}
		$this->retry_bounded( $row, $code, $message, $hint, $result, $report );
	}

	/**
	 * The dead-letter outcome; meta and the order note only while this worker still holds the claim (a late
	 * worker whose lease expired must not overwrite what the newer one wrote), exactly like the done path.
	 *
	 * @param array<string,mixed> $response
	 * @param array<string,mixed> $details
	 */
	private function finish_dead( OutboxRow $row, string $code, string $message, ?string $field, array $response, array $details, DispatchReport $report ): void {
		if ( $this->outbox->mark_dead( $row, $code, $message, $field, $response ) ) {
			$this->writer->write_dead( $row->kind, $row->entity_id, $code, $message, $details );
		}
		++$report->dead;
	}

	/** @param array<string,mixed>|null $response */
	private function retry_bounded( OutboxRow $row, string $code, string $message, int $hint, ?array $response, DispatchReport $report ): void {
		$policy = new RetryPolicy( $this->settings->max_attempts() );
		if ( $policy->exhausted( $row->attempts ) ) {
			$this->finish_dead(
				$row,
				$code,
				$message,
				null,
				$response ?? [
					'code'    => $code,
					'message' => $message,
				],
				[],
				$report
			);
			return;
		}
		if ( $this->outbox->mark_retry( $row, $code, $message, time() + $this->backoff()->delay( $row->attempts + 1, $hint ), true, $response ) ) {
			$this->writer->write_waiting( $row->kind, $row->entity_id, $message );
		}
		++$report->retry;
	}

	/**
	 * The request failed as a whole: every row goes back to retry. Unavailability and 401 never spend a row's
	 * bounded attempts; a refused request (4xx: a client bug or version skew) does.
	 *
	 * @param list<OutboxRow> $rows
	 */
	private function fail_request( array $rows, BridgeRequestFailed $failure, DispatchReport $report ): void {
		$report->request_error = $failure->code_name();
		$this->logger->warning(
			'Sending a batch to the bridge failed; its messages stay queued.',
			[
				'code'        => $failure->code_name(),
				'http_status' => $failure->http_status(),
				'messages'    => count( $rows ),
				'error'       => $failure->getMessage(),
			]
		);
		switch ( $failure->kind() ) {
			case BridgeRequestFailed::REJECTED:
				foreach ( $rows as $row ) {
					$this->retry_bounded( $row, $failure->code_name(), $failure->getMessage(), 0, null, $report );
				}
				return;
			case BridgeRequestFailed::UNAUTHORIZED:
				update_option(
					SettingsKeys::AUTH_FAILURE_OPTION,
					[
						'code' => $failure->code_name(),
						'at'   => time(),
					],
					false
				);
				$this->circuit->open( $failure->code_name() );
				break;
			case BridgeRequestFailed::UNAVAILABLE:
				$this->circuit->open( $failure->code_name() );
				break;
		}
		foreach ( $rows as $row ) {
			$this->outbox->mark_retry( $row, $failure->code_name(), $failure->getMessage(), time() + $this->backoff()->delay( $row->unavailable_attempts + 1 ), false );
			++$report->retry;
		}
	}

	private function bridge_answered(): void {
		$this->circuit->close();
		update_option( SettingsKeys::LAST_SUCCESS_OPTION, time(), false );
		if ( false !== get_option( SettingsKeys::AUTH_FAILURE_OPTION, false ) ) {
			delete_option( SettingsKeys::AUTH_FAILURE_OPTION );
		}
	}

	private function backoff(): Backoff {
		return new Backoff( $this->settings->backoff_base_seconds(), $this->settings->backoff_cap_seconds(), $this->random );
	}
}
