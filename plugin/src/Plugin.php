<?php
/**
 * Composition root.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync;

use GPSync\Admin\AdminPage;
use GPSync\Admin\LogExport;
use GPSync\Admin\Notices;
use GPSync\Admin\OrderBox;
use GPSync\Admin\OrderBulkSend;
use GPSync\Admin\OrderListColumn;
use GPSync\Admin\OrderSender;
use GPSync\Admin\OrderStanding;
use GPSync\Admin\ProductGpInfo;
use GPSync\Admin\ProductItemNumberField;
use GPSync\Admin\UserGpCustomer;
use GPSync\Capture\CaptureRegistrar;
use GPSync\Cli\ItemNumberCommand;
use GPSync\Cli\OrderStateCommand;
use GPSync\Orders\OrderSyncStatus;
use GPSync\Outbox\RefundDependency;
use GPSync\Products\ItemNumbers;
use GPSync\Rest\ItemNumberController;
use GPSync\Rest\OrderStateController;
use GPSync\Bridge\BridgeClient;
use GPSync\Bridge\HttpTransport;
use GPSync\Cli\GpSyncCommand;
use GPSync\Infrastructure\Registerable;
use GPSync\Inventory\HeldStock;
use GPSync\Inventory\InventorySync;
use GPSync\Logging\Logger;
use GPSync\Meta\GpIdsWriter;
use GPSync\Orders\OrderGateway;
use GPSync\Outbox\Backfill;
use GPSync\Outbox\BackfillJob;
use GPSync\Outbox\Circuit;
use GPSync\Outbox\DispatchJob;
use GPSync\Outbox\MessageFactory;
use GPSync\Outbox\OutboxDispatcher;
use GPSync\Outbox\OutboxRepository;
use GPSync\Outbox\OutboxTable;
use GPSync\Outbox\Recovery;
use GPSync\Payload\PayloadBuilder;
use GPSync\Rest\ActionsController;
use GPSync\Rest\MappingPreviewController;
use GPSync\Rest\MappingsController;
use GPSync\Rest\OrderGpController;
use GPSync\Rest\QueueController;
use GPSync\Rest\SettingsController;
use GPSync\Rest\StatsController;
use GPSync\Rest\ToolsController;
use GPSync\Scheduler\ActionSchedulerScheduler;
use GPSync\Scheduler\SchedulerInterface;
use GPSync\Scheduler\WpCronScheduler;
use GPSync\Settings\Settings;

/**
 * Builds every service by hand (constructor injection, no container) and calls register() on each
 * Registerable once. The only static state is the instance accessor, for the PHP API and uninstall.
 */
final class Plugin {

	private static ?Plugin $instance = null;

	private Settings $settings;
	private Logger $logger;
	private OutboxTable $table;
	private SchedulerInterface $scheduler;
	private OutboxRepository $outbox;
	private BridgeClient $bridge;
	private MessageFactory $messages;
	private OrderGateway $orders;
	private ItemNumbers $items;
	private OrderSyncStatus $states;
	private Circuit $circuit;
	private OutboxDispatcher $dispatcher;
	private InventorySync $inventory;
	private Recovery $recovery;
	private Backfill $backfill;
	private BackfillJob $backfill_job;
	private DispatchJob $job;
	/** @var list<object> */
	private array $services  = [];
	private bool $registered = false;

