<?php
/**
 * The bounded record of a row's delivery attempts.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

/**
 * Each outcome the dispatcher writes (done, retry, dead, discarded, or a transport failure before the bridge
 * answered) becomes one entry on the row, newest first. Only the last LIMIT are kept, so a message that
 * retries for days keeps its row small; the log has the rest.
 */
final class AttemptHistory {

	public const LIMIT = 20;

	/** The bridge did not answer (timeout, refused connection, bad signature): GP saw nothing. */
	public const TRANSPORT_FAILURE = 'transport_failure';

	/** Longest error message kept per entry; the row's last_error_message has the latest one whole. */
	private const MESSAGE_LENGTH = 500;

	/**
	 * @param list<array<string,mixed>> $history the row's entries, newest first
	 * @param array<string,mixed>|null  $gp_ids  what GP returned (done only)
	 * @return list<array<string,mixed>> the entries with this outcome in front, at most LIMIT
	 */
	public static function prepend( array $history, string $outcome, ?string $code, ?string $message, ?array $gp_ids = null ): array {
		$entry = [
			'at_gmt'  => OutboxRepository::now_gmt(),
			'outcome' => $outcome,
			'code'    => $code,
			'message' => null === $message ? null : mb_substr( $message, 0, self::MESSAGE_LENGTH ),
			'gp_ids'  => [] === $gp_ids ? null : $gp_ids,
		];
		return array_slice( array_merge( [ $entry ], $history ), 0, self::LIMIT );
	}
}
