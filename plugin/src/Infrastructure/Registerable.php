<?php
/**
 * Capability interface: a service that adds WordPress hooks.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Infrastructure;

/**
 * Services add their hooks only inside register(); Plugin calls it once for
 * every Registerable it builds (one registration loop).
 */
interface Registerable {

	/**
	 * Adds this service's actions and filters.
	 */
	public function register(): void;
}
