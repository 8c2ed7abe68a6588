<?php
/**
 * PHPUnit bootstrap: loads the Composer autoloader and, when the test profile of the local stack is up,
 * boots that real WordPress (with this plugin, and WooCommerce when the stack has it) in this process.
 *
 * Flags for tests (see Support/IntegrationTestCase.php):
 *   GPSYNC_TESTS_WP_LOADED      WordPress is booted
 *   GPSYNC_TESTS_WOOCOMMERCE    WooCommerce is loaded
 *   GPSYNC_TESTS_WP_SKIP_REASON why WordPress is not booted ('' when it is)
 * GPSYNC_TESTS_NO_WP=1 skips booting WordPress (fast unit-only runs); GPSYNC_TESTS_REQUIRE_WP=1 makes a missing
 * WordPress an error instead (npm test).
 */

declare(strict_types=1);

use GPSync\Tests\Support\StackEnv;

$gpsync_autoload = dirname( __DIR__, 2 ) . '/vendor/autoload.php';
if ( ! is_readable( $gpsync_autoload ) ) {
	fwrite( STDERR, "Composer dependencies missing: run `composer install` in plugin/\n" );
	exit( 1 );
}
// Not require_once: PHPUnit has usually loaded it already, and only a plain require returns the (memoised) loader.
$gpsync_loader = require $gpsync_autoload;

/**
 * Boots WordPress. WordPress expects to be loaded in the global scope but PHPUnit includes this file inside a
 * method, so the globals WordPress and plugins rely on are declared first, and any other variable the load
 * leaves behind is made global afterwards (what WP-CLI does for the same reason).
 */
function gpsync_tests_boot_wordpress( StackEnv $env ): void {
	global $wpdb, $wp, $wp_query, $wp_the_query, $wp_rewrite, $wp_roles, $wp_locale, $wp_embed, $wp_widget_factory,
		$wp_version, $wp_db_version, $table_prefix, $current_user, $shortcode_tags, $wp_filter, $wp_actions,
		$wp_current_filter, $wp_object_cache, $wp_theme_directories, $wp_plugin_paths, $wp_scripts, $wp_styles,
		$allowedposttags, $allowedtags, $pagenow, $post, $phpmailer, $wp_locale_switcher, $wp_textdomain_registry,
		$woocommerce;

	putenv( 'GPSYNC_PROFILE=' . $env->get( 'GPSYNC_PROFILE' ) );
	$url                        = $env->get( 'WP_URL' );
	$_SERVER['HTTP_HOST']       = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['SERVER_NAME']     = (string) parse_url( $url, PHP_URL_HOST );
	$_SERVER['SERVER_PORT']     = (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

	$before = get_defined_vars();
	require_once $env->get( 'WP_PATH' ) . '/wp-load.php';
	foreach ( get_defined_vars() as $name => $value ) {
		if ( ! array_key_exists( $name, $before ) && 'before' !== $name ) {
			$GLOBALS[ $name ] = $value; // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own globals, not ours.
		}
	}
}

/**
 * When the test profile installed the plugin from its zip (PLUGIN_INSTALL=zip, the default), the plugin's
 * classes are loaded from that installed copy, not from plugin/src: Composer's autoloader is registered first
 * and would otherwise serve the working tree's classes beside the installed main file. Only the tests' own
 * classes (GPSync\Tests\) come from the repository. An installed copy older than the working tree is refused:
 * the tests would pass or fail on code that is not the code being edited.
 */
function gpsync_tests_use_installed_plugin( StackEnv $env, \Composer\Autoload\ClassLoader $loader ): void {
	$plugin_dir = $env->get( 'PLUGIN_DIR' );
	$repo       = dirname( __DIR__, 2 );
	$stale      = array();
	$files      = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( "$repo/src", FilesystemIterator::SKIP_DOTS ) );
	$relatives  = array( 'gp-sync-for-woocommerce.php', 'uninstall.php' );
	foreach ( $files as $file ) {
		if ( 'php' === $file->getExtension() ) {
			$relatives[] = substr( $file->getPathname(), strlen( $repo ) + 1 );
		}
	}
	foreach ( $relatives as $relative ) {
		$installed = "$plugin_dir/$relative";
		if ( ! is_file( $installed ) || sha1_file( $installed ) !== sha1_file( "$repo/$relative" ) ) {
			$stale[] = $relative;
		}
	}
	if ( array() !== $stale ) {
		fwrite(
			STDERR,
			sprintf(
				"The plugin installed from %s differs from plugin/ in %d file(s) (%s): rerun scripts/stack/up.sh test to reinstall it, or bring the stack up with GPSYNC_PLUGIN_INSTALL=link to test the working tree directly\n",
				$env->get( 'PLUGIN_ZIP' ),
				count( $stale ),
				implode( ', ', array_slice( $stale, 0, 5 ) ) . ( count( $stale ) > 5 ? ', …' : '' )
			)
		);
		exit( 1 );
	}
	$loader->setPsr4( 'GPSync\\', array( "$plugin_dir/src" ) );
}

