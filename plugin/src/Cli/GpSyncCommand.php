<?php
/**
 * `wp gp-sync …`.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Cli;

use GPSync\Outbox\Backfill;
use GPSync\Outbox\Circuit;
use GPSync\Outbox\OutboxDispatcher;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxRow;
use GPSync\Outbox\OutboxStatus;
use GPSync\Outbox\Recovery;
use GPSync\Inventory\InventorySync;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * Sends WooCommerce data to Microsoft Dynamics GP: queue status, retries, resends, backfills, inventory.
 */
final class GpSyncCommand {

	private OutboxRepository $outbox;
	private Recovery $recovery;
	private OutboxDispatcher $dispatcher;
	private Backfill $backfill;
	private InventorySync $inventory;
	private Circuit $circuit;
	private Settings $settings;

	public function __construct( OutboxRepository $outbox, Recovery $recovery, OutboxDispatcher $dispatcher, Backfill $backfill, InventorySync $inventory, Circuit $circuit, Settings $settings ) {
		$this->outbox     = $outbox;
		$this->recovery   = $recovery;
		$this->dispatcher = $dispatcher;
		$this->backfill   = $backfill;
		$this->inventory  = $inventory;
		$this->circuit    = $circuit;
		$this->settings   = $settings;
	}

	/**
	 * Shows queue counts by status, the oldest waiting message, the last success and the bridge state.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : table or json.
	 * ---
	 * default: table
	 * ---
	 *
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function status( array $args, array $assoc_args ): void {
		$counts  = $this->outbox->counts_by_status();
		$oldest  = $this->outbox->oldest_waiting_age();
		$success = (int) get_option( SettingsKeys::LAST_SUCCESS_OPTION, 0 );
		$circuit = $this->circuit->state();
		$auth    = get_option( SettingsKeys::AUTH_FAILURE_OPTION, false );
		$rows    = [];
		foreach ( $counts as $status => $count ) {
			$rows[] = [
				'field' => $status,
				'value' => (string) $count,
			];
		}
		$rows[] = [
			'field' => 'oldest_waiting_age_seconds',
			'value' => null === $oldest ? '-' : (string) $oldest,
		];
		$rows[] = [
			'field' => 'last_success_gmt',
			'value' => 0 === $success ? '-' : gmdate( 'c', $success ),
		];
		$rows[] = [
			'field' => 'bridge',
			'value' => null === $circuit ? 'ok' : 'unavailable since ' . gmdate( 'c', $circuit['opened_at'] ) . ' (' . $circuit['reason'] . ')',
		];
		$rows[] = [
			'field' => 'signature',
			'value' => is_array( $auth ) ? 'rejected (' . (string) ( $auth['code'] ?? '' ) . '): check the secret' : ( $this->settings->secret_set() ? 'set' : 'not set' ),
		];
		\WP_CLI\Utils\format_items( $assoc_args['format'] ?? 'table', $rows, [ 'field', 'value' ] );
	}

	/**
	 * Lists outbox messages, dead letters first.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<status>]
	 * : pending, in_flight, done, retry, dead or discarded.
	 *
	 * [--kind=<kind>]
	 * : customer, product, order or refund.
	 *
	 * [--search=<text>]
	 * : An entity id, a message id, an error code, an e-mail, a SKU or a GP item number (exact).
	 *
	 * [--limit=<n>]
	 * : How many rows.
	 * ---
	 * default: 50
	 * ---
	 *
	 * [--format=<format>]
	 * : table, csv or json.
	 * ---
	 * default: table
	 * ---
	 *
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function queue( array $args, array $assoc_args ): void {
		$status = $assoc_args['status'] ?? '';
		if ( '' !== $status && ! in_array( $status, OutboxStatus::ALL, true ) ) {
			\WP_CLI::error( 'Unknown status. Use one of: ' . implode( ', ', OutboxStatus::ALL ) );
		}
		$result = $this->outbox->search(
			[
				'status' => $status,
				'kind'   => $assoc_args['kind'] ?? '',
				'search' => $assoc_args['search'] ?? '',
			],
			1,
			max( 1, (int) ( $assoc_args['limit'] ?? 50 ) )
		);
		$items  = array_map(
			static function ( OutboxRow $row ): array {
				return [
					'id'        => $row->id,
					'kind'      => $row->kind,
					'entity_id' => $row->entity_id,
					'event'     => $row->event,
					'status'    => $row->status,
					'attempts'  => $row->attempts,
					'next'      => $row->next_attempt_at_gmt,
					'error'     => (string) $row->last_error_code,
					'field'     => (string) $row->last_error_field,
					'gp'        => null === $row->gp_ids ? '' : (string) wp_json_encode( $row->gp_ids ),
				];
			},
			$result['rows']
		);
		\WP_CLI\Utils\format_items( $assoc_args['format'] ?? 'table', $items, [ 'id', 'kind', 'entity_id', 'event', 'status', 'attempts', 'next', 'error', 'field', 'gp' ] );
		\WP_CLI::log( sprintf( '%d of %d shown.', count( $items ), $result['total'] ) );
	}

	/**
	 * Puts failed messages back in the queue.
	 *
	 * ## OPTIONS
	 *
	 * [<id>]
	 * : Outbox row id.
	 *
	 * [--all]
	 * : Every dead letter, and every waiting retry made due now.
	 *
	 * @param list<string>         $args
	 * @param array<string,string|bool> $assoc_args
	 */
	public function retry( array $args, array $assoc_args ): void {
		if ( isset( $assoc_args['all'] ) ) {
			\WP_CLI::success( sprintf( '%d message(s) queued again.', $this->recovery->retry_all() ) );
			return;
		}
		if ( ! isset( $args[0] ) || ! ctype_digit( $args[0] ) ) {
			\WP_CLI::error( 'Give an outbox row id, or --all.' );
		}
		if ( ! $this->recovery->retry( (int) $args[0] ) ) {
			\WP_CLI::error( sprintf( 'Row %d is not dead, retrying or discarded (or does not exist).', (int) $args[0] ) );
		}
		\WP_CLI::success( sprintf( 'Row %d queued again.', (int) $args[0] ) );
	}

