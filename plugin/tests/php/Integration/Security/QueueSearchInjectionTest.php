<?php
/**
 * The queue list's search and filters (GET /gp-sync/v1/queue) take text from the admin's browser. Whatever it
 * holds — quotes, LIKE wildcards, backslashes, SQL keywords — is data: it matches exactly what it spells, or
 * nothing, and never widens the result, errors in SQL or touches the table.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Security;

use GPSync\Tests\Integration\CoreSupport\CoreTestCase;

final class QueueSearchInjectionTest extends CoreTestCase {

	/** A stored error code full of metacharacters: found by itself, and only by itself. */
	private const HOSTILE_CODE = "50%_off'\\\" OR 1=1 --";

	private \WP_User $admin;

	/** @var array<string, int> error code → row id */
	private array $rows = [];

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->create_user( 'administrator' );
		global $wpdb;
		// Only the rows this test makes: the admin's creation queued its own customer message.
		$wpdb->query( 'DELETE FROM ' . $this->outbox()->table_name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- our own table name.
		foreach ( [ 'unknown_sku', 'total_mismatch', self::HOSTILE_CODE ] as $i => $code ) {
			$id = $this->outbox()->enqueue( 'order', 9001 + $i, 'order.updated' );
			$wpdb->update(
				$this->outbox()->table_name(),
				[
					'status'             => 'dead',
					'last_error_code'    => $code,
					'last_error_message' => 'seeded by ' . __CLASS__,
				],
				[ 'id' => $id ]
			);
			$this->rows[ $code ] = $id;
		}
	}

	/** @return array<string, array{0: string}> */
	public function hostile_searches(): array {
		return [
			'percent alone'           => [ '%' ],
			'underscore alone'        => [ '_' ],
			'LIKE prefix'             => [ 'unknown%' ],
			'underscore as wildcard'  => [ 'unknown_sk_' ],
			'single quote'            => [ "'" ],
			'quote then OR'           => [ "' OR '1'='1" ],
			'code then OR, commented' => [ "unknown_sku' OR 1=1 -- " ],
			'double quote then OR'    => [ '" OR ""="' ],
			'backslash'               => [ '\\' ],
			'backslash before quote'  => [ "\\' OR 1=1 #" ],
			'stacked DROP'            => [ "x'; DROP TABLE wp_gpsync_outbox; --" ],
			'UNION SELECT'            => [ "x' UNION SELECT user_pass FROM wp_users --" ],
			'digits then OR'          => [ '1 OR 1=1' ],
			'hex literal'             => [ '0x756e6b6e6f776e5f736b75' ],
			'comment only'            => [ '/**/' ],
			'SLEEP'                   => [ "x' AND SLEEP(2) --" ],
			'the stored code, cut'    => [ "50%_off'" ],
		];
	}

	/**
	 * @dataProvider hostile_searches
	 */
	public function test_when_the_search_holds_sql_or_wildcards_then_it_matches_nothing_and_the_table_is_intact( string $search ): void {
		$started  = microtime( true );
		$response = $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => $search ], $this->admin );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( [], $response->get_data(), "search \"$search\" matched rows it does not spell" );
		$this->assertSame( '0', $response->get_headers()['X-WP-Total'] );
		$this->assertLessThan( 1.5, microtime( true ) - $started, 'a SLEEP in the search ran' );
		$this->assertSame( 3, $this->row_count(), 'the table lost or gained rows' );
	}

	public function test_when_the_search_spells_a_stored_code_exactly_then_it_finds_that_row_and_only_it(): void {
		foreach ( $this->rows as $code => $id ) {
			$response = $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => $code ], $this->admin );
			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( [ $id ], array_column( $response->get_data(), 'id' ), "search for \"$code\"" );
		}
	}

	public function test_when_the_search_is_an_entity_id_then_only_that_entitys_row_is_found(): void {
		$response = $this->rest( 'GET', '/gp-sync/v1/queue', [ 'search' => '9002' ], $this->admin );
		$this->assertSame( [ $this->rows['total_mismatch'] ], array_column( $response->get_data(), 'id' ) );
	}

	/** @return array<string, array{0: array<string,string>}> */
	public function hostile_filters(): array {
		return [
			'status with OR'         => [ [ 'status' => "dead' OR '1'='1" ] ],
			'status with a wildcard' => [ [ 'status' => '%' ] ],
			'kind with UNION'        => [ [ 'kind' => "order' UNION SELECT 1 --" ] ],
			'page with SQL'          => [ [ 'page' => '1; DROP TABLE wp_gpsync_outbox' ] ],
			'per_page beyond limit'  => [ [ 'per_page' => '100000' ] ],
			'per_page with SQL'      => [ [ 'per_page' => '10 OR 1=1' ] ],
			'search over 64 chars'   => [ [ 'search' => str_repeat( "'", 65 ) ] ],
		];
	}

	/**
	 * @dataProvider hostile_filters
	 * @param array<string,string> $query
	 */
	public function test_when_a_filter_is_not_one_of_its_values_then_the_request_is_refused_400_and_nothing_is_read( array $query ): void {
		$response = $this->rest( 'GET', '/gp-sync/v1/queue', $query, $this->admin );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] ?? null );
		$this->assertSame( 3, $this->row_count() );
	}

	private function row_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . $this->outbox()->table_name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- our own table name.
	}
}
