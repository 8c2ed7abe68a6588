<?php
declare(strict_types=1);

namespace GPSync\Tests\Unit\Release;

use GPSync\Tests\Support\StackEnv;
use PHPUnit\Framework\TestCase;

/**
 * What a store installs: the version is the same everywhere a release states it, readme.txt carries the
 * headers WordPress.org and WooCommerce read, and the zip the test stack installed (scripts/plugin-zip.sh)
 * holds every runtime file and nothing else.
 */
final class PluginPackageTest extends TestCase {

	private const SLUG = 'gp-sync-for-woocommerce';

	private static function plugin_dir(): string {
		return dirname( __DIR__, 4 );
	}

	private static function header_field( string $text, string $field ): string {
		$found = preg_match( '/^[ \t\/*#@]*' . preg_quote( $field, '/' ) . ':\s*(.+?)\s*$/mi', $text, $match );
		return 1 === $found ? $match[1] : '';
	}

	private static function read( string $path ): string {
		$text = file_get_contents( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file, no WordPress here.
		self::assertIsString( $text, "cannot read $path" );
		return $text;
	}

	public function test_when_a_release_is_cut_then_header_constant_readme_and_package_versions_agree(): void {
		$main    = self::read( self::plugin_dir() . '/' . self::SLUG . '.php' );
		$version = self::header_field( $main, 'Version' );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+\.\d+$/', $version );

		$this->assertSame( 1, preg_match( "/define\( 'GPSYNC_VERSION', '([^']+)' \);/", $main, $constant ) );
		$readme = self::read( self::plugin_dir() . '/readme.txt' );
		$plugin = json_decode( self::read( self::plugin_dir() . '/package.json' ), true );
		$root   = json_decode( self::read( dirname( self::plugin_dir() ) . '/package.json' ), true );
		$this->assertSame(
			[
				'GPSYNC_VERSION'       => $version,
				'readme Stable tag'    => $version,
				'plugin/package.json'  => $version,
				'package.json (root)'  => $version,
				'readme changelog top' => $version,
			],
			[
				'GPSYNC_VERSION'       => $constant[1] ?? null,
				'readme Stable tag'    => self::header_field( $readme, 'Stable tag' ),
				'plugin/package.json'  => $plugin['version'] ?? null,
				'package.json (root)'  => $root['version'] ?? null,
				'readme changelog top' => preg_match( '/== Changelog ==\s*= ([^ =]+) =/', $readme, $log ) ? $log[1] : null,
			]
		);
	}

	public function test_when_wordpress_reads_the_readme_then_it_finds_every_header_and_they_match_the_plugin_header(): void {
		$main   = self::read( self::plugin_dir() . '/' . self::SLUG . '.php' );
		$readme = self::read( self::plugin_dir() . '/readme.txt' );
		$this->assertStringStartsWith( '=== GP Sync for WooCommerce ===', $readme );
		foreach ( [ 'Requires at least', 'Tested up to', 'Requires PHP', 'WC requires at least', 'WC tested up to', 'Stable tag', 'License' ] as $field ) {
			$this->assertNotSame( '', self::header_field( $readme, $field ), "readme.txt lacks '$field:'" );
		}
		foreach ( [ 'Requires at least', 'Requires PHP', 'WC requires at least', 'WC tested up to' ] as $field ) {
			$this->assertSame( self::header_field( $main, $field ), self::header_field( $readme, $field ), "'$field' differs between the plugin header and readme.txt" );
		}
		foreach ( [ '== Description ==', '== Installation ==', '== Changelog ==' ] as $section ) {
			$this->assertStringContainsString( $section, $readme );
		}
	}

	public function test_when_the_test_stack_installed_the_zip_then_it_holds_every_runtime_file_and_nothing_for_development(): void {
		$zip_path = (string) getenv( 'GPSYNC_PLUGIN_ZIP' );
		if ( '' === $zip_path && is_readable( StackEnv::default_path() ) ) {
			try {
				$zip_path = StackEnv::from_file( StackEnv::default_path() )->get( 'PLUGIN_ZIP' );
			} catch ( \OutOfBoundsException $e ) {
				$zip_path = ''; // A stack.env from before the zip install.
			}
		}
		if ( '' === $zip_path ) {
			$this->markTestSkipped( 'SKIPPED: no plugin zip (the test stack linked plugin/; npm run plugin-zip builds one, GPSYNC_PLUGIN_ZIP names it)' );
		}
		$zip = new \ZipArchive();
		$this->assertTrue( true === $zip->open( $zip_path ), "cannot open $zip_path" );
		$names = [];
		$count = $zip->count();
		for ( $i = 0; $i < $count; $i++ ) {
			$names[] = (string) $zip->getNameIndex( $i );
		}
		$zip->close();

		$version = self::header_field( self::read( self::plugin_dir() . '/' . self::SLUG . '.php' ), 'Version' );
		$this->assertSame( self::SLUG . "-$version.zip", basename( $zip_path ) );
		$expected = [ 'gp-sync-for-woocommerce.php', 'uninstall.php', 'readme.txt' ];
		$sources  = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( self::plugin_dir() . '/src', \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $sources as $file ) {
			if ( 'php' === $file->getExtension() ) {
				$expected[] = substr( $file->getPathname(), strlen( self::plugin_dir() ) + 1 );
			}
		}
		$missing = array_diff( array_map( static fn( string $f ): string => self::SLUG . "/$f", $expected ), $names );
		$this->assertSame( [], array_values( $missing ), 'runtime files missing from the zip' );

		foreach ( $names as $name ) {
			$this->assertStringStartsWith( self::SLUG . '/', $name, 'one top folder, named after the plugin' );
			$this->assertDoesNotMatchRegularExpression( '#/(tests|vendor|node_modules)/|\.map$|/(composer|package)(-lock)?\.json$|/phpunit|/phpcs|/phpstan|\.md$#', $name, "$name is not a runtime file" );
		}
		if ( is_dir( self::plugin_dir() . '/build' ) ) {
			$this->assertNotEmpty( preg_grep( '#^' . self::SLUG . '/build/.+\.js$#', $names ), 'the built admin app (plugin/build) is not in the zip' );
		}
	}
}
