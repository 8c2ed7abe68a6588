<?php
/**
 * What a FaultBridge's sandbox GP holds (read through gp-ledger.mjs: PHP has no SQLite driver here).
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults\Support;

final class GpLedger {

	/** @return list<array{po: string, number: string, type: int, amount: string}> every SOP document, work and history */
	public static function documents( FaultBridge $bridge ): array {
		[ $code, $out ] = FaultProcesses::run( [ 'node', __DIR__ . '/gp-ledger.mjs', 'documents', $bridge->sandbox ] );
		$rows           = json_decode( $out, true );
		if ( 0 !== $code || ! is_array( $rows ) ) {
			throw new \RuntimeException( "gp-ledger failed: $out" );
		}
		return array_values( $rows );
	}

	/**
	 * Starts a watcher that SIGKILLs process $pid (the bridge, a database server) once the bridge's GP holds
	 * $documents SOP documents: a kill in the middle of a batch, at a point the test knows instead of a guessed
	 * delay. It prints "watching" once it polls, then the count it saw when it killed.
	 *
	 * @param array<int, mixed> $pipes set to the watcher's pipes
	 * @return resource the watcher
	 */
	public static function kill_after( FaultBridge $bridge, int $documents, int $pid, array &$pipes ) {
		return FaultProcesses::start(
			[ 'node', __DIR__ . '/gp-ledger.mjs', 'kill-after', $bridge->sandbox, (string) $documents, (string) $pid ],
			[],
			$bridge->dir . '/ledger.log',
			$pipes
		);
	}
}
