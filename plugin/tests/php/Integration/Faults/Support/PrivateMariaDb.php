<?php
/**
 * A MariaDB server of the fault suite's own, for the "MariaDB restarted mid-dispatch" scenario: the stack's
 * MariaDB is shared by everyone on the machine and must never be restarted by a test. This one has its own
 * data directory under .local/faults-mariadb/, its own socket and no TCP port, runs without grant tables
 * (local socket only, throwaway data), and holds a copy of the test database taken when the test asks.
 * A WordPress profile "faultdb" (.local/faultdb/wp-config.profile.php: the test profile pointed at this
 * socket) lets a PHP process boot the test site on it.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults\Support;

final class PrivateMariaDb {

	public string $dir;
	public string $socket;
	/** @var resource|null */
	private $process = null;

	public function __construct() {
		$this->dir    = FaultProcesses::repo_root() . '/.local/faults-mariadb';
		$this->socket = $this->dir . '/mysqld.sock';
		if ( ! is_dir( $this->dir . '/data/mysql' ) ) {
			if ( ! is_dir( $this->dir ) && ! mkdir( $this->dir, 0700, true ) ) {
				throw new \RuntimeException( "cannot create {$this->dir}" );
			}
			[ $code, $out ] = FaultProcesses::run( [ 'mariadb-install-db', '--no-defaults', '--datadir=' . $this->dir . '/data', '--user=' . self::user(), '--auth-root-authentication-method=normal', '--skip-test-db' ] );
			if ( 0 !== $code ) {
				throw new \RuntimeException( "mariadb-install-db failed: $out" );
			}
		}
	}

	public static function available(): bool {
		return 0 === FaultProcesses::run( [ 'sh', '-c', 'command -v mariadbd && command -v mariadb-install-db && command -v mariadb-dump' ] )[0];
	}

	private static function user(): string {
		$info = posix_getpwuid( posix_geteuid() );
		return is_array( $info ) ? (string) $info['name'] : 'root';
	}

	public function start(): void {
		$pipes         = [];
		$this->process = FaultProcesses::start(
			[ 'mariadbd', '--no-defaults', '--datadir=' . $this->dir . '/data', '--socket=' . $this->socket, '--skip-networking', '--skip-grant-tables', '--user=' . self::user(), '--pid-file=' . $this->dir . '/mysqld.pid', '--innodb-buffer-pool-size=64M', '--skip-log-bin' ],
			[],
			$this->dir . '/mariadbd.log',
			$pipes
		);
		fclose( $pipes[1] );
		$deadline = microtime( true ) + 60;
		while ( microtime( true ) < $deadline ) {
			if ( 0 === $this->sql( 'SELECT 1' )[0] ) {
				return;
			}
			usleep( 200000 );
		}
		throw new \RuntimeException( 'the private MariaDB did not start: ' . (string) file_get_contents( $this->dir . '/mariadbd.log' ) );
	}

	public function pid(): int {
		return null === $this->process ? 0 : (int) proc_get_status( $this->process )['pid'];
	}

	/** Waits for a server something else killed (kill-after), and reaps it. */
	public function reap(): void {
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

	/** @return array{0: int, 1: string} exit code and output of one statement run as root on the socket */
	public function sql( string $statement, string $database = '' ): array {
		$command = [ 'mariadb', '--no-defaults', '--socket=' . $this->socket, '-uroot', '-N', '-B', '-e', $statement ];
		if ( '' !== $database ) {
			$command[] = $database;
		}
		return FaultProcesses::run( $command );
	}

	/** Copies the test database (its current content) into this server under the same name. */
	public function copy_database( string $name, string $user, string $password ): void {
		$dump           = $this->dir . '/copy.sql';
		[ $code, $out ] = FaultProcesses::run( [ 'sh', '-c', 'mariadb-dump --no-defaults --single-transaction -u"$1" -p"$2" "$3" > "$4"', 'dump', $user, $password, $name, $dump ] );
		if ( 0 !== $code ) {
			throw new \RuntimeException( "mariadb-dump failed: $out" );
		}
		$this->sql( "DROP DATABASE IF EXISTS `$name`; CREATE DATABASE `$name` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci" );
		[ $code, $out ] = FaultProcesses::run( [ 'sh', '-c', 'mariadb --no-defaults --socket="$1" -uroot "$2" < "$3"', 'load', $this->socket, $name, $dump ] );
		unlink( $dump );
		if ( 0 !== $code ) {
			throw new \RuntimeException( "loading the copy failed: $out" );
		}
	}

	/** Writes the WordPress profile "faultdb": the test profile's settings with this server's socket. */
	public function write_wordpress_profile(): string {
		$root    = FaultProcesses::repo_root() . '/.local';
		$profile = (string) file_get_contents( $root . '/test/wp-config.profile.php' );
		$profile = (string) preg_replace( "/define\\( 'DB_HOST', '[^']*' \\);/", "define( 'DB_HOST', 'localhost:" . $this->socket . "' );", $profile );
		$profile = str_replace( "require __DIR__ . '/salts.php';", "require dirname( __DIR__ ) . '/test/salts.php';", $profile );
		if ( ! is_dir( $root . '/faultdb' ) ) {
			mkdir( $root . '/faultdb', 0700 );
		}
		file_put_contents( $root . '/faultdb/wp-config.profile.php', $profile );
		return 'faultdb';
	}
}
