<?php
/**
 * Checks and cleans a mapping profile sent from wp-admin.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Settings;

/**
 * The same rules as the bridge's zod schema where a mistake would otherwise surface only as a dead letter:
 * known keys, enum values, field-map sources of the form meta:/attribute:/field:. Strings are trimmed and
 * stripped of tags; keys that are not in the profile are dropped.
 */
final class MappingValidator {

	private const ACTIONS = [ 'order', 'invoice', 'return', 'cancel', 'ignore' ];

	/** @var list<string> */
	private array $errors = [];

	/**
	 * @param array<string,mixed> $input
	 * @return array<string,mixed>|null the cleaned profile (without version), or null when errors() is not empty
	 */
	public function clean( array $input ): ?array {
		$this->errors = [];
		$defaults     = MappingProfile::defaults();
		$clean        = [];
		foreach ( $input as $key => $value ) {
			if ( 'version' === $key ) {
				continue;
			}
			if ( ! array_key_exists( (string) $key, $defaults ) ) {
				$this->errors[] = sprintf( '%s: unknown setting', (string) $key );
				continue;
			}
			$clean[ $key ] = $this->clean_value( (string) $key, $value, $defaults[ $key ] );
		}
		$this->check_enums( $clean );
		return [] === $this->errors ? $clean : null;
	}

	/** @return list<string> "path: problem" */
	public function errors(): array {
		return $this->errors;
	}

	/**
	 * @param mixed $value
	 * @param mixed $default
	 * @return mixed
	 */
	private function clean_value( string $path, $value, $default ) {
		if ( is_bool( $default ) ) {
			if ( ! is_bool( $value ) ) {
				$this->errors[] = "$path: must be true or false";
			}
			return (bool) $value;
		}
		if ( is_int( $default ) ) {
			if ( ! is_int( $value ) && ! ( is_string( $value ) && ctype_digit( $value ) ) ) {
				$this->errors[] = "$path: must be a whole number";
			}
			return (int) $value;
		}
		if ( is_string( $default ) ) {
			if ( ! is_string( $value ) && ! is_int( $value ) ) {
				$this->errors[] = "$path: must be text";
				return '';
			}
			return sanitize_text_field( (string) $value );
		}
		if ( ! is_array( $value ) ) {
			$this->errors[] = "$path: must be an object or a list";
			return $default;
		}
		if ( 'fields' === substr( $path, -6 ) ) {
			return $this->clean_field_map( $path, $value );
		}
		if ( [] === $default || ! $this->is_assoc( $default ) || in_array( $path, [ 'status_map' ], true ) ) {
			// Free-form maps (status_map, rate_map, method_map, payment_types): string keys, scalar values.
			$map = [];
			foreach ( $value as $map_key => $map_value ) {
				if ( ! is_scalar( $map_value ) ) {
					$this->errors[] = "$path.$map_key: must be a single value";
					continue;
				}
				$map[ sanitize_text_field( (string) $map_key ) ] = is_int( $map_value ) ? $map_value : sanitize_text_field( (string) $map_value );
			}
			return $map;
		}
		$section = [];
		foreach ( $value as $sub_key => $sub_value ) {
			if ( ! array_key_exists( (string) $sub_key, $default ) ) {
				$this->errors[] = "$path.$sub_key: unknown setting";
				continue;
			}
			$section[ $sub_key ] = $this->clean_value( "$path.$sub_key", $sub_value, $default[ $sub_key ] );
		}
		return $section;
	}

	/**
	 * @param array<mixed> $value
	 * @return list<array{from:string,to:string}>
	 */
	private function clean_field_map( string $path, array $value ): array {
		$rows = [];
		foreach ( array_values( $value ) as $i => $row ) {
			$from = is_array( $row ) ? trim( (string) ( $row['from'] ?? '' ) ) : '';
			$to   = is_array( $row ) ? trim( (string) ( $row['to'] ?? '' ) ) : '';
			if ( ! preg_match( '/^(meta|attribute|field):.+$/', $from ) ) {
				$this->errors[] = "{$path}[$i].from: must look like meta:<key>, attribute:<name> or field:<path>";
				continue;
			}
			if ( ! preg_match( '/^[A-Z0-9_]{1,16}$/', $to ) ) {
				$this->errors[] = "{$path}[$i].to: must be a GP field name";
				continue;
			}
			$rows[] = [
				'from' => sanitize_text_field( $from ),
				'to'   => $to,
			];
		}
		return $rows;
	}

	/** @param array<string,mixed> $clean */
	private function check_enums( array $clean ): void {
		foreach ( (array) ( $clean['status_map'] ?? [] ) as $status => $action ) {
			if ( ! in_array( $action, self::ACTIONS, true ) ) {
				$this->errors[] = "status_map.$status: must be one of " . implode( ', ', self::ACTIONS );
			}
		}
		$enums = [
			'length_policy'    => [ 'fit', 'reject', 'truncate' ],
			'code_page_policy' => [ 'transliterate', 'reject' ],
		];
		foreach ( $enums as $key => $allowed ) {
			if ( isset( $clean[ $key ] ) && ! in_array( $clean[ $key ], $allowed, true ) ) {
				$this->errors[] = "$key: must be one of " . implode( ', ', $allowed );
			}
		}
		$policy = $clean['items']['unmatched_sku_policy'] ?? null;
		if ( null !== $policy && ! in_array( $policy, [ 'hold', 'create_placeholder', 'non_inventory' ], true ) ) {
			$this->errors[] = 'items.unmatched_sku_policy: must be one of hold, create_placeholder, non_inventory';
		}
	}

	/** @param array<mixed> $value */
	private function is_assoc( array $value ): bool {
		return array_keys( $value ) !== range( 0, count( $value ) - 1 );
	}
}