	/**
	 * Sends an order to GP again from its current state.
	 *
	 * ## OPTIONS
	 *
	 * <order-id>
	 * : WooCommerce order id.
	 *
	 * [--kind=<kind>]
	 * : order (default), customer, product or refund: resend another kind of entity by id.
	 * ---
	 * default: order
	 * ---
	 *
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function resend( array $args, array $assoc_args ): void {
		$kind = $assoc_args['kind'] ?? 'order';
		if ( ! in_array( $kind, OutboxStatus::KINDS, true ) || ! isset( $args[0] ) || ! ctype_digit( $args[0] ) ) {
			\WP_CLI::error( 'Usage: wp gp-sync resend <id> [--kind=order|customer|product|refund]' );
		}
		$row_id = $this->recovery->resend( $kind, (int) $args[0] );
		\WP_CLI::success( sprintf( '%s %d queued (outbox row %d).', ucfirst( $kind ), (int) $args[0], $row_id ) );
	}

	/**
	 * Queues existing orders, customers or products created since a date.
	 *
	 * ## OPTIONS
	 *
	 * --kind=<kind>
	 * : order, customer or product.
	 *
	 * --from=<date>
	 * : YYYY-MM-DD (inclusive).
	 *
	 * [--batch=<n>]
	 * : Ids read per page.
	 * ---
	 * default: 200
	 * ---
	 *
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function backfill( array $args, array $assoc_args ): void {
		$kind  = $assoc_args['kind'] ?? '';
		$from  = $assoc_args['from'] ?? '';
		$batch = max( 1, min( 1000, (int) ( $assoc_args['batch'] ?? 200 ) ) );
		if ( ! in_array( $kind, [ 'order', 'customer', 'product' ], true ) ) {
			\WP_CLI::error( '--kind must be order, customer or product.' );
		}
		if ( ! preg_match( '/^\d{4}-\d{2}-\d{2}$/', $from ) || false === strtotime( $from ) ) {
			\WP_CLI::error( '--from must be a date, YYYY-MM-DD.' );
		}
		if ( ! $this->backfill->supports( $kind ) ) {
			\WP_CLI::warning( sprintf( 'Backfill of %ss needs WooCommerce; skipped.', $kind ) );
			return;
		}
		$total    = $this->backfill->count( $kind, $from );
		$progress = \WP_CLI\Utils\make_progress_bar( sprintf( 'Queueing %d %s(s)', $total, $kind ), $total );
		$queued   = $this->backfill->run(
			$kind,
			$from,
			$batch,
			static function ( int $count ) use ( $progress ): void {
				$progress->tick( $count );
			}
		);
		$progress->finish();
		\WP_CLI::success( sprintf( '%d %s(s) queued.', $queued, $kind ) );
	}

	/**
	 * Pulls stock from GP and updates managed-stock products whose GP item number (or SKU) matches, less what
	 * orders not yet in GP hold.
	 *
	 * ## OPTIONS
	 *
	 * [--full]
	 * : Start from scratch instead of the stored cursor.
	 *
	 * @param list<string>         $args
	 * @param array<string,string|bool> $assoc_args
	 */
	public function inventory( array $args, array $assoc_args ): void {
		if ( ! $this->inventory->is_available() ) {
			\WP_CLI::warning( 'Inventory needs WooCommerce; skipped.' );
			return;
		}
		$seen = 0;
		try {
			$totals = $this->inventory->sync(
				static function ( int $items, int $updated ) use ( &$seen ): void {
					$seen += $items;
					\WP_CLI::log( sprintf( '… %d GP items read, %d products updated on this page', $seen, $updated ) );
				},
				isset( $assoc_args['full'] )
			);
		} catch ( \Throwable $error ) {
			\WP_CLI::error( 'Inventory failed: ' . $error->getMessage() );
		}
		if ( $totals['unknown'] > 0 ) {
			\WP_CLI::warning( sprintf( '%d GP item number(s) match no product, left alone: %s%s', $totals['unknown'], implode( ', ', array_slice( $totals['unknown_items'], 0, 20 ) ), $totals['unknown'] > 20 ? ', …' : '' ) );
		}
		\WP_CLI::success( sprintf( '%d page(s), %d GP item(s): %d product(s) updated, %d unchanged, %d not managing stock, %d unknown, %d invalid; cursor %s.', $totals['pages'], $totals['items'], $totals['updated'], $totals['unchanged'], $totals['not_managed'], $totals['unknown'], $totals['invalid'], '' === $totals['cursor'] ? '-' : $totals['cursor'] ) );
	}

	/**
	 * Sends due messages now, in this process (what the scheduled job does).
	 *
	 * ## OPTIONS
	 *
	 * [--seconds=<n>]
	 * : Time budget.
	 * ---
	 * default: 60
	 * ---
	 *
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function dispatch( array $args, array $assoc_args ): void {
		$report = $this->dispatcher->run( max( 1, (int) ( $assoc_args['seconds'] ?? 60 ) ) );
		foreach ( $report->to_array() as $key => $value ) {
			\WP_CLI::log( sprintf( '%-16s %s', $key, is_bool( $value ) ? ( $value ? 'yes' : 'no' ) : (string) $value ) );
		}
		if ( '' !== $report->request_error ) {
			\WP_CLI::warning( 'The bridge did not take the batch: ' . $report->request_error . '. Messages stay queued.' );
			return;
		}
		\WP_CLI::success( sprintf( '%d sent: %d done, %d retry, %d dead.', $report->sent, $report->done, $report->retry, $report->dead ) );
	}
}
