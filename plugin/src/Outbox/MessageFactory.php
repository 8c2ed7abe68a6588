<?php
/**
 * Turns claimed outbox rows into contract messages.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Outbox;

use GPSync\Infrastructure\RuntimeCache;
use GPSync\Payload\PayloadBuilder;
use GPSync\Settings\Settings;

/**
 * The payload is built here, at send time, from the entity's current state. `source.version` is the build
 * time in milliseconds: a later build always reflects a later (or the same) state, so the bridge can ignore
 * an older message that arrives after a newer one.
 */
class MessageFactory {

	/** @var array<string,PayloadBuilder> */
	private array $builders = [];
	private Settings $settings;
	/** @var callable(): string */
	private $site;
	/** @var array<string,mixed>|null the profile of the batch being built (read once per batch) */
	private ?array $profile = null;

	/**
	 * @param iterable<PayloadBuilder>  $builders
	 * @param (callable(): string)|null $site      the store's URL (source.site)
	 */
	public function __construct( Settings $settings, iterable $builders, ?callable $site = null ) {
		$this->settings = $settings;
		foreach ( $builders as $builder ) {
			$this->add_builder( $builder );
		}
		$this->site = $site ?? static function (): string {
			return (string) home_url();
		};
	}

	/** Reads the profile once for a whole batch (it is hashed); end_batch() forgets it. */
	public function begin_batch(): void {
		$this->profile = $this->settings->mapping_profile();
	}

	/**
	 * Reads the posts, meta and terms of a batch's products in a few queries (RuntimeCache): most of a product
	 * push's time at catalogue scale was WooCommerce reading each product's terms one taxonomy at a time.
	 *
	 * @param list<OutboxRow> $rows the claimed rows
	 */
	public function prime( array $rows ): void {
		$ids = [];
		foreach ( $rows as $row ) {
			if ( 'product' === $row->kind ) {
				$ids[] = $row->entity_id;
			}
		}
		RuntimeCache::prime_products( $ids );
	}

	/** The batch's entities are not needed again: the next batch starts with the object cache's memory freed. */
	public function end_batch(): void {
		$this->profile = null;
		RuntimeCache::release();
	}

	/** @return array<string,mixed> the batch's profile, or the stored one outside a batch */
	private function profile(): array {
		return $this->profile ?? $this->settings->mapping_profile();
	}

	/** Later builders for a kind replace earlier ones (tests and extensions). */
	/**
	 * A copy that builds with $profile instead of the stored one: the Mappings tab's preview of an unsaved
	 * mapping (meta keys read, batch profile).
	 *
	 * @param array<string,mixed> $profile a complete profile with its version (MappingProfile::with_version)
	 */
	public function with_profile( array $profile ): self {
		$copy          = clone $this;
		$copy->profile = $profile;
		return $copy;
	}

	public function add_builder( PayloadBuilder $builder ): void {
		$this->builders[ $builder->kind() ] = $builder;
	}

	public function has_builder( string $kind ): bool {
		return isset( $this->builders[ $kind ] );
	}

	/**
	 * The message for a row, or null when the entity no longer exists. Sets $row->entity_version.
	 *
	 * @return array<string,mixed>|null
	 * @throws \RuntimeException When no builder handles the row's kind.
	 */
	public function build( OutboxRow $row ): ?array {
		$builder = $this->builders[ $row->kind ] ?? null;
		if ( null === $builder ) {
			throw new \RuntimeException( sprintf( 'No payload builder for kind "%s".', $row->kind ) );
		}
		$payload = $builder->build( $row->entity_id, $this->meta_keys_for( $row->kind ) );
		if ( null === $payload ) {
			return null;
		}
		$row->entity_version = (int) floor( microtime( true ) * 1000 );
		return [
			'id'      => $row->message_uuid,
			'kind'    => $row->kind,
			'source'  => [
				'site'      => substr( ( $this->site )(), 0, 255 ),
				'entity_id' => $row->entity_id,
				'version'   => $row->entity_version,
			],
			'payload' => $payload,
		];
	}

	/**
	 * @param list<array<string,mixed>> $messages
	 * @return array<string,mixed> the POST /v1/messages body
	 */
	public function batch( array $messages ): array {
		return [
			'schema_version' => 1,
			'profile'        => $this->profile(),
			'messages'       => $messages,
		];
	}

	/**
	 * Meta keys the mapping profile reads for a kind (`meta:<key>` sources), so builders send only those.
	 *
	 * @return string[]
	 */
	public function meta_keys_for( string $kind ): array {
		$profile = $this->profile();
		$section = [
			'customer' => 'customers',
			'product'  => 'items',
			'order'    => 'orders',
			'refund'   => 'orders',
		][ $kind ] ?? '';
		$fields  = $profile[ $section ]['fields'] ?? [];
		$keys    = [];
		foreach ( is_array( $fields ) ? $fields : [] as $field ) {
			$from = is_array( $field ) ? (string) ( $field['from'] ?? '' ) : '';
			if ( 0 === strpos( $from, 'meta:' ) ) {
				$keys[] = substr( $from, 5 );
			}
		}
		return array_values( array_unique( $keys ) );
	}
}
