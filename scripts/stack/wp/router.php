<?php
/**
 * Router for PHP's built-in web server: existing files and directories are served as usual (PHP files run,
 * static files are sent), every other path goes to WordPress's index.php — what Apache's mod_rewrite rules do
 * for pretty permalinks and /wp-json/.
 */

declare(strict_types=1);

$gpsync_path = parse_url( $_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH );
$gpsync_path = is_string( $gpsync_path ) ? rawurldecode( $gpsync_path ) : '/';
$gpsync_file = $_SERVER['DOCUMENT_ROOT'] . $gpsync_path;

if ( '/' !== $gpsync_path && ( is_file( $gpsync_file ) || is_file( rtrim( $gpsync_file, '/' ) . '/index.php' ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
return true;
