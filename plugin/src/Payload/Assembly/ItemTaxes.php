<?php
/**
 * An order item's per-rate taxes in the contract's shape.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Payload\Assembly;

/**
 * WooCommerce keeps `taxes => ['total' => [rate_id => "0.49975"], 'subtotal' => […]]` unrounded per rate;
 * these go out as decimal strings exactly as stored, so the bridge can round per line and rate as WooCommerce
 * did. Refund items carry negative copies: $magnitude turns them positive.
 */
final class ItemTaxes {

	/**
	 * @param array<string,mixed> $item WC_Order_Item::get_data().
	 * @return list<array{rate_id: int, total: string, subtotal?: string}>
	 */
	public static function from_item( array $item, bool $magnitude = false ): array {
		$taxes     = is_array( $item['taxes'] ?? null ) ? $item['taxes'] : [];
		$totals    = is_array( $taxes['total'] ?? null ) ? $taxes['total'] : [];
		$subtotals = is_array( $taxes['subtotal'] ?? null ) ? $taxes['subtotal'] : null;
		$result    = [];
		foreach ( $totals as $rate_id => $total ) {
			$row = [
				'rate_id' => (int) $rate_id,
				'total'   => self::figure( $total, $magnitude ),
			];
			if ( null !== $subtotals && array_key_exists( $rate_id, $subtotals ) ) {
				$row['subtotal'] = self::figure( $subtotals[ $rate_id ], $magnitude );
			}
			$result[] = $row;
		}
		return $result;
	}

	/**
	 * @param mixed $value
	 */
	private static function figure( $value, bool $magnitude ): string {
		return $magnitude ? DecimalString::magnitude( $value ) : DecimalString::of( $value );
	}
}
