<?php
/**
 * Starts fake-bridge-router.php under `php -S` on a free local port for one test class.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\CoreSupport;

final class FakeBridge {

	/** @var resource */
	private $process;
	private int $port;
	public string $record_file;

	/** @param string $router a router script in this folder (scripted-bridge-router.php answers from a script file) */
	public function __construct( string $router = 'fake-bridge-router.php' ) {
		$this->port        = self::free_port();
		$this->record_file = (string) tempnam( sys_get_temp_dir(), 'gpsync-fake-bridge-' );
		$env               = [
			'GPSYNC_FAKE_RECORD'     => $this->record_file,
			'PHP_CLI_SERVER_WORKERS' => '3',
		] + getenv();
		$pipes             = [];
		// setsid: the server and its worker processes get their own process group, so stop() ends all of them
		// (and only them); otherwise workers outlive the test and keep inherited descriptors, such as a lock, open.
		$process = proc_open(
			[ 'setsid', PHP_BINARY, '-S', '127.0.0.1:' . $this->port, __DIR__ . '/' . $router ],
			[
				0 => [ 'file', '/dev/null', 'r' ],
				1 => [ 'file', '/dev/null', 'w' ],
				2 => [ 'file', '/dev/null', 'w' ],
			],
			$pipes,
			__DIR__,
			$env
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'cannot start php -S' );
		}
		$this->process = $process;
		$deadline      = microtime( true ) + 5;
		while ( microtime( true ) < $deadline ) {
			$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			if ( false !== $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( 'php -S did not start on port ' . $this->port );
	}

	public function url( string $mode ): string {
		return 'http://127.0.0.1:' . $this->port . '/' . $mode;
	}

	public function stop(): void {
		// Ends only the process group this object started (setsid made the server its leader).
		$pid = proc_get_status( $this->process )['pid'];
		if ( $pid > 0 ) {
			posix_kill( -$pid, SIGTERM );
		}
		proc_close( $this->process );
		if ( is_file( $this->record_file ) ) {
			unlink( $this->record_file );
		}
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
}
