<?php
/**
 * `wp gp-sync …` as a real WP-CLI subprocess, when a WP-CLI is available: set GPSYNC_WP_CLI to its `wp`
 * (e.g. a `composer require wp-cli/wp-cli` outside the repo). Two workarounds for the local stack, both outside
 * the plugin: WP-CLI evaluates wp-config.php inside a method, so a wrapper config (in a temporary copy of the
 * WordPress root made of symlinks) sets $table_prefix as a local; and with the bare WP-CLI framework
 * WooCommerce ends the process while loading, so these runs use --skip-plugins=woocommerce, which also shows
 * the plugin's commands work on plain WordPress.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Cli;

use GPSync\Outbox\OutboxStatus;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class WpCliSubprocessTest extends CoreTestCase {

	private static string $root = '';

	protected function setUp(): void {
		parent::setUp();
		$wp = (string) getenv( 'GPSYNC_WP_CLI' );
		if ( '' === $wp || ! is_executable( $wp ) ) {
			fwrite( STDERR, PHP_EOL . 'SKIPPED: ' . static::class . ' needs GPSYNC_WP_CLI=<path to wp>' . PHP_EOL );
			$this->markTestSkipped( 'GPSYNC_WP_CLI not set' );
		}
		if ( '' === self::$root ) {
			self::$root = $this->wordpress_root_for_wp_cli();
		}
	}

	public static function tearDownAfterClass(): void {
		if ( '' !== self::$root && is_dir( self::$root ) ) {
			foreach ( (array) scandir( self::$root ) as $name ) {
				if ( '.' !== $name && '..' !== $name ) {
					unlink( self::$root . '/' . $name ); // Symlinks and our wp-config.php only; never their targets.
				}
			}
			rmdir( self::$root );
			self::$root = '';
		}
		parent::tearDownAfterClass();
	}

	public function test_status_backfill_queue_and_retry_run_as_wp_cli_commands(): void {
		$user = $this->quiet_user();
		global $wpdb;
		$wpdb->update( $wpdb->users, [ 'user_registered' => '2031-01-01 00:00:00' ], [ 'ID' => $user->ID ] );

		$backfill = $this->wp( 'gp-sync backfill --kind=customer --from=2031-01-01 --batch=10' );
		$this->assertStringContainsString( 'Success: 1 customer(s) queued.', $backfill );
		$rows = $this->outbox()->for_entity( 'customer', $user->ID );
		$this->assertCount( 1, $rows );
		$this->assertSame( 'backfill', $rows[0]->event );

		$this->assertStringContainsString( 'Warning: Backfill of orders needs WooCommerce; skipped.', $this->wp( 'gp-sync backfill --kind=order --from=2031-01-01' ) );
		$this->assertMatchesRegularExpression( '/^signature\t(set|not set|rejected)/m', $this->wp( 'gp-sync status' ) );
		$this->assertStringContainsString( "\tcustomer\t{$user->ID}\tbackfill\t", $this->wp( 'gp-sync queue --kind=customer --search=' . $user->ID ) );

		// Dead-letter it directly: the web server's scheduler may be dispatching the row right now, and a
		// cleared claim token makes that worker's late outcome a no-op.
		$wpdb->update(
			$this->outbox()->table_name(),
			[
				'status'          => 'dead',
				'claim_token'     => null,
				'last_error_code' => 'gp_error',
			],
			[ 'id' => $rows[0]->id ]
		);
		$this->assertStringContainsString( 'Success: Row ' . $rows[0]->id . ' queued again.', $this->wp( 'gp-sync retry ' . $rows[0]->id ) );
		$this->assertSame( OutboxStatus::PENDING, $this->row( $rows[0]->id )->status );
		$this->assertStringContainsString( 'Error:', $this->wp( 'gp-sync retry 99999999' ) );
	}

	private function wp( string $command ): string {
		$cmd = sprintf(
			'GPSYNC_PROFILE=test %s --allow-root --path=%s --skip-plugins=woocommerce %s 2>&1',
			escapeshellarg( (string) getenv( 'GPSYNC_WP_CLI' ) ),
			escapeshellarg( self::$root ),
			$command
		);
		return (string) shell_exec( $cmd ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_shell_exec -- the point: a real subprocess.
	}

	/** A temporary WordPress root: symlinks to the stack's files plus a wp-config.php WP-CLI can evaluate. */
	private function wordpress_root_for_wp_cli(): string {
		$source = rtrim( (string) ABSPATH, '/' );
		$root   = sys_get_temp_dir() . '/gpsync-wpcli-root-' . getmypid();
		if ( ! is_dir( $root ) ) {
			mkdir( $root );
			foreach ( (array) scandir( $source ) as $name ) {
				if ( '.' !== $name && '..' !== $name && 'wp-config.php' !== $name ) {
					symlink( "$source/$name", "$root/$name" );
				}
			}
			$profile = dirname( $source ) . '/test/wp-config.profile.php';
			file_put_contents(
				"$root/wp-config.php",
				"<?php\nrequire " . var_export( $profile, true ) . ";\n\$table_prefix = \$GLOBALS['table_prefix'];\nif ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}\nrequire_once ABSPATH . 'wp-settings.php';\n"
			);
		}
		return $root;
	}
}
