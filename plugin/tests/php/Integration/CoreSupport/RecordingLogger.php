<?php
/**
 * A Logger that keeps what it was told, and still writes it to the real log.
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\CoreSupport;

use GPSync\Logging\Logger;

final class RecordingLogger extends Logger {

	/** @var list<array{level:string, message:string, context:array<string,mixed>}> */
	public array $lines = [];

	/** @param array<string,mixed> $context */
	protected function log( string $level, string $message, array $context ): void {
		$this->lines[] = [
			'level'   => $level,
			'message' => $message,
			'context' => $context,
		];
		parent::log( $level, $message, $context );
	}

	/** Everything logged, as one string (to assert what must never appear in it). */
	public function text(): string {
		return (string) wp_json_encode( $this->lines );
	}
}
