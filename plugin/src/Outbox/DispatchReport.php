<?php
/**
 * What one dispatch run did (for logs, WP-CLI and tests).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

final class DispatchReport {

	public int $batches   = 0;
	public int $claimed   = 0;
	public int $sent      = 0;
	public int $done      = 0;
	public int $retry     = 0;
	public int $dead      = 0;
	public int $discarded = 0;
	/** Results whose id matched no claimed row (logged and ignored). */
	public int $unknown_results = 0;
	/** Code of the last whole-request failure, '' when none. */
	public string $request_error = '';
	public bool $probe           = false;

	public function add( self $other ): void {
		$this->batches         += $other->batches;
		$this->claimed         += $other->claimed;
		$this->sent            += $other->sent;
		$this->done            += $other->done;
		$this->retry           += $other->retry;
		$this->dead            += $other->dead;
		$this->discarded       += $other->discarded;
		$this->unknown_results += $other->unknown_results;
		if ( '' !== $other->request_error ) {
			$this->request_error = $other->request_error;
		}
		$this->probe = $this->probe || $other->probe;
	}

	/** @return array<string,int|string|bool> */
	public function to_array(): array {
		return get_object_vars( $this );
	}
}
