<?php
/**
 * Every option, meta key, hook and group name the plugin uses, in one place.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Settings;

/**
 * Names are public API where marked: integrators read the meta keys (docs/plugin.md).
 */
final class SettingsKeys {

	/** The settings array (bridge_url, bridge_secret, … , mapping_profile). The stack writes it too. */
	public const OPTION = 'gpsync_settings';
	/** Applied outbox schema version (integer). */
	public const DB_VERSION_OPTION = 'gpsync_db_version';
	/** Circuit state while the bridge or GP is unreachable: array{opened_at:int, reason:string}. */
	public const CIRCUIT_OPTION = 'gpsync_circuit';
	/** Set when the bridge answered 401: array{code:string, at:int}. Shown as an admin notice. */
	public const AUTH_FAILURE_OPTION = 'gpsync_auth_failure';
	/** Unix time of the last request the bridge answered with results. */
	public const LAST_SUCCESS_OPTION = 'gpsync_last_success_gmt';
	/** Opaque cursor of the last inventory page applied. */
	public const INVENTORY_CURSOR_OPTION = 'gpsync_inventory_cursor';
	/** Guard so only one probe runs while the circuit is open (value: expiry unix time). */
	public const PROBE_LOCK_OPTION = 'gpsync_probe_lock';

	// Stable meta keys (public API).
	public const META_STATE           = '_gpsync_state';
	public const META_STATE_REASON    = '_gpsync_state_reason';
	public const META_SOP_NUMBER      = '_gpsync_sop_number';
	public const META_SOP_TYPE        = '_gpsync_sop_type';
	public const META_CUSTOMER_NUMBER = '_gpsync_customer_number';
	public const META_ITEM_NUMBER     = '_gpsync_item_number';
	/** Product/variation: GMT "Y-m-d H:i:s" of the last inventory sync that applied GP's stock to it. */
	public const META_STOCK_SYNCED_GMT = '_gpsync_stock_synced_gmt';

	// Action Scheduler / WP-Cron.
	public const AS_GROUP       = 'gpsync';
	public const HOOK_DISPATCH  = 'gpsync_dispatch';
	public const HOOK_SWEEP     = 'gpsync_sweep';
	public const HOOK_INVENTORY = 'gpsync_inventory_poll';
	/** The rest of an inventory run that spent its time budget (its own hook: the recurring poll's pending copy would block a unique one). */
	public const HOOK_INVENTORY_CONTINUE = 'gpsync_inventory_continue';
	public const CRON_SCHEDULE           = 'gpsync_every_minute';
	public const LOG_SOURCE              = 'gp-sync-for-woocommerce';
	public const REST_NAMESPACE          = 'gp-sync/v1';
	public const CAPABILITY              = 'manage_woocommerce';
	public const TEXT_DOMAIN             = 'gp-sync-for-woocommerce';
}
