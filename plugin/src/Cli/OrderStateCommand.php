<?php
/**
 * `wp gp-sync order <id>`.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Cli;

use GPSync\Orders\OrderSyncStatus;

/**
 * Shows where an order or refund stands with GP: sent, waiting, failed or not_sent, with the reason.
 *
 * ## OPTIONS
 *
 * <id>
 * : Order or refund id.
 *
 * [--format=<format>]
 * : table or json.
 * ---
 * default: table
 * ---
 *
 * ## EXAMPLES
 *
 *     wp gp-sync order 1234 --format=json
 */
final class OrderStateCommand {

	private OrderSyncStatus $status;

	public function __construct( OrderSyncStatus $status ) {
		$this->status = $status;
	}

	/**
	 * @param list<string>         $args
	 * @param array<string,string> $assoc_args
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$id     = (int) ( $args[0] ?? 0 );
		$status = $id > 0 ? $this->status->of( $id ) : null;
		if ( null === $status ) {
			\WP_CLI::error( sprintf( 'There is no order or refund with id %d.', $id ) );
		}
		if ( 'json' === ( $assoc_args['format'] ?? 'table' ) ) {
			\WP_CLI::log( (string) wp_json_encode( $status ) );
			return;
		}
		$rows = [];
		foreach ( $status as $field => $value ) {
			$rows[] = [
				'field' => $field,
				'value' => is_array( $value ) ? (string) wp_json_encode( $value ) : (string) ( $value ?? '' ),
			];
		}
		\WP_CLI\Utils\format_items( 'table', $rows, [ 'field', 'value' ] );
	}
}
