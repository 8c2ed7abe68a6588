<?php
/**
 * Router for `php -S`: a misbehaving bridge. The first path segment picks the behaviour, so a test points
 * bridge_url at http://127.0.0.1:<port>/<mode> and the client then calls /<mode>/v1/messages.
 *   sleep        waits 3 s, then answers (the client's timeout is shorter)
 *   http500      500 problem+json internal_error
 *   garbage      200 with an HTML body
 *   unauthorized 401 signature_invalid
 *   unknown      200: a result for an id that was not sent, a done for the first message, nothing for the rest
 *   deadlock     200: every message `retry` gp_deadlock
 *   gpdown       200: every message `retry` gp_unavailable
 *   record       200: every message `done`; the raw request is appended to $GPSYNC_FAKE_RECORD
 */

declare(strict_types=1);

// phpcs:ignoreFile -- a stand-in HTTP server outside WordPress: no wp_unslash(), no prefixes to follow.

$gpsync_path = (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$gpsync_mode = explode( '/', ltrim( $gpsync_path, '/' ) )[0] ?? '';
$gpsync_body = (string) file_get_contents( 'php://input' );
$gpsync_in   = json_decode( $gpsync_body, true );
$gpsync_ids  = [];
foreach ( (array) ( $gpsync_in['messages'] ?? [] ) as $gpsync_message ) {
	$gpsync_ids[] = (string) ( $gpsync_message['id'] ?? '' );
}

/** @param mixed $data */
function gpsync_fake_json( int $status, $data ): void {
	http_response_code( $status );
	header( 'Content-Type: application/json' );
	echo json_encode( $data );
}

switch ( $gpsync_mode ) {
	case 'sleep':
		sleep( 3 );
		gpsync_fake_json(
			200,
			[
				'profile_version' => 'x',
				'results'         => [],
			]
		);
		break;
	case 'http500':
		gpsync_fake_json(
			500,
			[
				'code'   => 'internal_error',
				'status' => 500,
			]
		);
		break;
	case 'garbage':
		http_response_code( 200 );
		header( 'Content-Type: text/html' );
		echo '<html><body>Bad gateway, but with a 200</body></html>';
		break;
	case 'unauthorized':
		gpsync_fake_json(
			401,
			[
				'code'   => 'signature_invalid',
				'status' => 401,
			]
		);
		break;
	case 'unknown':
		$gpsync_results = [
			[
				'id'       => 'no-such-message',
				'status'   => 'done',
				'gp'       => [ 'customer_number' => 'GHOST' ],
				'warnings' => [],
			],
		];
		if ( isset( $gpsync_ids[0] ) ) {
			$gpsync_results[] = [
				'id'       => $gpsync_ids[0],
				'status'   => 'done',
				'gp'       => [
					'customer_number' => 'FIRST',
					'outcome'         => 'created',
				],
				'warnings' => [],
			];
		}
		gpsync_fake_json(
			200,
			[
				'profile_version' => 'x',
				'results'         => $gpsync_results,
			]
		);
		break;
	case 'deadlock':
	case 'gpdown':
		$gpsync_code = 'deadlock' === $gpsync_mode ? 'gp_deadlock' : 'gp_unavailable';
		gpsync_fake_json(
			200,
			[
				'profile_version' => 'x',
				'results'         => array_map(
					static function ( string $id ) use ( $gpsync_code ): array {
						return [
							'id'                  => $id,
							'status'              => 'retry',
							'code'                => $gpsync_code,
							'message'             => 'try later',
							'retry_after_seconds' => 0,
						];
					},
					$gpsync_ids
				),
			]
		);
		break;
	case 'record':
		$gpsync_record = (string) getenv( 'GPSYNC_FAKE_RECORD' );
		if ( '' !== $gpsync_record ) {
			file_put_contents(
				$gpsync_record,
				json_encode(
					[
						'target'    => $_SERVER['REQUEST_URI'],
						'method'    => $_SERVER['REQUEST_METHOD'],
						'timestamp' => $_SERVER['HTTP_X_GPSYNC_TIMESTAMP'] ?? null,
						'signature' => $_SERVER['HTTP_X_GPSYNC_SIGNATURE'] ?? null,
						'body'      => $gpsync_body,
					]
				) . "\n",
				FILE_APPEND
			);
		}
		gpsync_fake_json(
			200,
			[
				'profile_version' => 'x',
				'results'         => array_map(
					static function ( string $id ): array {
						return [
							'id'       => $id,
							'status'   => 'done',
							'gp'       => [ 'customer_number' => 'REC' ],
							'warnings' => [],
						];
					},
					$gpsync_ids
				),
			]
		);
		break;
	default:
		gpsync_fake_json( 404, [ 'code' => 'not_found' ] );
}
