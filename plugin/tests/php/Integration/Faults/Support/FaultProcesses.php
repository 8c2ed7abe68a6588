<?php
/**
 * Starting and ending the helper processes of the fault-injection suite: each in its own process group
 * (setsid), so a kill reaches exactly what the test started and nothing else on the machine.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults\Support;

final class FaultProcesses {

	/** The repository root (this file is plugin/tests/php/Integration/Faults/Support/). */
	public static function repo_root(): string {
		return dirname( __DIR__, 6 );
	}

	/**
	 * @param list<string>          $command
	 * @param array<string, string> $env merged over this process's environment
	 * @param array<int, mixed>     $pipes set to the process's pipes
	 * @return resource
	 */
	public static function start( array $command, array $env, string $log_file, array &$pipes ) {
		$process = proc_open(
			array_merge( [ 'setsid' ], $command ),
			[
				0 => [ 'file', '/dev/null', 'r' ],
				1 => [ 'pipe', 'w' ],
				2 => [ 'file', $log_file, 'a' ],
			],
			$pipes,
			self::repo_root(),
			$env + getenv()
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'cannot start ' . implode( ' ', $command ) );
		}
		return $process;
	}

	/** @param resource $process ends its whole process group with $signal and reaps it */
	public static function end( $process, int $signal ): void {
		$status = proc_get_status( $process );
		if ( $status['running'] && $status['pid'] > 0 ) {
			posix_kill( -$status['pid'], $signal );
		}
		proc_close( $process );
	}

	/**
	 * Runs a short command to its end.
	 *
	 * @param list<string>          $command
	 * @param array<string, string> $env merged over this process's environment
	 * @return array{0: int, 1: string} exit code, and stdout (with stderr after it when the command failed)
	 */
	public static function run( array $command, array $env = [] ): array {
		$pipes   = [];
		$process = proc_open(
			$command,
			[
				0 => [ 'file', '/dev/null', 'r' ],
				1 => [ 'pipe', 'w' ],
				2 => [ 'pipe', 'w' ],
			],
			$pipes,
			self::repo_root(),
			$env + getenv()
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'cannot run ' . implode( ' ', $command ) );
		}
		$out = (string) stream_get_contents( $pipes[1] );
		$err = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$code = proc_close( $process );
		if ( 0 !== $code ) {
			$out .= $err;
		}
		return [ $code, $out ];
	}

	/** A local port nothing listens on (bound then released). */
	public static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
		if ( false === $socket ) {
			throw new \RuntimeException( "no free port: $errstr" );
		}
		$name = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );
		return (int) substr( $name, strrpos( $name, ':' ) + 1 );
	}

	public static function wait_for_http( string $url, float $seconds ): bool {
		$deadline = microtime( true ) + $seconds;
		while ( microtime( true ) < $deadline ) {
			$curl = curl_init( $url );
			curl_setopt_array(
				$curl,
				[
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 2,
				]
			);
			$answered = false !== curl_exec( $curl ) && curl_getinfo( $curl, CURLINFO_HTTP_CODE ) > 0;
			curl_close( $curl );
			if ( $answered ) {
				return true;
			}
			usleep( 100000 );
		}
		return false;
	}
}
