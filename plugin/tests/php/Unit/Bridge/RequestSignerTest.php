<?php
declare(strict_types=1);

namespace GPSync\Tests\Unit\Bridge;

use GPSync\Bridge\RequestSigner;
use PHPUnit\Framework\TestCase;

final class RequestSignerTest extends TestCase {

	public function test_when_signing_the_worked_example_of_docs_contract_then_the_signature_matches_the_bridge(): void {
		$body    = '{"schema_version":1,"profile":{"version":"p1"},"messages":[{"id":"6f1c0d1e-0000-4000-8000-000000000001","kind":"customer","source":{"site":"https://shop.example","entity_id":42,"version":1},"payload":{}}]}';
		$headers = ( new RequestSigner( 'docs-example-secret-0123456789abcdef' ) )->headers( 'post', '/v1/messages', $body, 1764374400 );

		$this->assertSame( '81cb094ed32977937722e40b8bda77bac133f8e04a9dae7e1253968d2775eb36', hash( 'sha256', $body ) );
		$this->assertSame( '1764374400', $headers['X-GPSync-Timestamp'] );
		$this->assertSame( 'v1=6c33f196641da75c31cb9696ee2e552cbae164602e5b4061dd342ee226175a6e', $headers['X-GPSync-Signature'] );
	}

	public function test_when_a_byte_of_the_body_or_the_query_changes_then_the_signature_changes(): void {
		$signer = new RequestSigner( 'secret' );
		$base   = $signer->headers( 'GET', '/v1/inventory?cursor=a', '', 1 )['X-GPSync-Signature'];
		$this->assertNotSame( $base, $signer->headers( 'GET', '/v1/inventory?cursor=b', '', 1 )['X-GPSync-Signature'] );
		$this->assertNotSame( $base, $signer->headers( 'GET', '/v1/inventory?cursor=a', ' ', 1 )['X-GPSync-Signature'] );
		$this->assertNotSame( $base, $signer->headers( 'GET', '/v1/inventory?cursor=a', '', 2 )['X-GPSync-Signature'] );
	}
}
