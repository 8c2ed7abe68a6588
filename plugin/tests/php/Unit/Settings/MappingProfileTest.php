<?php
declare(strict_types=1);

namespace GPSync\Tests\Unit\Settings;

use GPSync\Settings\MappingProfile;
use PHPUnit\Framework\TestCase;

final class MappingProfileTest extends TestCase {

	public function test_when_nothing_is_stored_then_the_defaults_match_the_bridge_contract(): void {
		$profile = MappingProfile::with_version( [] );
		$this->assertSame( 'fit', $profile['length_policy'] );
		$this->assertSame( 'invoice', ( (array) $profile['status_map'] )['completed'] );
		$this->assertSame( 'STDINV', $profile['documents']['invoice_docid'] );
		$this->assertSame( 2, $profile['documents']['quantity_shortage_option'] );
		$this->assertSame( 'hold', $profile['items']['unmatched_sku_policy'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{16}$/', $profile['version'] );
	}

	public function test_when_maps_are_empty_then_they_encode_as_json_objects(): void {
		$json = (string) json_encode( MappingProfile::with_version( [] ) );
		$this->assertStringContainsString( '"payment_types":{}', $json );
		$this->assertStringContainsString( '"rate_map":{}', $json );
		$this->assertStringContainsString( '"method_map":{}', $json );
	}

	public function test_when_a_setting_changes_then_the_version_changes_and_key_order_does_not_matter(): void {
		$a = MappingProfile::with_version(
			[
				'documents' => [
					'batch_id'     => 'WOO',
					'order_prefix' => 'WO',
				],
			]
		);
		$b = MappingProfile::with_version(
			[
				'documents' => [
					'order_prefix' => 'WO',
					'batch_id'     => 'WOO',
				],
			]
		);
		$c = MappingProfile::with_version( [ 'documents' => [ 'batch_id' => 'WEB' ] ] );
		$this->assertSame( $a['version'], $b['version'] );
		$this->assertNotSame( $a['version'], $c['version'] );
		$this->assertSame( 'WEB', $c['documents']['batch_id'] );
		$this->assertSame( 'STDORD', $c['documents']['order_docid'], 'unsent keys of a section keep their defaults' );
	}

	public function test_when_stored_values_have_unknown_keys_or_wrong_shapes_then_they_are_ignored(): void {
		$profile = MappingProfile::with_version(
			[
				'documents'  => [ 'nope' => 1 ],
				'status_map' => 'garbage',
				'evil'       => true,
			]
		);
		$this->assertArrayNotHasKey( 'nope', $profile['documents'] );
		$this->assertArrayNotHasKey( 'evil', $profile );
		$this->assertSame( 'order', ( (array) $profile['status_map'] )['processing'] );
	}
}
