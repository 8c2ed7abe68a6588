// The "Dynamics GP" box on the order screen: the order's standing in words, what to do about a failure,
// "Resend to GP" with the result announced in place, and "View eConnect XML".
// Classic JSX runtime: WordPress 6.5 has no react-jsx-runtime script (6.6 added it).
/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
import { Button } from '@wordpress/components';
import { createElement, Fragment, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { OrderGpClient, OrderGpStatus } from './types';
import { useOrderGpStatus, type WatchOptions } from './useOrderGpStatus';
import { XmlDialog } from './XmlDialog';

interface Props {
  client: OrderGpClient;
  initialStatus: OrderGpStatus;
  watch?: WatchOptions;
}

/** A GMT "Y-m-d H:i:s" from the server, in the browser's locale and time zone. */
export function localTime(gmt: string): string {
  const date = new Date(`${gmt.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? gmt : date.toLocaleString();
}

export function OrderBox({ client, initialStatus, watch }: Props) {
  const { status, busy, announcement, resend } = useOrderGpStatus(client, initialStatus, watch);
  const [xmlOpen, setXmlOpen] = useState(false);

  return (
    <div className={`gpsync-box gpsync-box--${status.state}`}>
      <p className="gpsync-box__headline">
        <strong>{status.headline}</strong>
      </p>
      {status.detail !== '' && <p className="gpsync-box__detail">{status.detail}</p>}
      {status.error && (
        <dl className="gpsync-box__error">
          <dt>{__('Error code', 'gp-sync-for-woocommerce')}</dt>
          <dd>
            <code>{status.error.code}</code>
          </dd>
          {status.error.field !== '' && (
            <>
              <dt>{__('Field', 'gp-sync-for-woocommerce')}</dt>
              <dd>
                <code>{status.error.field}</code>
                {status.error.path
                  ? ` ${sprintf(
                      /* translators: %s: where in the order the value came from, e.g. lines[0].sku */
                      __('(from %s)', 'gp-sync-for-woocommerce'),
                      status.error.path,
                    )}`
                  : null}
              </dd>
            </>
          )}
        </dl>
      )}
      {status.advice && (
        <p className="gpsync-box__advice">
          {status.advice.text}{' '}
          {status.advice.url !== '' && <a href={status.advice.url}>{status.advice.link}</a>}
        </p>
      )}
      {status.last_attempt_gmt && (
        <p className="gpsync-box__last-attempt">
          {sprintf(
            /* translators: %s: date and time */
            __('Last attempt: %s', 'gp-sync-for-woocommerce'),
            localTime(status.last_attempt_gmt),
          )}
        </p>
      )}
      <p className="gpsync-box__actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus, and WordPress 6.5's
            components have no accessibleWhenDisabled. */}
        <Button variant="secondary" onClick={busy ? undefined : resend} isBusy={busy} aria-disabled={busy}>
          {__('Resend to GP', 'gp-sync-for-woocommerce')}
        </Button>{' '}
        {status.message_row_id !== null && (
          <Button variant="link" onClick={() => setXmlOpen(true)}>
            {__('View eConnect XML', 'gp-sync-for-woocommerce')}
          </Button>
        )}
      </p>
      <div
        className={`gpsync-box__announcement gpsync-box__announcement--${announcement?.kind ?? 'none'}`}
        role={announcement?.kind === 'error' ? 'alert' : 'status'}
        aria-live={announcement?.kind === 'error' ? 'assertive' : 'polite'}
      >
        {announcement?.text}
      </div>
      {xmlOpen && status.message_row_id !== null && (
        <XmlDialog client={client} messageRowId={status.message_row_id} onClose={() => setXmlOpen(false)} />
      )}
    </div>
  );
}