	public static function instance(): self {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	private function __construct() {
		$this->settings  = new Settings();
		$this->logger    = new Logger();
		$this->table     = new OutboxTable();
		$this->scheduler = ActionSchedulerScheduler::is_available() ? new ActionSchedulerScheduler() : new WpCronScheduler();
		$this->outbox    = new OutboxRepository( $this->table, $this->scheduler );
		$this->bridge    = new BridgeClient( $this->settings, new HttpTransport() );
		// One OrderGateway and one ItemNumbers for every service that reads orders or item numbers.
		$this->orders       = new OrderGateway();
		$this->items        = new ItemNumbers();
		$this->messages     = new MessageFactory( $this->settings, $this->default_builders() );
		$this->circuit      = new Circuit();
		$writer             = new GpIdsWriter( $this->orders, $this->outbox, $this->items );
		$this->dispatcher   = new OutboxDispatcher( $this->outbox, $this->bridge, $this->settings, $this->messages, $writer, $this->circuit, $this->logger, null, new RefundDependency( $this->outbox, $this->orders ) );
		$this->states       = new OrderSyncStatus( $this->orders, $this->outbox );
		$this->inventory    = new InventorySync( $this->bridge, $this->settings, $this->outbox, $this->logger, new HeldStock( $this->outbox, $this->orders, $this->settings ) );
		$this->recovery     = new Recovery( $this->outbox );
		$this->backfill     = new Backfill( $this->outbox, $this->orders );
		$this->backfill_job = new BackfillJob( $this->backfill, $this->scheduler, $this->outbox );
		$this->job          = new DispatchJob( $this->dispatcher, $this->scheduler, $this->inventory, $this->outbox, $this->logger );
		$order_standing     = new OrderStanding( $this->orders, $this->outbox );
		$order_sender       = new OrderSender( $this->outbox, $this->recovery );

		$this->services = [
			$this->scheduler,
			$this->job,
			new Notices(),
			new AdminPage(),
			new SettingsController( $this->settings ),
			new MappingsController( $this->settings ),
			new MappingPreviewController( $this->settings, $this->orders, $this->messages, $this->bridge ),
			new QueueController( $this->outbox, $this->messages, $this->bridge, $this->recovery ),
			new ActionsController( $this->recovery, $this->bridge ),
			new StatsController( $this->outbox, $this->circuit, $this->scheduler ),
			new OrderStateController( $this->states ),
			new ItemNumberController( $this->items ),
			new ProductItemNumberField( $this->items ),
			// Capture listeners: they call OutboxRepository::enqueue().
			new CaptureRegistrar( $this->outbox, $this->orders ),
			// Order, product and user screens (issue 8).
			new OrderGpController( $order_standing, $order_sender ),
			new OrderBox( $order_standing ),
			new OrderListColumn( $order_standing ),
			new OrderBulkSend( $order_sender, $this->orders ),
			new ProductGpInfo( $this->outbox ),
			new UserGpCustomer(),
			$this->backfill_job,
			new ToolsController( $this->backfill_job, $this->inventory, $this->job ),
			new LogExport(),
		];
	}

	/** Called once on plugins_loaded: upgrades the table if needed, then the one registration loop. */
	public function boot(): void {
		if ( $this->registered ) {
			return;
		}
		$this->registered = true;
		$this->table->maybe_install();
		foreach ( $this->services as $service ) {
			if ( $service instanceof Registerable ) {
				$service->register();
			}
		}
		if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::add_command( 'gp-sync', new GpSyncCommand( $this->outbox, $this->recovery, $this->dispatcher, $this->backfill, $this->inventory, $this->circuit, $this->settings ) );
			\WP_CLI::add_command( 'gp-sync item-number', new ItemNumberCommand( $this->items ) );
			\WP_CLI::add_command( 'gp-sync order', new OrderStateCommand( $this->states ) );
		}
	}

	public function activate(): void {
		$this->table->install();
	}

	public function deactivate(): void {
		$this->job->unschedule_all();
	}

	public function settings(): Settings {
		return $this->settings;
	}

	public function outbox(): OutboxRepository {
		return $this->outbox;
	}

	public function dispatcher(): OutboxDispatcher {
		return $this->dispatcher;
	}

	public function messages(): MessageFactory {
		return $this->messages;
	}

	public function recovery(): Recovery {
		return $this->recovery;
	}

	public function backfill(): Backfill {
		return $this->backfill;
	}

	public function backfill_job(): BackfillJob {
		return $this->backfill_job;
	}

	public function inventory(): InventorySync {
		return $this->inventory;
	}

	public function circuit(): Circuit {
		return $this->circuit;
	}

	public function table(): OutboxTable {
		return $this->table;
	}

	public function scheduler(): SchedulerInterface {
		return $this->scheduler;
	}

	public function job(): DispatchJob {
		return $this->job;
	}

	public function bridge(): BridgeClient {
		return $this->bridge;
	}

	public function orders(): OrderGateway {
		return $this->orders;
	}

	public function item_numbers(): ItemNumbers {
		return $this->items;
	}

	public function order_states(): OrderSyncStatus {
		return $this->states;
	}

	/** @return list<PayloadBuilder> */
	private function default_builders(): array {
		if ( ! class_exists( '\GPSync\Payload\PayloadBuilders' ) ) {
			return [];
		}
		$builders = \GPSync\Payload\PayloadBuilders::default( $this->orders, $this->items );
		return array_values(
			array_filter(
				(array) $builders,
				static function ( $builder ): bool {
					return $builder instanceof PayloadBuilder;
				}
			)
		);
	}
}
