<?php
/**
 * The fault proxy (fault-proxy.mjs) in front of a FaultBridge: drops replies after GP committed, or delivers each batch twice.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Faults\Support;

final class FaultProxy {

	public int $port;
	/** @var resource */
	private $process;

	/** @param list<string> $mode e.g. ['drop-replies', '2'] or ['duplicate'] */
	public function __construct( FaultBridge $bridge, array $mode ) {
		$pipes         = [];
		$this->process = FaultProcesses::start(
			array_merge( [ 'node', __DIR__ . '/fault-proxy.mjs', $bridge->url() ], $mode ),
			[ 'GPSYNC_PROXY_SECRET' => $bridge->secret ],
			$bridge->dir . '/proxy.log',
			$pipes
		);
		$line          = fgets( $pipes[1] );
		fclose( $pipes[1] );
		$this->port = (int) $line;
		if ( $this->port <= 0 ) {
			throw new \RuntimeException( 'the fault proxy did not start: ' . (string) file_get_contents( $bridge->dir . '/proxy.log' ) );
		}
	}

	public function url(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	/** @return array{forwarded: int, dropped: int, duplicated: int, copy_statuses: list<int>} */
	public function stats(): array {
		$json = file_get_contents( $this->url() . '/__proxy/stats' );
		$data = json_decode( (string) $json, true );
		if ( ! is_array( $data ) ) {
			throw new \RuntimeException( 'the fault proxy gave no stats' );
		}
		return [
			'forwarded'     => (int) ( $data['forwarded'] ?? 0 ),
			'dropped'       => (int) ( $data['dropped'] ?? 0 ),
			'duplicated'    => (int) ( $data['duplicated'] ?? 0 ),
			'copy_statuses' => array_values( array_map( 'intval', (array) ( $data['copy_statuses'] ?? [] ) ) ),
		];
	}

	public function stop(): void {
		FaultProcesses::end( $this->process, SIGTERM );
	}
}
