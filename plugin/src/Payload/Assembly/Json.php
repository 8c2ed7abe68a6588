<?php
/**
 * JSON text of a value, with or without WordPress loaded.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * The assemblers run in plain PHP (unit tests, the contract script) and inside WordPress; wp_json_encode()
 * adds only a UTF-8 sanity pass there. Unicode and slashes stay unescaped so values read as stored.
 */
final class Json {

	/**
	 * @param mixed $value
	 */
	public static function encode( $value ): string {
		$flags = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES;
		$text  = function_exists( 'wp_json_encode' ) ? wp_json_encode( $value, $flags ) : json_encode( $value, $flags ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- plain PHP fallback.
		if ( false === $text ) {
			throw new \InvalidArgumentException( 'Value cannot be encoded as JSON.' );
		}
		return $text;
	}
}
