<?php
/**
 * Dates as ISO-8601 with offset.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * WC_DateTime (a DateTime carrying the site's time zone) in live objects, ISO strings in exported data: both
 * become `2026-11-29T02:49:23+00:00`, so the bridge can put the date in the store's time zone.
 */
final class IsoDate {

	/**
	 * @param mixed $value DateTimeInterface, ISO-8601 string, Unix timestamp or null.
	 */
	public static function of( $value ): ?string {
		if ( $value instanceof \DateTimeInterface ) {
			return $value->format( DATE_ATOM );
		}
		if ( is_int( $value ) ) {
			return gmdate( DATE_ATOM, $value );
		}
		if ( is_string( $value ) && '' !== $value ) {
			$parsed = date_create_immutable( $value, new \DateTimeZone( 'UTC' ) );
			if ( false === $parsed ) {
				throw new \InvalidArgumentException( sprintf( 'Not a date: %s', $value ) );
			}
			return $parsed->format( DATE_ATOM );
		}
		return null;
	}

	/**
	 * @param mixed $value
	 * @throws \InvalidArgumentException When the date is missing.
	 */
	public static function required( $value, string $field ): string {
		$date = self::of( $value );
		if ( null === $date ) {
			throw new \InvalidArgumentException( sprintf( 'Missing date: %s', $field ) );
		}
		return $date;
	}
}
