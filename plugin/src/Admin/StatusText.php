<?php
/**
 * An order's GP status (from OrderStanding) as escaped HTML: in full for the box, short for the list.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

/** Server-side text the React box replaces once its script runs; the orders list uses only this. */
final class StatusText {

	/** @param array<string,mixed> $status */
	public static function html( array $status ): string {
		$html  = '<p class="gpsync-status gpsync-status--' . esc_attr( (string) $status['state'] ) . '"><strong>' . esc_html( (string) $status['headline'] ) . '</strong></p>';
		$html .= '' !== (string) $status['detail'] ? '<p>' . esc_html( (string) $status['detail'] ) . '</p>' : '';
		$error = $status['error'];
		if ( is_array( $error ) && '' !== (string) $error['field'] ) {
			/* translators: %s: the payload field the error is about, e.g. lines[0].sku */
			$html .= '<p>' . esc_html( sprintf( __( 'Field: %s', 'gp-sync-for-woocommerce' ), (string) $error['field'] ) );
			if ( '' !== (string) ( $error['path'] ?? '' ) ) {
				/* translators: %s: where in the order the value came from, e.g. lines[0].sku */
				$html .= ' ' . esc_html( sprintf( __( '(from %s)', 'gp-sync-for-woocommerce' ), (string) $error['path'] ) );
			}
			$html .= '</p>';
		}
		$advice = $status['advice'];
		if ( is_array( $advice ) ) {
			$html .= '<p>' . esc_html( (string) $advice['text'] );
			if ( '' !== (string) $advice['url'] ) {
				$html .= ' <a href="' . esc_url( (string) $advice['url'] ) . '">' . esc_html( (string) $advice['link'] ) . '</a>';
			}
			$html .= '</p>';
		}
		if ( null !== $status['last_attempt_gmt'] ) {
			/* translators: %s: date and time of the last attempt */
			$html .= '<p>' . esc_html( sprintf( __( 'Last attempt: %s', 'gp-sync-for-woocommerce' ), self::local_time( (string) $status['last_attempt_gmt'] ) ) ) . '</p>';
		}
		return $html;
	}

	/**
	 * One line for the orders list: "Order WO123", "Waiting", "Failed: unknown_sku", "Not sent".
	 *
	 * @param array<string,mixed> $status
	 */
	public static function short_html( array $status ): string {
		$state = (string) $status['state'];
		switch ( $state ) {
			case OrderStanding::SENT:
				$document = is_array( $status['document'] ) ? $status['document'] : [];
				$text     = trim( (string) ( $document['type_label'] ?? '' ) . ' ' . (string) ( $document['number'] ?? '' ) );
				break;
			case OrderStanding::WAITING:
				$text = __( 'Waiting', 'gp-sync-for-woocommerce' );
				break;
			case OrderStanding::FAILED:
				$error = is_array( $status['error'] ) ? $status['error'] : [];
				/* translators: %s: error code, e.g. unknown_sku */
				$text = '' !== (string) ( $error['code'] ?? '' ) ? sprintf( __( 'Failed: %s', 'gp-sync-for-woocommerce' ), (string) $error['code'] ) : __( 'Failed', 'gp-sync-for-woocommerce' );
				break;
			default:
				$text = __( 'Not sent', 'gp-sync-for-woocommerce' );
		}
		return sprintf(
			'<span class="gpsync-state gpsync-state--%1$s" title="%2$s"><span>%3$s</span></span>',
			esc_attr( $state ),
			esc_attr( trim( (string) $status['headline'] . ' ' . (string) $status['detail'] ) ),
			esc_html( $text )
		);
	}

	/** A GMT "Y-m-d H:i:s" in the site's time zone and formats. */
	public static function local_time( string $gmt ): string {
		$timestamp = strtotime( $gmt . ' UTC' );
		if ( false === $timestamp ) {
			return $gmt;
		}
		return (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $timestamp );
	}
}
