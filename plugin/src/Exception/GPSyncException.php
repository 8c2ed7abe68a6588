<?php
/**
 * Marker for every exception the plugin throws.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Exception;

interface GPSyncException {
}
