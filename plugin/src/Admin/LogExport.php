<?php
/**
 * Tools → "Download the log": the plugin's log files as one text download.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;
use GPSync\Settings\SettingsKeys;

/**
 * Served at admin-post.php?action=gpsync_export_log with its nonce, for those who manage GP Sync. Reads WooCommerce's
 * log files of our source (WooCommerce → Status → Logs writes them under wc-logs/). The logger never writes
 * the secret; the export still blanks it should it ever appear, so a log shared with support cannot leak it.
 */
final class LogExport implements Registerable {

	public const ACTION = 'gpsync_export_log';

	/** Newest files first, at most this many bytes in all. */
	private const MAX_BYTES = 5242880;

	public function register(): void {
		add_action( 'admin_post_' . self::ACTION, [ $this, 'download' ] );
	}

	/** The raw URL for the app (wp_nonce_url() would HTML-escape the & and break the nonce in a JSON value). */
	public static function url(): string {
		return add_query_arg( '_wpnonce', wp_create_nonce( self::ACTION ), admin_url( 'admin-post.php?action=' . self::ACTION ) );
	}

	/** @internal */
	public function download(): void {
		if ( ! Capability::current_user_can_manage() ) {
			wp_die( esc_html__( 'You are not allowed to manage GP Sync.', 'gp-sync-for-woocommerce' ), 403 );
		}
		check_admin_referer( self::ACTION );
		$text = $this->collect();
		nocache_headers();
		header( 'Content-Type: text/plain; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="gp-sync-log-' . gmdate( 'Ymd-His' ) . '.txt"' );
		header( 'X-Content-Type-Options: nosniff' );
		echo $text; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a text/plain download, not HTML.
		exit;
	}

	/** The log text, oldest line first; a line saying so when there is none. */
	public function collect(): string {
		$files = $this->files();
		if ( [] === $files ) {
			return "GP Sync: no log file yet.\n";
		}
		$parts = [];
		$bytes = 0;
		foreach ( $files as $file ) {
			$size = (int) filesize( $file );
			if ( $bytes + $size > self::MAX_BYTES ) {
				break;
			}
			$bytes  += $size;
			$parts[] = '== ' . basename( $file ) . "\n" . (string) file_get_contents( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local log file.
		}
		$text   = implode( "\n", array_reverse( $parts ) );
		$secret = (string) ( get_option( SettingsKeys::OPTION, [] )['bridge_secret'] ?? '' );
		return '' === $secret ? $text : str_replace( $secret, '[secret removed]', $text );
	}

	/** @return list<string> newest first */
	private function files(): array {
		$dir   = defined( 'WC_LOG_DIR' ) ? (string) constant( 'WC_LOG_DIR' ) : trailingslashit( wp_upload_dir()['basedir'] ) . 'wc-logs/';
		$found = glob( trailingslashit( $dir ) . SettingsKeys::LOG_SOURCE . '-*.log' );
		$found = is_array( $found ) ? $found : [];
		usort(
			$found,
			static function ( string $a, string $b ): int {
				return (int) filemtime( $b ) <=> (int) filemtime( $a );
			}
		);
		return $found;
	}
}
