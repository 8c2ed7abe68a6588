<?php
/**
 * Runs a test under HPOS or posts storage and puts the store's settings back afterwards.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Lifecycle;

use Automattic\WooCommerce\Utilities\OrderUtil;

/**
 * WooCommerce refuses to switch storage while the two stores are out of sync, so compatibility sync is on
 * while a test runs; both options are restored in tearDown (call restore_order_storage()).
 */
trait OrderStorage {

	/** @var array<string,string> */
	private array $storage_options_before = [];

	/** @return array<string, array{bool}> */
	public function storages(): array {
		return [
			'HPOS'          => [ true ],
			'posts storage' => [ false ],
		];
	}

	protected function use_order_storage( bool $hpos ): void {
		$this->require_woocommerce();
		foreach ( [ 'woocommerce_custom_orders_table_enabled', 'woocommerce_custom_orders_table_data_sync_enabled' ] as $option ) {
			$this->storage_options_before[ $option ] ??= (string) get_option( $option, 'no' );
		}
		update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'yes' );
		if ( OrderUtil::custom_orders_table_usage_is_enabled() === $hpos ) {
			return;
		}
		if ( $hpos ) {
			/** @var mixed $synchronizer an internal class the WooCommerce stubs do not declare */
			$synchronizer = call_user_func( [ wc_get_container(), 'get' ], 'Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\DataSynchronizer' ); // @phpstan-ignore argument.type
			if ( ! $synchronizer->check_orders_table_exists() ) {
				$synchronizer->create_database_tables();
			}
		}
		try {
			update_option( 'woocommerce_custom_orders_table_enabled', $hpos ? 'yes' : 'no' );
		} catch ( \Exception $refused ) {
			fwrite( STDERR, PHP_EOL . 'NOTICE: ' . $refused->getMessage() . PHP_EOL );
		}
		if ( OrderUtil::custom_orders_table_usage_is_enabled() !== $hpos ) {
			fwrite( STDERR, PHP_EOL . 'SKIPPED: ' . static::class . '::' . $this->getName( false ) . ' WooCommerce refused to switch order storage' . PHP_EOL );
			$this->markTestSkipped( 'WooCommerce refused to switch order storage' );
		}
	}

	protected function restore_order_storage(): void {
		foreach ( $this->storage_options_before as $option => $value ) {
			try {
				update_option( $option, $value );
			} catch ( \Exception $refused ) {
				fwrite( STDERR, PHP_EOL . 'NOTICE: order storage left as is: ' . $refused->getMessage() . PHP_EOL );
			}
		}
		$this->storage_options_before = [];
	}
}
