// The order box's REST client: @wordpress/api-fetch, whose nonce and root middleware WordPress core sets up
// on every admin page, so requests carry the logged-in user's REST nonce.
import apiFetch from '@wordpress/api-fetch';
import type { OrderGpClient, OrderGpStatus, QueueDetail, SendAnswer } from './types';

export type Fetch = <T>(options: { path: string; method?: string }) => Promise<T>;

export function createClient(fetch: Fetch = apiFetch as Fetch): OrderGpClient {
  return {
    status: (orderId) => fetch<OrderGpStatus>({ path: `/gp-sync/v1/orders/${orderId}/gp` }),
    send: (orderId) => fetch<SendAnswer>({ path: `/gp-sync/v1/orders/${orderId}/send`, method: 'POST' }),
    preview: (rowId) => fetch<QueueDetail>({ path: `/gp-sync/v1/queue/${rowId}?preview=1` }),
  };
}

/** The message of a failed apiFetch call (a WP_Error as JSON, or a network error), in words. */
export function errorText(error: unknown, fallback: string): string {
  if (
    error &&
    typeof error === 'object' &&
    'message' in error &&
    typeof error.message === 'string' &&
    error.message !== ''
  ) {
    return error.message;
  }
  return fallback;
}
