<?php
/**
 * Constants that exist at run time but that PHPStan cannot see being defined: it loads no WordPress, and the
 * php-stubs packages declare functions and classes only. Only PHPStan reads this file (phpstan.neon.dist).
 * Values are WordPress's own where they are fixed, so PHPStan infers the right types.
 */

declare(strict_types=1);

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- these are WordPress's and WooCommerce's names.

// Set by tests/php/bootstrap.php after it has (or has not) booted WordPress.
define( 'GPSYNC_TESTS_WP_LOADED', (bool) getenv( 'PHPSTAN_ANY_BOOL' ) );
define( 'GPSYNC_TESTS_WOOCOMMERCE', (bool) getenv( 'PHPSTAN_ANY_BOOL' ) );
define( 'GPSYNC_TESTS_WP_SKIP_REASON', (string) getenv( 'PHPSTAN_ANY_STRING' ) );

// wp-includes/default-constants.php and wp-settings.php.
define( 'ABSPATH', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
define( 'WP_PLUGIN_DIR', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
define( 'WP_DEBUG', (bool) getenv( 'PHPSTAN_ANY_BOOL' ) );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'MONTH_IN_SECONDS', 2592000 );
define( 'YEAR_IN_SECONDS', 31536000 );
define( 'KB_IN_BYTES', 1024 );
define( 'MB_IN_BYTES', 1048576 );
// wp-includes/wp-db.php: result formats of $wpdb->get_results() and friends.
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
// WooCommerce (woocommerce.php / class-woocommerce.php).
define( 'WC_VERSION', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
define( 'WC_PLUGIN_FILE', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
define( 'WC_ABSPATH', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