/** Fails fast with a readable message instead of WordPress's HTML "Error establishing a database connection". */
function gpsync_tests_database_reachable( StackEnv $env ): bool {
	mysqli_report( MYSQLI_REPORT_OFF );
	$db = @mysqli_connect( // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the failure is reported below, in words.
		$env->get( 'DB_HOST' ),
		$env->get( 'DB_USER' ),
		$env->get( 'DB_PASSWORD' ),
		$env->get( 'DB_NAME' )
	);
	if ( false === $db ) {
		return false;
	}
	mysqli_close( $db );
	return true;
}

/** The HTTP helpers need the test server; a stale stack.env (server gone) is said plainly, once, up front. */
function gpsync_tests_web_server_answers( StackEnv $env ): bool {
	$curl = curl_init( $env->get( 'WP_URL' ) . '/wp-login.php' );
	curl_setopt_array(
		$curl,
		array(
			CURLOPT_NOBODY         => true,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 5,
		)
	);
	$answered = false !== curl_exec( $curl );
	curl_close( $curl );
	return $answered;
}

$gpsync_env_path    = StackEnv::default_path();
$gpsync_skip_reason = '';
if ( '1' === getenv( 'GPSYNC_TESTS_NO_WP' ) ) {
	$gpsync_skip_reason = 'GPSYNC_TESTS_NO_WP=1';
} elseif ( ! is_readable( $gpsync_env_path ) ) {
	$gpsync_skip_reason = "no $gpsync_env_path (run scripts/stack/up.sh test)";
} else {
	$gpsync_env = StackEnv::from_file( $gpsync_env_path );
	if ( ! gpsync_tests_database_reachable( $gpsync_env ) ) {
		fwrite( STDERR, "The test profile's database is not reachable; run scripts/stack/up.sh test\n" );
		exit( 1 );
	}
	if ( ! gpsync_tests_web_server_answers( $gpsync_env ) ) {
		fwrite( STDERR, 'The test profile\'s web server does not answer at ' . $gpsync_env->get( 'WP_URL' ) . "; run scripts/stack/up.sh test\n" );
		exit( 1 );
	}
	if ( 'zip' === $gpsync_env->get( 'PLUGIN_INSTALL' ) ) {
		gpsync_tests_use_installed_plugin( $gpsync_env, $gpsync_loader );
	}
	gpsync_tests_boot_wordpress( $gpsync_env );
}

if ( '' !== $gpsync_skip_reason && '1' === getenv( 'GPSYNC_TESTS_REQUIRE_WP' ) ) {
	// npm test sets this: there, integration tests that silently skip would hide a broken stack.
	fwrite( STDERR, "WordPress is required (GPSYNC_TESTS_REQUIRE_WP=1) but not booted: $gpsync_skip_reason\n" );
	exit( 1 );
}
define( 'GPSYNC_TESTS_WP_LOADED', '' === $gpsync_skip_reason );
define( 'GPSYNC_TESTS_WP_SKIP_REASON', $gpsync_skip_reason );
define( 'GPSYNC_TESTS_WOOCOMMERCE', GPSYNC_TESTS_WP_LOADED && class_exists( 'WooCommerce', false ) );
fwrite(
	STDERR,
	GPSYNC_TESTS_WP_LOADED
		? sprintf(
			"WordPress %s booted from %s; WooCommerce %s; GP Sync from %s\n",
			get_bloginfo( 'version' ),
			ABSPATH,
			GPSYNC_TESTS_WOOCOMMERCE ? 'loaded' : 'not loaded',
			defined( 'GPSYNC_PLUGIN_FILE' ) ? dirname( (string) constant( 'GPSYNC_PLUGIN_FILE' ) ) : '(not loaded)'
		)
		: "WordPress not booted: $gpsync_skip_reason (integration tests will be skipped)\n"
);
