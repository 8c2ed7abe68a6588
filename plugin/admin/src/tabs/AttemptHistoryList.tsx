// The delivery attempts of one message, newest first (the plugin keeps the last 20): when, what happened, the
// error GP or the transport gave, and the GP ids of the attempt that got through.
import { __ } from '@wordpress/i18n';
import type { Attempt } from '../api';

export function attemptOutcomeLabel(outcome: string): string {
  switch (outcome) {
    case 'done':
      return __('Taken by GP', 'gp-sync-for-woocommerce');
    case 'retry':
      return __('GP asked to retry', 'gp-sync-for-woocommerce');
    case 'dead':
      return __('Refused (needs a fix)', 'gp-sync-for-woocommerce');
    case 'discarded':
      return __('Discarded', 'gp-sync-for-woocommerce');
    case 'transport_failure':
      return __('Bridge not reached', 'gp-sync-for-woocommerce');
    default:
      return outcome;
  }
}

/** "sop_number SOP0001, customer_number C100": the ids GP gave, as text. */
function gpIdsText(gpIds: Record<string, unknown> | null | undefined): string {
  if (!gpIds) return '';
  return Object.entries(gpIds)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}

export function AttemptHistoryList({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <>
      <h3>{__('Attempt history', 'gp-sync-for-woocommerce')}</h3>
      <ol
        className="gpsync-attempts"
        aria-label={__('Attempt history, newest first', 'gp-sync-for-woocommerce')}
      >
        {attempts.map((attempt, index) => {
          const ids = gpIdsText(attempt.gp_ids);
          return (
            <li key={`${attempt.at_gmt}-${index}`} data-outcome={attempt.outcome}>
              {`${attempt.at_gmt} UTC — ${attemptOutcomeLabel(attempt.outcome)}`}
              {attempt.code && ` (${attempt.code}${attempt.message ? `: ${attempt.message}` : ''})`}
              {ids && ` — ${ids}`}
            </li>
          );
        })}
      </ol>
    </>
  );
}
