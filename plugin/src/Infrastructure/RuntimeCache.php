<?php
/**
 * The request's own object cache, for work that walks a whole catalogue.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Infrastructure;

/**
 * WooCommerce reads a product's post, meta and each taxonomy's terms in queries of their own; a page of 1,000
 * products loaded one by one is several thousand queries. prime_products() reads them for a whole page in a
 * few. release() lets go of what a finished page left in this process's object cache, so a run over 50,000
 * products keeps flat memory (a persistent cache keeps its copy; only this process's memory is freed), as
 * WP-CLI does for its own long loops.
 */
final class RuntimeCache {

	/** @param list<int> $product_ids products or variations; a variation's parent is read with it */
	public static function prime_products( array $product_ids ): void {
		if ( [] === $product_ids || ! function_exists( '_prime_post_caches' ) ) {
			return;
		}
		_prime_post_caches( $product_ids, true, true );
		$parents = array_filter( array_map( static fn( int $id ): int => (int) wp_get_post_parent_id( $id ), $product_ids ) );
		if ( [] !== $parents ) {
			_prime_post_caches( array_values( array_unique( $parents ) ), true, true );
		}
	}

	public static function release(): void {
		if ( function_exists( 'wp_cache_flush_runtime' ) && function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_runtime' ) ) {
			wp_cache_flush_runtime();
		}
	}
}
