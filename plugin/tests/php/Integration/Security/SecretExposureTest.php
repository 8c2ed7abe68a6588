<?php
/**
 * The shared secret signs requests to the bridge and goes nowhere else: not into a REST answer, not into the
 * HTML of an admin page, not into a log line, not into a log file as WooCommerce exports it. The test drives
 * the plugin through what writes those (a dispatch, a test of the connection, a queue entry's preview, a
 * refused request under a wrong secret) against the real bridge, then reads everything back over HTTP.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Security;

use GPSync\Settings\SettingsKeys;
use GPSync\Tests\Integration\CoreSupport\CoreTestCase;
use GPSync\Tests\Support\WpHttpSession;

final class SecretExposureTest extends CoreTestCase {

	private WpHttpSession $admin;
	private string $wrong_secret;

	protected function setUp(): void {
		parent::setUp();
		$this->require_woocommerce(); // WooCommerce's logger and its log viewer are where the plugin logs.
		$this->use_real_bridge();
		$this->admin        = $this->http_as( $this->create_user( 'administrator' ) );
		$this->wrong_secret = 'wrong-secret-for-the-leak-test-' . wp_generate_password( 12, false );
	}

	public function test_the_secret_is_in_no_rest_answer_admin_page_log_line_or_exported_log(): void {
		$secret = $this->bridge_secret();
		$seen   = [];

		// With the right secret: a customer reaches GP, the connection test signs, a queue entry is previewed.
		$this->quiet_user( 'customer' );
		$customer = $this->create_user( 'customer' );
		$report   = $this->plugin()->dispatcher()->run( 20 );
		$this->assertGreaterThan( 0, $report->done, 'the dispatch reached GP, so it logged and stored answers' );
		$seen += $this->rest_answers();
		$seen += $this->admin_pages();

		// With a wrong secret: the bridge refuses (401), which the plugin logs, notes and shows.
		$this->configure( [ 'bridge_secret' => $this->wrong_secret ] );
		update_user_meta( $customer->ID, 'first_name', 'Changed' );
		$this->outbox()->enqueue( 'customer', $customer->ID, 'customer.updated' );
		$this->plugin()->dispatcher()->run( 20 );
		$seen += $this->rest_answers();
		$seen += $this->admin_pages();
		$seen += $this->log_files();
		$seen += $this->exported_logs();

		$this->assertNotSame( [], array_filter( array_keys( $seen ), static fn( string $where ): bool => str_starts_with( $where, 'exported log' ) ), 'WooCommerce exported at least one GP Sync log' );
		$this->assertStringContainsString( 'Sending a batch to the bridge failed', implode( "\n", $seen ), 'the 401 was logged, so the logs were really read' );
		foreach ( $seen as $where => $text ) {
			$this->assertStringNotContainsString( $secret, $text, "the secret is in $where" );
			$this->assertStringNotContainsString( $this->wrong_secret, $text, "the (wrong) secret is in $where" );
		}
	}

	/** @return array<string, string> every answer of the namespace's GET routes, a connection test and a settings save */
	private function rest_answers(): array {
		$answers = [];
		foreach ( rest_get_server()->get_routes( SettingsKeys::REST_NAMESPACE ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				if ( empty( $handler['methods']['GET'] ) ) {
					continue;
				}
				foreach ( $this->concrete_paths( $route ) as $path ) {
					$answers[ "GET $path" ] = $this->admin->rest( 'GET', $path )['body'];
				}
			}
		}
		$answers['POST test-connection'] = $this->admin->rest( 'POST', '/gp-sync/v1/test-connection', [] )['body'];
		$answers['POST settings']        = $this->admin->rest( 'POST', '/gp-sync/v1/settings', [ 'batch_size' => 20 ] )['body'];
		return array_combine( array_map( static fn( string $k ): string => "REST $k", array_keys( $answers ) ), $answers );
	}

	/** @return list<string> the route with every queue entry's id in place of its id parameter */
	private function concrete_paths( string $route ): array {
		if ( ! str_contains( $route, '(?P<' ) ) {
			return [ $route ];
		}
		$paths = [];
		foreach ( $this->all_rows() as $row ) {
			$paths[] = (string) preg_replace( '/\(\?P<\w+>[^)]*\)/', (string) $row->id, $route );
		}
		return $paths;
	}

	/** @return array<string, string> the HTML of the dashboard, every GP Sync admin page and WooCommerce's logs */
	private function admin_pages(): array {
		$pages = [ 'dashboard' => $this->admin->request( 'GET', '/wp-admin/index.php' )['body'] ];
		preg_match_all( '/admin\.php\?page=([A-Za-z0-9_-]*gp[-_]?sync[A-Za-z0-9_-]*)/', $pages['dashboard'], $slugs );
		foreach ( array_unique( $slugs[1] ) as $slug ) {
			$pages[ "page $slug" ] = $this->admin->request( 'GET', '/wp-admin/admin.php?page=' . $slug )['body'];
		}
		$pages['new product']        = $this->admin->request( 'GET', '/wp-admin/post-new.php?post_type=product' )['body'];
		$pages['WooCommerce → Logs'] = $this->admin->request( 'GET', '/wp-admin/admin.php?page=wc-status&tab=logs' )['body'];
		return array_combine( array_map( static fn( string $k ): string => "page source of $k", array_keys( $pages ) ), $pages );
	}

	/** @return array<string, string> every log file WooCommerce (or PHP) wrote, by name */
	private function log_files(): array {
		$files = glob( trailingslashit( \Automattic\WooCommerce\Utilities\LoggingUtil::get_log_directory() ) . '*.log' );
		$debug = WP_CONTENT_DIR . '/debug.log';
		$logs  = [];
		foreach ( array_merge( false === $files ? [] : $files, is_file( $debug ) ? [ $debug ] : [] ) as $file ) {
			$logs[ 'log file ' . basename( $file ) ] = (string) file_get_contents( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		}
		return $logs;
	}

	/** @return array<string, string> GP Sync's log files as WooCommerce → Status → Logs → Download serves them */
	private function exported_logs(): array {
		$list = $this->admin->request( 'GET', '/wp-admin/admin.php?page=wc-status&tab=logs&source=' . SettingsKeys::LOG_SOURCE )['body'];
		preg_match_all( '/file_id=(' . preg_quote( SettingsKeys::LOG_SOURCE, '/' ) . '[A-Za-z0-9_-]*)/', $list, $ids );
		$exported = [];
		foreach ( array_unique( $ids[1] ) as $file_id ) {
			$view = $this->admin->request( 'GET', '/wp-admin/admin.php?page=wc-status&tab=logs&view=single_file&file_id=' . rawurlencode( $file_id ) )['body'];
			if ( ! preg_match( '/href="([^"]*action=export[^"]*)"/', $view, $link ) ) {
				continue;
			}
			$url                                 = html_entity_decode( $link[1] );
			$path                                = (string) wp_parse_url( $url, PHP_URL_PATH ) . '?' . (string) wp_parse_url( $url, PHP_URL_QUERY );
			$exported[ "exported log $file_id" ] = $this->admin->request( 'GET', $path, null, [ 'Referer: ' . $this->wp_url() . '/wp-admin/admin.php?page=wc-status&tab=logs' ] )['body'];
		}
		return $exported;
	}
}
