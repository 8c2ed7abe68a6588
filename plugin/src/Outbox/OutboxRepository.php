<?php
/**
 * Every statement on the outbox table except its DDL.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Exception\OutboxQueryFailed;
use GPSync\Scheduler\SchedulerInterface;
use GPSync\Settings\SettingsKeys;

/**
 * Rows move pending → in_flight (claimed with a token and a lease) → done | retry | dead, or → discarded.
 * Writes after a claim go by primary key AND claim token, so a worker whose lease expired and whose rows were
 * re-claimed cannot overwrite the newer worker's outcome (AS `release_claim` goes by primary key for the
 * same reason: updating through the claim index deadlocks against concurrent claimers).
 */
class OutboxRepository {

	/** Seconds between async dispatch kicks from one process; the minute sweep catches anything in between. */
	private const KICK_INTERVAL = 5;

	private OutboxTable $table;
	private ?SchedulerInterface $scheduler;
	private QueueSearchTargets $search_targets;
	private int $capture_paused = 0;
	private float $last_kick    = 0.0;

	public function __construct( OutboxTable $table, ?SchedulerInterface $scheduler = null, ?QueueSearchTargets $search_targets = null ) {
		$this->table          = $table;
		$this->scheduler      = $scheduler;
		$this->search_targets = $search_targets ?? new QueueSearchTargets();
	}

	public function table_name(): string {
		return $this->table->name();
	}

	/**
	 * Records that an entity changed. Several enqueues before dispatch coalesce into one waiting row (latest
	 * event wins); the payload is built at dispatch time, so the latest state is what is sent. No network I/O:
	 * at most an async dispatch is scheduled.
	 *
	 * @param string $kind customer|product|order|refund.
	 * @return int the row id; 0 while capture is paused (see without_capture()).
	 */
	public function enqueue( string $kind, int $entity_id, string $event ): int {
		if ( $this->capture_paused > 0 ) {
			return 0;
		}
		if ( ! in_array( $kind, OutboxStatus::KINDS, true ) || $entity_id <= 0 ) {
			throw new \InvalidArgumentException( sprintf( 'Cannot enqueue kind "%s" for entity %d.', $kind, $entity_id ) );
		}
		$event = substr( $event, 0, 64 );
		// Two requests can enqueue the same entity at once (a status change and a refund, two admins): the
		// guarded INSERT adds a row only while none waits, so they end with one waiting row, never two. When
		// the other request's row appeared in between, the next round absorbs the event into it.
		for ( $round = 1; $round <= self::ENQUEUE_ROUNDS; $round++ ) {
			$waiting_id = $this->absorb_into_waiting_row( $kind, $entity_id, $event );
			if ( $waiting_id > 0 ) {
				$this->kick();
				return $waiting_id;
			}
			$inserted_id = $this->insert_unless_waiting( $kind, $entity_id, $event );
			if ( $inserted_id > 0 ) {
				// Read before kick(): scheduling the dispatch inserts Action Scheduler rows, which moves insert_id.
				$this->kick();
				return $inserted_id;
			}
		}
		throw OutboxQueryFailed::from_wpdb( 'enqueue', sprintf( 'no waiting row for %s %d after %d rounds', $kind, $entity_id, self::ENQUEUE_ROUNDS ) );
	}

	/** Rounds of absorb-or-insert before enqueue() gives up (each round loses only to a concurrent claim). */
	private const ENQUEUE_ROUNDS = 5;

