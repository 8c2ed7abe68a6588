<?php
/**
 * A separate PHP process that boots the test WordPress and claims outbox rows in small batches until none
 * are left, printing the ids it got (comma-separated). Used to show concurrent workers never share a row.
 * Usage: php claim-worker.php <ABSPATH> <start at, unix time with fraction>
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( (string) ( $argv[1] ?? '' ), '/' ) . '/wp-load.php';

$gpsync_outbox = \GPSync\Plugin::instance()->outbox();
// A start barrier: WordPress boots in a different time in each process, so all wait for the same instant.
$gpsync_start = (float) ( $argv[2] ?? 0 );
while ( microtime( true ) < $gpsync_start ) {
	usleep( 1000 );
}
$gpsync_ids   = [];
$gpsync_empty = 0;
// Small batches and a few empty rounds so the workers interleave instead of one taking everything.
while ( $gpsync_empty < 3 ) {
	$gpsync_rows = $gpsync_outbox->claim( 7, 300 );
	if ( [] === $gpsync_rows ) {
		++$gpsync_empty;
		usleep( 20000 );
		continue;
	}
	foreach ( $gpsync_rows as $gpsync_row ) {
		$gpsync_ids[] = $gpsync_row->id;
	}
	usleep( 5000 );
}
echo implode( ',', $gpsync_ids );
