<?php
/**
 * Constants that exist at run time but that PHPStan cannot see being defined (it loads no WordPress).
 * Only PHPStan reads this file (phpstan.neon.dist bootstrapFiles).
 */

declare(strict_types=1);

// Set by tests/php/bootstrap.php after it has (or has not) booted WordPress.
define( 'GPSYNC_TESTS_WP_LOADED', (bool) getenv( 'PHPSTAN_ANY_BOOL' ) );
define( 'GPSYNC_TESTS_WOOCOMMERCE', (bool) getenv( 'PHPSTAN_ANY_BOOL' ) );
define( 'GPSYNC_TESTS_WP_SKIP_REASON', (string) getenv( 'PHPSTAN_ANY_STRING' ) );
// WordPress core constants used by the plugin and the tests.
defined( 'ABSPATH' ) || define( 'ABSPATH', '/' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's constant.
defined( 'ARRAY_A' ) || define( 'ARRAY_A', 'ARRAY_A' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's constant.
