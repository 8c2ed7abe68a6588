<?php
/**
 * Just enough of WP-CLI's API to run GpSyncCommand in the PHPUnit process: the command class is tested
 * directly because the WP-CLI framework cannot load the local stack's WordPress as a subprocess here (its
 * wp-config sets the table prefix through $GLOBALS, which WP-CLI's scoped config loader does not see).
 * Output is recorded; error() throws, as WP-CLI would exit.
 */

declare(strict_types=1);

// phpcs:ignoreFile -- emulates WP-CLI's own global names (WP_CLI, WP_CLI\Utils), which carry no plugin prefix.

namespace {
	if ( ! class_exists( 'WP_CLI', false ) ) {
		// phpcs:ignore Generic.Files.OneObjectStructurePerFile.MultipleFound,Generic.Classes.OpeningBraceSameLine
		final class WP_CLI {
			/** @var list<string> */
			public static array $lines = [];

			/** @param object|callable $command */
			public static function add_command( string $name, $command ): void {
			}

			public static function log( string $message ): void {
				self::$lines[] = $message;
			}

			public static function success( string $message ): void {
				self::$lines[] = 'Success: ' . $message;
			}

			public static function warning( string $message ): void {
				self::$lines[] = 'Warning: ' . $message;
			}

			/** @return never */
			public static function error( string $message ): void {
				self::$lines[] = 'Error: ' . $message;
				throw new \RuntimeException( 'WP_CLI::error: ' . $message );
			}

			public static function output(): string {
				return implode( "\n", self::$lines );
			}
		}
	}
}

namespace WP_CLI\Utils {
	if ( ! function_exists( 'WP_CLI\Utils\format_items' ) ) {
		/**
		 * @param array<int, array<string,mixed>> $items
		 * @param list<string>                    $fields
		 */
		function format_items( string $format, array $items, array $fields ): void {
			\WP_CLI::log( implode( "\t", $fields ) );
			foreach ( $items as $item ) {
				\WP_CLI::log( implode( "\t", array_map( static fn( $f ) => (string) ( $item[ $f ] ?? '' ), $fields ) ) );
			}
		}

		/** A progress bar that logs its ticks. */
		final class ShimProgressBar {
			public int $ticks = 0;

			public function tick( int $increment = 1 ): void {
				$this->ticks += $increment;
				\WP_CLI::log( 'progress ' . $this->ticks );
			}

			public function finish(): void {
				\WP_CLI::log( 'progress done' );
			}
		}

		function make_progress_bar( string $message, int $count ): ShimProgressBar {
			\WP_CLI::log( "$message ($count)" );
			return new ShimProgressBar();
		}
	}
}
