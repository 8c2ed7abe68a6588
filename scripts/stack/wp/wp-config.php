<?php
/**
 * wp-config.php of the local stack (copied into .local/wordpress by scripts/stack/wordpress.sh).
 *
 * One WordPress core serves both profiles; the profile comes from the GPSYNC_PROFILE environment variable
 * (set by the stack scripts for the PHP server and by the PHPUnit bootstrap), so dev and test never share
 * a database. Everything profile-specific lives in .local/<profile>/wp-config.profile.php.
 */

declare(strict_types=1);

$gpsync_profile = getenv( 'GPSYNC_PROFILE' );
if ( ! is_string( $gpsync_profile ) || ! preg_match( '/^[a-z]+$/', $gpsync_profile ) ) {
	$gpsync_profile = 'dev';
}
$gpsync_profile_config = dirname( __DIR__ ) . '/' . $gpsync_profile . '/wp-config.profile.php';
if ( ! is_readable( $gpsync_profile_config ) ) {
	// Say exactly what is missing rather than letting WordPress start its installer against no database.
	header( 'Content-Type: text/plain', true, 500 );
	echo 'GP Sync local stack: profile "' . $gpsync_profile . '" is not set up; run scripts/stack/up.sh ' . $gpsync_profile . "\n";
	exit( 1 );
}
require $gpsync_profile_config;

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
