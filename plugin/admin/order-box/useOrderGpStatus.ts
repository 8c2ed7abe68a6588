// The box's state machine: the order's GP status, "Resend to GP", and watching a queued message until GP
// answers (the queue drains within seconds while the bridge is up), so the result shows in place.
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { errorText } from './api';
import type { OrderGpClient, OrderGpStatus } from './types';

export interface Announcement {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export interface WatchOptions {
  intervalMs: number;
  maxChecks: number;
}

// Action Scheduler starts its async runner at most once a minute, so an answer can take that long.
export const DEFAULT_WATCH: WatchOptions = { intervalMs: 3000, maxChecks: 50 };

export function outcomeText(status: OrderGpStatus): string {
  switch (status.state) {
    case 'sent':
      return status.headline;
    case 'failed':
      return sprintf(
        /* translators: 1: what happened, 2: the error message */
        __('%1$s: %2$s', 'gp-sync-for-woocommerce'),
        status.headline,
        status.detail,
      );
    default:
      return `${status.headline}. ${status.detail}`;
  }
}

export function useOrderGpStatus(
  client: OrderGpClient,
  initial: OrderGpStatus,
  watch: WatchOptions = DEFAULT_WATCH,
) {
  const [status, setStatus] = useState<OrderGpStatus>(initial);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(
    () => () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const watchUntilSettled = useCallback(
    (orderId: number, checksLeft: number) => {
      if (checksLeft <= 0) {
        setBusy(false);
        setAnnouncement({
          kind: 'info',
          text: __(
            'Still waiting for GP. The box updates when you reload the page.',
            'gp-sync-for-woocommerce',
          ),
        });
        return;
      }
      timer.current = setTimeout(() => {
        client.status(orderId).then(
          (next) => {
            if (!mounted.current) return;
            setStatus(next);
            if (next.state === 'waiting') {
              watchUntilSettled(orderId, checksLeft - 1);
              return;
            }
            setBusy(false);
            setAnnouncement({ kind: next.state === 'failed' ? 'error' : 'success', text: outcomeText(next) });
          },
          (error: unknown) => {
            if (!mounted.current) return;
            setBusy(false);
            setAnnouncement({
              kind: 'error',
              text: errorText(error, __('Could not read the order’s GP status.', 'gp-sync-for-woocommerce')),
            });
          },
        );
      }, watch.intervalMs);
    },
    [client, watch.intervalMs],
  );

  const resend = useCallback(async () => {
    setBusy(true);
    setAnnouncement({ kind: 'info', text: __('Sending to GP…', 'gp-sync-for-woocommerce') });
    try {
      const answer = await client.send(status.order_id);
      if (!mounted.current) return;
      setStatus(answer.status);
      if (answer.status.state === 'waiting') {
        setAnnouncement({
          kind: 'info',
          text: sprintf(
            /* translators: %d: queue message number */
            __('Queued for GP as message #%d. Waiting for GP’s answer…', 'gp-sync-for-woocommerce'),
            answer.queued,
          ),
        });
        watchUntilSettled(status.order_id, watch.maxChecks);
        return;
      }
      setBusy(false);
      setAnnouncement({
        kind: answer.status.state === 'failed' ? 'error' : 'success',
        text: outcomeText(answer.status),
      });
    } catch (error: unknown) {
      if (!mounted.current) return;
      setBusy(false);
      setAnnouncement({
        kind: 'error',
        text: errorText(error, __('The order could not be queued for GP.', 'gp-sync-for-woocommerce')),
      });
    }
  }, [client, status.order_id, watch.maxChecks, watchUntilSettled]);

  return { status, busy, announcement, resend };
}