	/**
	 * A waiting, unclaimed row of the entity absorbs the event. The UPDATE re-checks the guard, so a row
	 * claimed between the SELECT and the UPDATE is left alone.
	 *
	 * @return int the row that absorbed the event, 0 when none waits.
	 */
	private function absorb_into_waiting_row( string $kind, int $entity_id, string $event ): int {
		global $wpdb;
		$table      = $this->table->name();
		$waiting_id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM `$table` WHERE kind = %s AND entity_id = %d AND status IN ('pending','retry') AND claim_token IS NULL ORDER BY id DESC LIMIT 1", $kind, $entity_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( $waiting_id <= 0 ) {
			return 0;
		}
		$updated = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET event = %s, updated_at_gmt = %s WHERE id = %d AND status IN ('pending','retry') AND claim_token IS NULL", $event, self::now_gmt(), $waiting_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		// MySQL counts changed rows, not matched ones: the same event again within the same second changes
		// nothing and reports 0. The row has absorbed the event all the same when it still waits unclaimed.
		if ( 1 === $updated || ( 0 === $updated && $this->is_waiting( $waiting_id ) ) ) {
			return $waiting_id;
		}
		return 0;
	}

	/**
	 * A statement that lost a race with a concurrent one and was rolled back whole, so running it again is safe:
	 * an InnoDB deadlock victim, or MariaDB's "Failed to read auto-increment value from storage engine" (1467),
	 * which an INSERT … SELECT can get while another such statement holds the table's auto-increment lock.
	 */
	private static function is_lost_race( string $error ): bool {
		return false !== strpos( $error, 'Deadlock' ) || false !== stripos( $error, 'auto-increment value' );
	}

	/**
	 * One statement that inserts a pending row only while no unclaimed row of the entity waits (the
	 * INSERT … SELECT … WHERE NOT EXISTS that Action Scheduler uses for unique actions). InnoDB's locking read
	 * in the subquery serialises two such statements for one entity; the loser of a deadlock between them
	 * was rolled back whole and is simply run again.
	 *
	 * @return int the new row's id, 0 when a waiting row exists.
	 */
	private function insert_unless_waiting( string $kind, int $entity_id, string $event ): int {
		global $wpdb;
		$table = $this->table->name();
		$now   = self::now_gmt();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $table is our own table name.
		$sql = $wpdb->prepare(
			"INSERT INTO `$table` ( message_uuid, kind, entity_id, event, status, next_attempt_at_gmt, created_at_gmt, updated_at_gmt )
			SELECT %s, %s, %d, %s, 'pending', %s, %s, %s FROM DUAL
			WHERE NOT EXISTS ( SELECT 1 FROM `$table` AS waiting WHERE waiting.kind = %s AND waiting.entity_id = %d AND waiting.status IN ('pending','retry') AND waiting.claim_token IS NULL )",
			wp_generate_uuid4(),
			$kind,
			$entity_id,
			$event,
			$now,
			$now,
			$now,
			$kind,
			$entity_id
		);
		// phpcs:enable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		for ( $attempt = 1; ; $attempt++ ) {
			$inserted = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
			if ( false !== $inserted || $attempt >= self::CLAIM_DEADLOCK_ATTEMPTS || ! self::is_lost_race( (string) $wpdb->last_error ) ) {
				break;
			}
			usleep( random_int( 2000, 20000 ) );
		}
		if ( false === $inserted ) {
			throw OutboxQueryFailed::from_wpdb( 'insert', (string) $wpdb->last_error );
		}
		return 1 === (int) $inserted ? (int) $wpdb->insert_id : 0;
	}

	/** Does the entity have a message waiting, retrying or in flight? */
	public function has_open_row( string $kind, int $entity_id ): bool {
		global $wpdb;
		$table = $this->table->name();
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM `$table` WHERE kind = %s AND entity_id = %d AND status IN ('pending','retry','in_flight') LIMIT 1", $kind, $entity_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/** Is this row still waiting for dispatch and unclaimed? */
	public function is_waiting( int $id ): bool {
		global $wpdb;
		$table = $this->table->name();
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM `$table` WHERE id = %d AND status IN ('pending','retry') AND claim_token IS NULL", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Runs $work with capture paused, so writing GP ids back onto an order does not enqueue that order again.
	 *
	 * @template T
	 * @param callable(): T $work
	 * @return T
	 */
	public function without_capture( callable $work ) {
		++$this->capture_paused;
		try {
			return $work();
		} finally {
			--$this->capture_paused;
		}
	}

	public function is_capture_paused(): bool {
		return $this->capture_paused > 0;
	}

	/**
	 * Claims up to $limit due rows for this worker: one UPDATE stamps a fresh token and a lease on them in id
	 * order, then a SELECT by token reads them. Rows whose lease expired (a worker died mid-batch) are due too.
	 *
	 * @return list<OutboxRow>
	 */
	public function claim( int $limit, int $lease_seconds ): array {
		global $wpdb;
		$table = $this->table->name();
		$token = bin2hex( random_bytes( 16 ) );
		$now   = self::now_gmt();
		$lease = self::gmt( time() + $lease_seconds );

		// Workers claiming at the same instant can make InnoDB pick one UPDATE as a deadlock victim (its range
		// locks over the status/time index cross another's). The victim statement is rolled back whole and
		// claimed nothing, so trying it again after a short random pause is safe; only other errors are thrown.
		for ( $attempt = 1; ; $attempt++ ) {
			$claimed = $this->stamp_claim( $table, $token, $lease, $now, $limit );
			if ( false !== $claimed || $attempt >= self::CLAIM_DEADLOCK_ATTEMPTS || false === strpos( (string) $wpdb->last_error, 'Deadlock' ) ) {
				break;
			}
			usleep( random_int( 2000, 20000 ) );
		}
		if ( false === $claimed ) {
			throw OutboxQueryFailed::from_wpdb( 'claim', (string) $wpdb->last_error );
		}
		if ( 0 === $claimed ) {
			return [];
		}
		return self::masters_first( $this->rows_where( 'claim_token = %s', [ $token ] ) );
	}

	/**
	 * Customers and products before orders and refunds, each in id order: the bridge runs a batch in order, so a
	 * product saved with its corrected GP item number reaches GP before the order retried after it, even when the
	 * order's row is older.
	 *
	 * @param list<OutboxRow> $rows
	 * @return list<OutboxRow>
	 */
	private static function masters_first( array $rows ): array {
		$rank = static function ( OutboxRow $row ): int {
			return in_array( $row->kind, [ 'customer', 'product' ], true ) ? 0 : 1;
		};
		usort(
			$rows,
			static function ( OutboxRow $a, OutboxRow $b ) use ( $rank ): int {
				return [ $rank( $a ), $a->id ] <=> [ $rank( $b ), $b->id ];
			}
		);
		return $rows;
	}

	/** How often claim() runs its UPDATE when InnoDB makes it a deadlock victim. */
	private const CLAIM_DEADLOCK_ATTEMPTS = 5;

	/**
	 * The claim UPDATE: stamps $token and a lease on up to $limit due rows in id order.
	 *
	 * @return int|false rows stamped, or false on a database error ($wpdb->last_error says which).
	 */
	private function stamp_claim( string $table, string $token, string $lease, string $now, int $limit ) {
		global $wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $table is our own table name.
		$claimed = $wpdb->query(
			$wpdb->prepare(
				"UPDATE `$table` SET claim_token = %s, lease_expires_at_gmt = %s, status = 'in_flight', updated_at_gmt = %s
				WHERE ( status IN ('pending','retry') AND next_attempt_at_gmt <= %s )
				   OR ( status = 'in_flight' AND lease_expires_at_gmt < %s )
				ORDER BY id LIMIT %d",
				$token,
				$lease,
				$now,
				$now,
				$now,
				$limit
			)
		);
		// phpcs:enable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return false === $claimed ? false : (int) $claimed;
	}

	/**
	 * @param array<string,mixed> $gp_ids
	 * @param array<string,mixed> $response
	 */
	public function mark_done( OutboxRow $row, array $gp_ids, array $response ): bool {
		return $this->finish(
			$row,
			[
				'status'             => OutboxStatus::DONE,
				'gp_ids'             => (string) wp_json_encode( $gp_ids ),
				'last_response'      => (string) wp_json_encode( $response ),
				'last_error_code'    => null,
				'last_error_message' => null,
				'last_error_field'   => null,
				'attempt_history'    => self::history( $row, OutboxStatus::DONE, null, null, $gp_ids ),
			]
		);
	}

	/**
	 * @param bool                     $bounded true: counts toward max_attempts; false: unavailability, never counted.
	 * @param array<string,mixed>|null $response
	 */
	public function mark_retry( OutboxRow $row, string $code, string $message, int $next_attempt_at, bool $bounded, ?array $response = null ): bool {
		$fields = [
			'status'              => OutboxStatus::RETRY,
			'next_attempt_at_gmt' => self::gmt( $next_attempt_at ),
			'last_error_code'     => substr( $code, 0, 64 ),
			'last_error_message'  => $message,
			'last_error_field'    => null,
			// No response: the bridge never answered, so this was the transport failing, not GP refusing.
			'attempt_history'     => self::history( $row, null === $response ? AttemptHistory::TRANSPORT_FAILURE : OutboxStatus::RETRY, $code, $message ),
		];
		if ( $bounded ) {
			$fields['attempts'] = $row->attempts + 1;
		} else {
			$fields['unavailable_attempts'] = $row->unavailable_attempts + 1;
		}
		if ( null !== $response ) {
			$fields['last_response'] = (string) wp_json_encode( $response );
		}
		return $this->finish( $row, $fields );
	}

	/** @param array<string,mixed> $response */
	public function mark_dead( OutboxRow $row, string $code, string $message, ?string $field, array $response, bool $count_attempt = true ): bool {
		return $this->finish(
			$row,
			[
				'status'             => OutboxStatus::DEAD,
				'attempts'           => $row->attempts + ( $count_attempt ? 1 : 0 ),
				'last_error_code'    => substr( $code, 0, 64 ),
				'last_error_message' => $message,
				'last_error_field'   => null === $field ? null : substr( $field, 0, 191 ),
				'last_response'      => (string) wp_json_encode( $response ),
				'attempt_history'    => self::history( $row, OutboxStatus::DEAD, $code, $message ),
			]
		);
	}

	/** The entity is gone (builder returned null): nothing to send, kept for the record. */
	public function mark_discarded( OutboxRow $row, string $reason ): bool {
		return $this->finish(
			$row,
			[
				'status'             => OutboxStatus::DISCARDED,
				'last_error_code'    => 'entity_missing',
				'last_error_message' => $reason,
				'attempt_history'    => self::history( $row, OutboxStatus::DISCARDED, 'entity_missing', $reason ),
			]
		);
	}

	public function find( int $id ): ?OutboxRow {
		$rows = $this->rows_where( 'id = %d', [ $id ] );
		return $rows[0] ?? null;
	}

	public function find_by_uuid( string $uuid ): ?OutboxRow {
		$rows = $this->rows_where( 'message_uuid = %s', [ $uuid ] );
		return $rows[0] ?? null;
	}

	/** @return list<OutboxRow> rows of one entity, newest first */
	public function for_entity( string $kind, int $entity_id ): array {
		return $this->rows_where( 'kind = %s AND entity_id = %d ORDER BY id DESC', [ $kind, $entity_id ], false );
	}

	/**
	 * Entities of one kind with a row GP has not taken yet (waiting, in flight, retrying or dead), each with the
	 * newest such row's last change, so a reader can cache what it derived from the entity until the row moves.
	 *
	 * @return array<int,string> entity id => updated_at_gmt
	 */
	public function unfinished_entities( string $kind ): array {
		global $wpdb;
		$table = $this->table->name();
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT entity_id, MAX(updated_at_gmt) AS changed FROM `$table` WHERE kind = %s AND status IN ('pending','in_flight','retry','dead') GROUP BY entity_id", $kind ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! is_array( $rows ) ) {
			throw OutboxQueryFailed::from_wpdb( 'select', (string) $wpdb->last_error );
		}
		$entities = [];
		foreach ( $rows as $row ) {
			$entities[ (int) $row['entity_id'] ] = (string) $row['changed'];
		}
		return $entities;
	}

	/**
	 * Puts a dead, retry or discarded row back in the queue, due now, with its bounded attempts reset.
	 * In-flight and done rows are left alone (resend a done entity with enqueue()).
	 */
	public function requeue( int $id ): bool {
		global $wpdb;
		$table = $this->table->name();
		$now   = self::now_gmt();
		$done  = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'pending', attempts = 0, next_attempt_at_gmt = %s, claim_token = NULL, lease_expires_at_gmt = NULL, updated_at_gmt = %s WHERE id = %d AND status IN ('dead','retry','discarded')", $now, $now, $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( 1 === $done ) {
			$this->kick();
		}
		return 1 === $done;
	}

	/** Requeues every dead row; returns how many. */
	public function requeue_all_dead(): int {
		global $wpdb;
		$table = $this->table->name();
		$now   = self::now_gmt();
		$count = (int) $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'pending', attempts = 0, next_attempt_at_gmt = %s, claim_token = NULL, lease_expires_at_gmt = NULL, updated_at_gmt = %s WHERE status = 'dead'", $now, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( $count > 0 ) {
			$this->kick();
		}
		return $count;
	}

	/** Makes every waiting retry row due now (after the bridge is back, or from `wp gp-sync retry --all`). */
	public function make_retries_due(): int {
		global $wpdb;
		$table = $this->table->name();
		$now   = self::now_gmt();
		return (int) $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET next_attempt_at_gmt = %s, updated_at_gmt = %s WHERE status = 'retry' AND claim_token IS NULL", $now, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/** Discards a row that is not in flight and not done. */
	public function discard( int $id, string $reason ): bool {
		global $wpdb;
		$table = $this->table->name();
		$done  = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'discarded', last_error_code = 'discarded_by_user', last_error_message = %s, claim_token = NULL, updated_at_gmt = %s WHERE id = %d AND status IN ('pending','retry','dead')", $reason, self::now_gmt(), $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return 1 === $done;
	}

	/**
	 * A page of rows for the admin list and WP-CLI.
	 *
	 * @param array{status?:string, kind?:string, search?:string, from?:string, to?:string} $filters search matches entity id, message id, error code, or the entities an e-mail, SKU or GP item number names (QueueSearchTargets); from/to are Y-m-d days (UTC) of creation.
	 * @return array{rows: list<OutboxRow>, total: int}
	 */
	public function search( array $filters, int $page, int $per_page ): array {
		$where  = [ '1=1' ];
		$params = [];
		if ( ! empty( $filters['status'] ) && in_array( $filters['status'], OutboxStatus::ALL, true ) ) {
			$where[]  = 'status = %s';
			$params[] = $filters['status'];
		}
		if ( ! empty( $filters['kind'] ) && in_array( $filters['kind'], OutboxStatus::KINDS, true ) ) {
			$where[]  = 'kind = %s';
			$params[] = $filters['kind'];
		}
		foreach ( [
			'from' => '>=',
			'to'   => '<',
		] as $key => $operator ) {
			$day = (string) ( $filters[ $key ] ?? '' );
			if ( 1 === preg_match( '/^\d{4}-\d{2}-\d{2}$/', $day ) ) {
				// "to" is inclusive for the user: rows before the next day's midnight.
				$where[]  = "created_at_gmt $operator %s";
				$params[] = 'to' === $key ? gmdate( 'Y-m-d 00:00:00', (int) strtotime( $day . ' +1 day UTC' ) ) : $day . ' 00:00:00';
			}
		}
		$search = trim( (string) ( $filters['search'] ?? '' ) );
		if ( '' !== $search ) {
			if ( ctype_digit( $search ) ) {
				$matches  = [ 'entity_id = %d' ];
				$params[] = (int) $search;
			} else {
				$matches  = [ 'message_uuid = %s', 'last_error_code = %s' ];
				$params[] = $search;
				$params[] = $search;
			}
			// An e-mail, SKU or GP item number (a SKU may be all digits) names entities: their rows match too.
			foreach ( $this->search_targets->resolve( $search ) as $kind => $entity_ids ) {
				$matches[] = '( kind = %s AND entity_id IN (' . implode( ',', array_fill( 0, count( $entity_ids ), '%d' ) ) . ') )';
				$params    = array_merge( $params, [ $kind ], $entity_ids );
			}
			$where[] = '( ' . implode( ' OR ', $matches ) . ' )';
		}
		global $wpdb;
		$table = $this->table->name();
		$sql   = implode( ' AND ', $where );
		// Dead letters first, then newest: what needs a human is at the top.
		$order = "CASE status WHEN 'dead' THEN 0 WHEN 'retry' THEN 1 ELSE 2 END, id DESC";
		$total = (int) $wpdb->get_var( [] === $params ? "SELECT COUNT(*) FROM `$table` WHERE $sql" : $wpdb->prepare( "SELECT COUNT(*) FROM `$table` WHERE $sql", $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- the placeholders are in $sql, built above from fixed fragments.
		$rows  = $this->rows_where( "$sql ORDER BY $order LIMIT %d OFFSET %d", array_merge( $params, [ $per_page, max( 0, ( $page - 1 ) * $per_page ) ] ), false );
		return [
			'rows'  => $rows,
			'total' => $total,
		];
	}

	/** @return array<string,int> every status with its row count (zeros included) */
	public function counts_by_status(): array {
		global $wpdb;
		$table = $this->table->name();
		return self::status_counts( (array) $wpdb->get_results( "SELECT status, COUNT(*) AS n FROM `$table` GROUP BY status", ARRAY_A ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Rows of one kind written since a moment, by status (zeros included): how far a backfill's rows have got.
	 *
	 * @return array<string,int>
	 */
	public function counts_by_status_since( string $kind, string $since_gmt ): array {
		global $wpdb;
		$table = $this->table->name();
		return self::status_counts( (array) $wpdb->get_results( $wpdb->prepare( "SELECT status, COUNT(*) AS n FROM `$table` WHERE kind = %s AND updated_at_gmt >= %s GROUP BY status", $kind, $since_gmt ), ARRAY_A ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- our own table; progress must be live.
	}

	/**
	 * @param array<mixed> $rows status, n
	 * @return array<string,int> every status (zeros included)
	 */
	private static function status_counts( array $rows ): array {
		$counts = array_fill_keys( OutboxStatus::ALL, 0 );
		foreach ( $rows as $row ) {
			$counts[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $counts;
	}

	/**
	 * Rows finished per hour over the last $hours hours (done, and dead), oldest hour first, empty hours included.
	 *
	 * @return list<array{hour_gmt:string, done:int, failed:int}>
	 */
	public function throughput_by_hour( int $hours ): array {
		global $wpdb;
		$table = $this->table->name();
		$first = (int) ( floor( time() / 3600 ) * 3600 ) - ( $hours - 1 ) * 3600;
		$rows  = (array) $wpdb->get_results( $wpdb->prepare( "SELECT DATE_FORMAT(updated_at_gmt, '%%Y-%%m-%%d %%H:00:00') AS hour_gmt, SUM(status = 'done') AS done, SUM(status = 'dead') AS failed FROM `$table` WHERE status IN ('done','dead') AND updated_at_gmt >= %s GROUP BY hour_gmt", self::gmt( $first ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$found = [];
		foreach ( $rows as $row ) {
			$found[ (string) $row['hour_gmt'] ] = $row;
		}
		$hours_list = [];
		for ( $i = 0; $i < $hours; $i++ ) {
			$hour         = self::gmt( $first + $i * 3600 );
			$hours_list[] = [
				'hour_gmt' => $hour,
				'done'     => (int) ( $found[ $hour ]['done'] ?? 0 ),
				'failed'   => (int) ( $found[ $hour ]['failed'] ?? 0 ),
			];
		}
		return $hours_list;
	}

	/**
	 * The most recently failed rows (dead, or retrying with an error), newest first.
	 *
	 * @return list<OutboxRow>
	 */
	public function latest_errors( int $limit ): array {
		return $this->rows_where( "status IN ('dead','retry') AND last_error_code IS NOT NULL ORDER BY updated_at_gmt DESC LIMIT %d", [ $limit ], false );
	}

	/** Age in seconds of the oldest row still waiting to reach GP (pending, retry or in flight); null when none. */
	public function oldest_waiting_age(): ?int {
		global $wpdb;
		$table  = $this->table->name();
		$oldest = $wpdb->get_var( "SELECT MIN(created_at_gmt) FROM `$table` WHERE status IN ('pending','retry','in_flight')" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( null === $oldest ) {
			return null;
		}
		return max( 0, time() - (int) strtotime( $oldest . ' UTC' ) );
	}

	/** Rows that can be sent now (for the circuit probe decision and the CLI). */
	public function due_count(): int {
		global $wpdb;
		$table = $this->table->name();
		$now   = self::now_gmt();
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$table` WHERE ( status IN ('pending','retry') AND next_attempt_at_gmt <= %s ) OR ( status = 'in_flight' AND lease_expires_at_gmt < %s )", $now, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * The row's attempt history with this outcome in front, as the column stores it.
	 *
	 * @param array<string,mixed>|null $gp_ids
	 */
	private static function history( OutboxRow $row, string $outcome, ?string $code, ?string $message, ?array $gp_ids = null ): string {
		return (string) wp_json_encode( AttemptHistory::prepend( $row->attempt_history, $outcome, $code, $message, $gp_ids ) );
	}

	public static function now_gmt(): string {
		return self::gmt( time() );
	}

	public static function gmt( int $timestamp ): string {
		return gmdate( 'Y-m-d H:i:s', $timestamp );
	}

	/**
	 * Writes the outcome of a claimed row, only while this worker still holds its claim.
	 *
	 * @param array<string,mixed> $fields
	 */
	private function finish( OutboxRow $row, array $fields ): bool {
		global $wpdb;
		foreach ( array_keys( $fields ) as $column ) {
			if ( ! in_array( $column, OutboxTable::COLUMNS, true ) ) {
				throw OutboxQueryFailed::unknown_column( (string) $column );
			}
		}
		$fields['claim_token']          = null;
		$fields['lease_expires_at_gmt'] = null;
		$fields['entity_version']       = $row->entity_version;
		$fields['updated_at_gmt']       = self::now_gmt();
		$where                          = [ 'id' => $row->id ];
		if ( null !== $row->claim_token ) {
			$where['claim_token'] = $row->claim_token;
		}
		$updated = $wpdb->update( $this->table->name(), $fields, $where );
		if ( false === $updated ) {
			throw OutboxQueryFailed::from_wpdb( 'update', (string) $wpdb->last_error );
		}
		return 1 === $updated;
	}

	/**
	 * @param list<mixed> $params
	 * @return list<OutboxRow>
	 */
	private function rows_where( string $where_sql, array $params, bool $order_by_id = true ): array {
		global $wpdb;
		$table = $this->table->name();
		$sql   = "SELECT * FROM `$table` WHERE $where_sql" . ( $order_by_id ? ' ORDER BY id' : '' );
		$rows  = $wpdb->get_results( $wpdb->prepare( $sql, $params ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- $where_sql is ours, values are placeholders.
		return array_values( array_map( [ OutboxRow::class, 'from_db' ], is_array( $rows ) ? $rows : [] ) );
	}

	private function kick(): void {
		if ( null === $this->scheduler ) {
			return;
		}
		$now = microtime( true );
		if ( $now - $this->last_kick < self::KICK_INTERVAL ) {
			return;
		}
		$this->last_kick = $now;
		$this->scheduler->enqueue_async( SettingsKeys::HOOK_DISPATCH );
	}
}
