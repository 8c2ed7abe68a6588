<?php
/**
 * A bridge of the fault suite's own: `gp-bridge serve` (the build the test stack made) on its own port, with
 * its own secret and its own sandbox GP file in a temporary folder, so a test can kill, restart or switch
 * its GP offline without touching the stack's bridge or another test's data.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults\Support;

final class FaultBridge {

	public string $dir;
	public string $sandbox;
	public string $secret;
	public int $port;
	/** @var resource|null */
	private $process = null;

	public function __construct() {
		if ( ! is_file( self::cli() ) ) {
			throw new \RuntimeException( 'bridge/dist/cli.js is missing: the test stack builds it (scripts/stack/up.sh test)' );
		}
		$this->dir = sys_get_temp_dir() . '/gpsync-faults-' . bin2hex( random_bytes( 6 ) );
		if ( ! mkdir( $this->dir, 0700 ) ) {
			throw new \RuntimeException( "cannot create {$this->dir}" );
		}
		$this->sandbox = $this->dir . '/sandbox-gp.sqlite';
		$this->secret  = bin2hex( random_bytes( 32 ) );
		$this->port    = FaultProcesses::free_port();
		$this->start();
	}

	public static function cli(): string {
		return FaultProcesses::repo_root() . '/bridge/dist/cli.js';
	}

	public function url(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	public function log_file(): string {
		return $this->dir . '/bridge.log';
	}

	/** Starts (or restarts, on the same sandbox file and port) the bridge and waits for /v1/health. */
	public function start(): void {
		$pipes         = [];
		$this->process = FaultProcesses::start( [ 'node', self::cli(), 'serve' ], $this->env(), $this->log_file(), $pipes );
		fclose( $pipes[1] );
		if ( ! FaultProcesses::wait_for_http( $this->url() . '/v1/health', 30 ) ) {
			throw new \RuntimeException( 'the fault bridge did not answer; log: ' . (string) file_get_contents( $this->log_file() ) );
		}
	}

	public function pid(): int {
		return null === $this->process ? 0 : (int) proc_get_status( $this->process )['pid'];
	}

	public function is_running(): bool {
		return null !== $this->process && proc_get_status( $this->process )['running'];
	}

	/** Reaps a bridge that something else killed (kill-after), or kills it now with SIGKILL. */
	public function kill9(): void {
		if ( null !== $this->process ) {
			FaultProcesses::end( $this->process, SIGKILL );
			$this->process = null;
		}
	}

	public function stop(): void {
		if ( null !== $this->process ) {
			FaultProcesses::end( $this->process, SIGTERM );
			$this->process = null;
		}
	}

	/** `gp-bridge sandbox offline|online`: GP becomes unreachable (or reachable) for the running bridge. */
	public function switch_gp( string $state ): void {
		[ $code, $out ] = FaultProcesses::run( [ 'node', self::cli(), 'sandbox', $state ], $this->env() );
		if ( 0 !== $code ) {
			throw new \RuntimeException( "gp-bridge sandbox $state failed: $out" );
		}
	}

	public function destroy(): void {
		$this->stop();
		foreach ( (array) glob( $this->dir . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->dir );
	}

	/** @return array<string, string> */
	private function env(): array {
		return [
			'GPSYNC_GP_MODE'      => 'sandbox',
			'GPSYNC_PORT'         => (string) $this->port,
			'GPSYNC_LISTEN_HOST'  => '127.0.0.1',
			'GPSYNC_SECRET'       => $this->secret,
			'GPSYNC_SANDBOX_PATH' => $this->sandbox,
			'GPSYNC_LOG_LEVEL'    => 'warn',
			'GPSYNC_SQL_SERVER'   => '',
		];
	}
}
