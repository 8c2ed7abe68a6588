<?php
/**
 * A real bridge (the repository's built bridge/dist, as production runs it) in SQL mode, pointed at a local
 * port nothing listens on: GP's SQL Server refuses the connection at the driver. Nothing is faked; GP is down.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\CoreSupport;

final class GpDownBridge {

	/** @var resource */
	private $process;
	public int $port;
	public int $sql_port;
	public string $secret;

	public function __construct() {
		$cli = dirname( __DIR__, 5 ) . '/bridge/dist/cli.js';
		if ( ! is_file( $cli ) ) {
			throw new \RuntimeException( "the bridge is not built ($cli); scripts/stack/up.sh builds it" );
		}
		$this->port     = FakeBridge::free_port();
		$this->sql_port = FakeBridge::free_port();
		$this->secret   = 'gp-down-bridge-secret-' . bin2hex( random_bytes( 8 ) );
		$env            = [
			'GPSYNC_GP_MODE'      => 'sql',
			'GPSYNC_SQL_SERVER'   => '127.0.0.1',
			'GPSYNC_SQL_PORT'     => (string) $this->sql_port,
			'GPSYNC_SQL_DATABASE' => 'TWO',
			'GPSYNC_SQL_USER'     => 'gpsync',
			'GPSYNC_SQL_PASSWORD' => 'unused-nothing-listens',
			'GPSYNC_LISTEN_HOST'  => '127.0.0.1',
			'GPSYNC_PORT'         => (string) $this->port,
			'GPSYNC_SECRET'       => $this->secret,
			'GPSYNC_LOG_LEVEL'    => 'warn',
		] + getenv();
		$pipes          = [];
		// setsid: stop() ends this process group only.
		$process = proc_open(
			[ 'setsid', 'node', $cli, 'serve' ],
			[
				0 => [ 'file', '/dev/null', 'r' ],
				1 => [ 'file', '/dev/null', 'w' ],
				2 => [ 'file', '/dev/null', 'w' ],
			],
			$pipes,
			dirname( $cli ),
			$env
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'cannot start the bridge' );
		}
		$this->process = $process;
		$deadline      = microtime( true ) + 20;
		while ( microtime( true ) < $deadline ) {
			$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			if ( false !== $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 100000 );
		}
		$this->stop();
		throw new \RuntimeException( 'the bridge did not listen on port ' . $this->port );
	}

	public function url(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	public function stop(): void {
		$pid = proc_get_status( $this->process )['pid'];
		if ( $pid > 0 ) {
			posix_kill( -$pid, SIGTERM );
		}
		proc_close( $this->process );
	}
}
