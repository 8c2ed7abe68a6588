<?php
/**
 * What orders GP has not seen yet hold, per GP item number.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Inventory;

use GPSync\Orders\OrderGateway;
use GPSync\Outbox\OutboxRepository;
use GPSync\Settings\Settings;
use GPSync\Settings\SettingsKeys;

/**
 * WooCommerce lowers stock at checkout; GP allocates only when the SOP document arrives. Until then GP's
 * available quantity still includes those units, so writing it back as it is would raise Woo's stock by every
 * order in the outbox and let the store sell what it does not have. This counts, per item, the quantities of
 * orders whose outbox row is waiting, in flight, retrying or dead, whose status creates an allocating GP
 * document under the status map (an Order or an Invoice) and that have no GP document yet. docs/plugin.md
 * ("Inventory") has the formula.
 */
class HeldStock {

	/** Status-map actions whose SOP document allocates stock in GP (SOP types 2 and 3). */
	private const ALLOCATING_ACTIONS = [ 'order', 'invoice' ];

	private OutboxRepository $outbox;
	private OrderGateway $orders;
	private Settings $settings;

	/** @var array<int, array{changed:string, lines:array<string, StockQuantity>}> per order, until its row moves */
	private array $cache = [];

	public function __construct( OutboxRepository $outbox, OrderGateway $orders, Settings $settings ) {
		$this->outbox   = $outbox;
		$this->orders   = $orders;
		$this->settings = $settings;
	}

	/**
	 * Read before each page is fetched from GP: an order that reaches GP in between is then subtracted once too
	 * often for one poll (stock shown lower, never higher, than what is left), not missed.
	 *
	 * @return array<string, StockQuantity> normalised GP item number => quantity held
	 */
	public function by_item(): array {
		$status_map  = (array) ( $this->settings->mapping_profile()['status_map'] ?? [] );
		$entities    = $this->outbox->unfinished_entities( 'order' );
		$this->cache = array_intersect_key( $this->cache, $entities );
		$held        = [];
		foreach ( $entities as $order_id => $changed ) {
			if ( ! isset( $this->cache[ $order_id ] ) || $this->cache[ $order_id ]['changed'] !== $changed ) {
				$this->cache[ $order_id ] = [
					'changed' => $changed,
					'lines'   => $this->lines_of( $order_id, $status_map ),
				];
			}
			foreach ( $this->cache[ $order_id ]['lines'] as $item_number => $quantity ) {
				$held[ $item_number ] = ( $held[ $item_number ] ?? StockQuantity::zero() )->plus( $quantity );
			}
		}
		return $held;
	}

	/**
	 * @param array<mixed> $status_map
	 * @return array<string, StockQuantity>
	 */
	private function lines_of( int $order_id, array $status_map ): array {
		$order = $this->orders->find_order( $order_id );
		if ( null === $order || '' !== (string) $order->get_meta( SettingsKeys::META_SOP_NUMBER ) ) {
			return []; // Gone, or GP already has its document (and allocated it).
		}
		$action = $status_map[ $order->get_status() ] ?? 'ignore';
		if ( ! in_array( $action, self::ALLOCATING_ACTIONS, true ) ) {
			return [];
		}
		$lines = [];
		foreach ( $order->get_items( 'line_item' ) as $item_id => $item ) {
			if ( ! $item instanceof \WC_Order_Item_Product ) {
				continue;
			}
			$product = $item->get_product();
			if ( ! $product instanceof \WC_Product ) {
				continue;
			}
			$number = ProductStockIndex::key( (string) $product->get_meta( SettingsKeys::META_ITEM_NUMBER ) );
			if ( '' === $number ) {
				$number = ProductStockIndex::key( (string) $product->get_sku() );
			}
			// Refunded quantities are negative in WooCommerce; GP will not allocate what was refunded before it saw the order.
			$quantity = StockQuantity::of( $item->get_quantity() )->plus( StockQuantity::of( $order->get_qty_refunded_for_item( (int) $item_id ) ) );
			if ( '' === $number || $quantity->is_zero() ) {
				continue;
			}
			$lines[ $number ] = ( $lines[ $number ] ?? StockQuantity::zero() )->plus( $quantity );
		}
		return $lines;
	}
}
