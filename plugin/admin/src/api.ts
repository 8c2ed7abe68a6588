// Typed calls to the plugin's REST API (gp-sync/v1). api-fetch carries the wp_rest nonce and the REST root:
// WordPress sets both middlewares up when the wp-api-fetch script loads.
import apiFetch from '@wordpress/api-fetch';

export const NS = '/gp-sync/v1';

export type OutboxStatus = 'pending' | 'in_flight' | 'done' | 'retry' | 'dead' | 'discarded';
export type EntityKind = 'customer' | 'product' | 'order' | 'refund';

export interface QueueRow {
  id: number;
  message_id: string;
  kind: EntityKind;
  entity_id: number;
  event: string;
  status: OutboxStatus;
  attempts: number;
  unavailable_attempts: number;
  next_attempt_at_gmt: string;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_field: string | null;
  gp_ids: Record<string, unknown> | null;
  created_at_gmt: string;
  updated_at_gmt: string;
  /** What the row is about, in words (order number, product name + SKU, e-mail). */
  label?: string;
}

export interface QueueDetail extends QueueRow {
  last_response: Record<string, unknown> | null;
  message: Record<string, unknown> | null;
  build_error: string | null;
  preview: { results?: Array<{ valid?: boolean; documents?: Array<{ xml?: string }> }> } | null;
  preview_error: { code: string; message: string } | null;
  attempt_history?: Attempt[];
}

/** One delivery attempt; outcome is done, retry, dead, discarded or transport_failure. */
export interface Attempt {
  at_gmt: string;
  outcome: string;
  code: string | null;
  message: string | null;
  gp_ids?: Record<string, unknown> | null;
}

export interface Alert {
  code: string;
  message: string;
  /** Where the fix is: a tab of this app, or an admin URL. */
  tab?: string;
  url?: string;
}

export interface Stats {
  counts: Record<OutboxStatus, number>;
  oldest_waiting_age_seconds: number | null;
  last_success_gmt: string | null;
  circuit: { opened_at: number; reason: string } | null;
  scheduler: string;
  alerts: string[];
  alert_items?: Alert[];
  throughput?: Array<{ hour_gmt: string; done: number; failed: number }>;
  latest_errors?: QueueRow[];
}

export interface SettingsView {
  bridge_url: string;
  secret_set: boolean;
  batch_size: number;
  request_timeout: number;
  backoff_base_seconds: number;
  backoff_cap_seconds: number;
  max_attempts: number;
  remove_data_on_uninstall: boolean;
  inventory_sites: string;
}

export interface TestConnectionResult {
  reachable: boolean;
  health: {
    status?: string;
    mode?: string;
    version?: string;
    gp?: { reachable?: boolean; latency_ms?: number };
  } | null;
  signature: 'accepted' | 'rejected' | 'unknown';
  error: { code: string; message: string } | null;
}

export interface BackfillProgress {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  kind: string;
  from: string;
  total: number;
  queued: number;
  /** Rows of the kind since the job started: reached GP, still on their way, waiting for a human. */
  delivered?: number;
  waiting?: number;
  failed?: number;
  message?: string;
}

/** A REST error as WordPress sends it: code, message, data.params for invalid arguments. */
export interface RestError {
  code: string;
  message: string;
  data?: { status?: number; params?: Record<string, string>; errors?: Record<string, string> | string[] };
}

export function isRestError(value: unknown): value is RestError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export function errorText(error: unknown): string {
  if (isRestError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface Page<T> {
  items: T[];
  total: number;
  totalPages: number;
}

export async function getPage<T>(path: string): Promise<Page<T>> {
  const response = (await apiFetch({ path, parse: false })) as Response;
  const items = (await response.json()) as T[];
  return {
    items,
    total: Number(response.headers.get('X-WP-Total') ?? items.length),
    totalPages: Number(response.headers.get('X-WP-TotalPages') ?? 1),
  };
}

export function get<T>(path: string): Promise<T> {
  return apiFetch({ path }) as Promise<T>;
}

export function post<T>(path: string, data?: unknown): Promise<T> {
  return apiFetch({ path, method: 'POST', data }) as Promise<T>;
}
