<?php
/**
 * Reads .local/<profile>/stack.env, the one file scripts/stack/up.sh writes for tests and e2e.
 */

declare(strict_types=1);

namespace GPSync\Tests\Support;

final class StackEnv {

	/** @var array<string, string> */
	private array $values;

	/** @param array<string, string> $values */
	public function __construct( array $values ) {
		$this->values = $values;
	}

	/** The test profile's file, or the file named by GPSYNC_STACK_ENV. */
	public static function default_path(): string {
		$override = getenv( 'GPSYNC_STACK_ENV' );
		if ( is_string( $override ) && '' !== $override ) {
			return $override;
		}
		return dirname( __DIR__, 4 ) . '/.local/test/stack.env';
	}

	public static function from_file( string $path ): self {
		$text = file_get_contents( $path );
		if ( false === $text ) {
			throw new \RuntimeException( "cannot read $path" );
		}
		return self::parse( $text );
	}

	/** KEY=VALUE lines; blank lines and # comments ignored; values are taken verbatim (no quotes, no expansion). */
	public static function parse( string $text ): self {
		$values = array();
		$lines  = preg_split( '/\R/', $text );
		foreach ( false === $lines ? array() : $lines as $line ) {
			$line = trim( $line );
			if ( '' === $line || str_starts_with( $line, '#' ) ) {
				continue;
			}
			$eq = strpos( $line, '=' );
			if ( false === $eq || 0 === $eq ) {
				throw new \UnexpectedValueException( "stack.env line is not KEY=VALUE: $line" );
			}
			$values[ substr( $line, 0, $eq ) ] = substr( $line, $eq + 1 );
		}
		return new self( $values );
	}

	public function get( string $key ): string {
		if ( ! array_key_exists( $key, $this->values ) ) {
			throw new \OutOfBoundsException( "stack.env has no $key; rerun scripts/stack/up.sh test" );
		}
		return $this->values[ $key ];
	}

	public function flag( string $key ): bool {
		return '1' === ( $this->values[ $key ] ?? '0' );
	}
}
