<?php
/**
 * A separate PHP process that boots the test WordPress and enqueues the same entities as its siblings, at the
 * same instant, to show concurrent requests leave one waiting row per entity.
 * Usage: php enqueue-worker.php <ABSPATH> <start at, unix time with fraction> <first entity id> <count> <worker>
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( (string) ( $argv[1] ?? '' ), '/' ) . '/wp-load.php';

// A fresh repository without a scheduler: only the outbox statements race, no Action Scheduler kicks.
$gpsync_outbox = new \GPSync\Outbox\OutboxRepository( \GPSync\Plugin::instance()->table() );
$gpsync_start  = (float) ( $argv[2] ?? 0 );
$gpsync_first  = (int) ( $argv[3] ?? 0 );
$gpsync_count  = (int) ( $argv[4] ?? 0 );
$gpsync_worker = (string) ( $argv[5] ?? '0' );
while ( microtime( true ) < $gpsync_start ) {
	usleep( 500 );
}
$gpsync_rows = [];
for ( $gpsync_i = 0; $gpsync_i < $gpsync_count; $gpsync_i++ ) {
	$gpsync_rows[] = $gpsync_outbox->enqueue( 'customer', $gpsync_first + $gpsync_i, 'race.' . $gpsync_worker );
}
echo implode( ',', $gpsync_rows );
