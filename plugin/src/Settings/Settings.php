<?php
/**
 * Typed access to the option `gpsync_settings`.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Settings;

/**
 * One array option holds every setting. The stack and wp-admin both write it, so unknown keys are kept.
 * The secret is write-only at the REST boundary: nothing here ever returns it except bridge_secret(), which
 * only the BridgeClient calls.
 */
class Settings {

	public const DEFAULTS = [
		'bridge_url'               => '',
		'bridge_secret'            => '',
		'batch_size'               => 50,
		'request_timeout'          => 30,
		'backoff_base_seconds'     => 30,
		'backoff_cap_seconds'      => 3600,
		'max_attempts'             => 8,
		'remove_data_on_uninstall' => false,
		'inventory_sites'          => 'all',
		'mapping_profile'          => [],
	];

	/** @var callable(): mixed */
	private $reader;
	/** @var callable(array<string,mixed>): void */
	private $writer;

	/**
	 * @param (callable(): mixed)|null                 $reader returns the stored option (tests inject arrays).
	 * @param (callable(array<string,mixed>): void)|null $writer stores the whole array.
	 */
	public function __construct( ?callable $reader = null, ?callable $writer = null ) {
		$this->reader = $reader ?? static function () {
			return get_option( SettingsKeys::OPTION, [] );
		};
		$this->writer = $writer ?? static function ( array $value ): void {
			update_option( SettingsKeys::OPTION, $value, false );
		};
	}

	/** @return array<string,mixed> stored values over defaults */
	public function all(): array {
		$stored = ( $this->reader )();
		return array_merge( self::DEFAULTS, is_array( $stored ) ? $stored : [] );
	}

	public function bridge_url(): string {
		return rtrim( trim( (string) $this->all()['bridge_url'] ), '/' );
	}

	public function bridge_secret(): string {
		return (string) $this->all()['bridge_secret'];
	}

	public function secret_set(): bool {
		return '' !== $this->bridge_secret();
	}

	public function batch_size(): int {
		return self::clamp( (int) $this->all()['batch_size'], 1, 500 );
	}

	public function request_timeout(): int {
		return self::clamp( (int) $this->all()['request_timeout'], 1, 300 );
	}

	public function backoff_base_seconds(): int {
		return self::clamp( (int) $this->all()['backoff_base_seconds'], 1, 86400 );
	}

	public function backoff_cap_seconds(): int {
		return self::clamp( (int) $this->all()['backoff_cap_seconds'], $this->backoff_base_seconds(), 7 * 86400 );
	}

	public function max_attempts(): int {
		return self::clamp( (int) $this->all()['max_attempts'], 1, 100 );
	}

	public function remove_data_on_uninstall(): bool {
		return (bool) $this->all()['remove_data_on_uninstall'];
	}

	public function inventory_sites(): string {
		$sites = trim( (string) $this->all()['inventory_sites'] );
		return '' === $sites ? 'all' : $sites;
	}

	/** @return array<string,mixed> the mapping profile as sent, with its version hash */
	public function mapping_profile(): array {
		$stored = $this->all()['mapping_profile'];
		return MappingProfile::with_version( is_array( $stored ) ? $stored : [] );
	}

	/**
	 * Merges $changes into the stored array (already validated by the caller).
	 *
	 * @param array<string,mixed> $changes
	 */
	public function update( array $changes ): void {
		$stored = ( $this->reader )();
		$stored = is_array( $stored ) ? $stored : [];
		( $this->writer )( array_merge( $stored, $changes ) );
	}

	/**
	 * Everything the admin may see: the secret replaced by `secret_set`.
	 *
	 * @return array<string,mixed>
	 */
	public function public_view(): array {
		$all = $this->all();
		unset( $all['bridge_secret'], $all['mapping_profile'] );
		$all['secret_set'] = $this->secret_set();
		return [
			'bridge_url'               => (string) $all['bridge_url'],
			'secret_set'               => $this->secret_set(),
			'batch_size'               => $this->batch_size(),
			'request_timeout'          => $this->request_timeout(),
			'backoff_base_seconds'     => $this->backoff_base_seconds(),
			'backoff_cap_seconds'      => $this->backoff_cap_seconds(),
			'max_attempts'             => $this->max_attempts(),
			'remove_data_on_uninstall' => $this->remove_data_on_uninstall(),
			'inventory_sites'          => $this->inventory_sites(),
		];
	}

	private static function clamp( int $value, int $min, int $max ): int {
		return max( $min, min( $max, $value ) );
	}
}
