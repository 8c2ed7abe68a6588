<?php
/**
 * Router for `php -S`: a bridge that answers what the test scripted. The script is a JSON file (path in
 * $GPSYNC_FAKE_RECORD . '.script') mapping "<kind>:<entity_id>" to one result without its `id`, e.g.
 * {"order:12": {"status": "done", "gp": {"outcome": "skipped"}, "warnings": [...]}}. Unscripted messages are
 * answered `done` / `created`. Every request body is appended to $GPSYNC_FAKE_RECORD (one JSON line each).
 */

declare(strict_types=1);

// phpcs:ignoreFile -- a stand-in HTTP server outside WordPress: no wp_unslash(), no prefixes to follow.

$gpsync_record = (string) getenv( 'GPSYNC_FAKE_RECORD' );
$gpsync_body   = (string) file_get_contents( 'php://input' );
$gpsync_in     = json_decode( $gpsync_body, true );
$gpsync_script = is_file( $gpsync_record . '.script' ) ? json_decode( (string) file_get_contents( $gpsync_record . '.script' ), true ) : [];
if ( '' !== $gpsync_record ) {
	file_put_contents( $gpsync_record, $gpsync_body . "\n", FILE_APPEND | LOCK_EX );
}
$gpsync_results = [];
foreach ( (array) ( $gpsync_in['messages'] ?? [] ) as $gpsync_message ) {
	$gpsync_key       = ( $gpsync_message['kind'] ?? '' ) . ':' . ( $gpsync_message['source']['entity_id'] ?? 0 );
	$gpsync_result    = is_array( $gpsync_script[ $gpsync_key ] ?? null ) ? $gpsync_script[ $gpsync_key ] : [
		'status'   => 'done',
		'gp'       => [ 'outcome' => 'created' ],
		'warnings' => [],
	];
	$gpsync_results[] = [ 'id' => (string) ( $gpsync_message['id'] ?? '' ) ] + $gpsync_result;
}
http_response_code( 200 );
header( 'Content-Type: application/json' );
echo json_encode(
	[
		'profile_version' => 'x',
		'results'         => $gpsync_results,
	]
);
