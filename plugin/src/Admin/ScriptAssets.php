<?php
/**
 * Registers one of the admin scripts built by @wordpress/scripts (plugin/build/<entry>/index.js).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

/**
 * The build writes index.asset.php next to each entry: the WordPress script handles it imports (wp-element,
 * wp-components, wp-api-fetch, wp-i18n…) and a content hash as version. Without a build (a checkout nobody
 * built) nothing is enqueued and the screens keep their server-rendered text.
 */
final class ScriptAssets {

	/** @return bool whether the entry was built and is now enqueued */
	public static function enqueue( string $entry ): bool {
		$dir   = dirname( GPSYNC_PLUGIN_FILE ) . '/build/' . $entry . '/';
		$asset = $dir . 'index.asset.php';
		if ( ! is_readable( $asset ) || ! is_readable( $dir . 'index.js' ) ) {
			return false;
		}
		$meta   = require $asset;
		$handle = 'gpsync-' . $entry;
		$deps   = is_array( $meta ) && isset( $meta['dependencies'] ) ? (array) $meta['dependencies'] : [];
		$ver    = is_array( $meta ) && isset( $meta['version'] ) ? (string) $meta['version'] : GPSYNC_VERSION;
		wp_enqueue_script( $handle, plugins_url( 'build/' . $entry . '/index.js', GPSYNC_PLUGIN_FILE ), $deps, $ver, true );
		wp_set_script_translations( $handle, 'gp-sync-for-woocommerce' );
		if ( is_readable( $dir . 'index.css' ) ) {
			wp_enqueue_style( $handle, plugins_url( 'build/' . $entry . '/index.css', GPSYNC_PLUGIN_FILE ), [ 'wp-components' ], $ver );
		}
		return true;
	}
}
