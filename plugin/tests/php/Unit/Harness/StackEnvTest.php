<?php
/**
 * The stack.env reader the harness depends on (no WordPress needed).
 */

declare(strict_types=1);

namespace GPSync\Tests\Unit\Harness;

use GPSync\Tests\Support\StackEnv;
use PHPUnit\Framework\TestCase;

final class StackEnvTest extends TestCase {

	public function test_when_lines_are_key_value_then_values_are_taken_verbatim_including_equals_signs(): void {
		$env = StackEnv::parse( "# comment\nWP_URL=http://127.0.0.1:8889\n\nBRIDGE_SECRET=ab=cd\nWOOCOMMERCE=1\nBRIDGE=0\n" );
		$this->assertSame( 'http://127.0.0.1:8889', $env->get( 'WP_URL' ) );
		$this->assertSame( 'ab=cd', $env->get( 'BRIDGE_SECRET' ) );
		$this->assertTrue( $env->flag( 'WOOCOMMERCE' ) );
		$this->assertFalse( $env->flag( 'BRIDGE' ) );
		$this->assertFalse( $env->flag( 'MISSING' ) );
	}

	public function test_when_a_key_is_missing_then_get_says_which_and_how_to_fix_it(): void {
		$this->expectException( \OutOfBoundsException::class );
		$this->expectExceptionMessage( 'stack.env has no WP_PATH' );
		StackEnv::parse( "WP_URL=x\n" )->get( 'WP_PATH' );
	}

	public function test_when_a_line_has_no_equals_sign_then_parsing_fails(): void {
		$this->expectException( \UnexpectedValueException::class );
		StackEnv::parse( "WP_URL\n" );
	}
}
