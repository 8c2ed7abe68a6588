<?php
/**
 * The "Dynamics GP" box on the order edit screen (HPOS and posts storage).
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Admin;

use GPSync\Infrastructure\Registerable;
use GPSync\Settings\Capability;

/**
 * Prints the order's standing in words (readable without JavaScript) and the data the React box
 * (plugin/admin/order-box) starts from; the box adds "Resend to GP" and "View eConnect XML" over REST.
 * Everything from the order or the bridge goes through esc_html()/esc_attr()/esc_url().
 */
final class OrderBox implements Registerable {

	public const ROOT_ID = 'gpsync-order-box';

	private OrderStanding $statuses;

	public function __construct( OrderStanding $statuses ) {
		$this->statuses = $statuses;
	}

	public function register(): void {
		add_action( 'add_meta_boxes', [ $this, 'add' ], 30 );
	}

	/** @internal */
	public function add(): void {
		if ( ! function_exists( 'wc_get_page_screen_id' ) || ! Capability::current_user_can_manage() ) {
			return;
		}
		$screen  = wc_get_page_screen_id( 'shop-order' );
		$current = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $current || $screen !== $current->id ) {
			return; // add_meta_boxes runs on every edit screen; the script belongs on the order's only.
		}
		add_meta_box( 'gpsync-dynamics-gp', __( 'Dynamics GP', 'gp-sync-for-woocommerce' ), [ $this, 'render' ], $screen, 'side', 'high' );
		ScriptAssets::enqueue( 'order-box' );
	}

	/**
	 * @internal
	 * @param \WP_Post|\WC_Order|mixed $post_or_order the order under HPOS, its post under posts storage
	 */
	public function render( $post_or_order ): void {
		$order_id = $post_or_order instanceof \WC_Order ? $post_or_order->get_id() : ( $post_or_order instanceof \WP_Post ? $post_or_order->ID : 0 );
		echo $this->html( $order_id ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- html() escapes every value.
	}

	/** The box's markup for one order: the status in words and the JSON the script reads. */
	public function html( int $order_id ): string {
		$status = $order_id > 0 ? $this->statuses->for_order( $order_id ) : null;
		if ( null === $status ) {
			return '<p>' . esc_html__( 'Save the order first; then it can be sent to GP.', 'gp-sync-for-woocommerce' ) . '</p>';
		}
		$html  = sprintf(
			'<div id="%1$s" class="gpsync-order-box" data-order-id="%2$d" data-status="%3$s">',
			esc_attr( self::ROOT_ID ),
			$order_id,
			esc_attr( (string) wp_json_encode( $status ) )
		);
		$html .= StatusText::html( $status );
		$html .= '</div>';
		return $html;
	}
}
