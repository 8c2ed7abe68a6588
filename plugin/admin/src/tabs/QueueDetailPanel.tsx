// One message in full: the payload, the eConnect XML the bridge would run (POST /v1/preview), the last GP
// answer, the error with its field and the attempt history. Opened from ?message=<id>.
import { Button, Modal, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { NS, get, type QueueDetail } from '../api';
import { useResource } from '../use-rest';
import { kindLabel, statusLabel } from '../labels';
import { adviceFor } from '../dead-letter-advice';
import { editLink } from '../config';
import { AttemptHistoryList } from './AttemptHistoryList';

interface Props {
  id: number;
  onClose: () => void;
  onRetry: (id: number) => void;
  onDiscard: (id: number) => void;
}

/** Every document's eConnect XML from the bridge's preview, in execution order. */
export function xmlOf(detail: QueueDetail): string | null {
  const results = detail.preview?.results;
  if (!Array.isArray(results)) return null;
  const xml = results
    .flatMap((result) => (result.documents ?? []).map((document) => document.xml))
    .filter((value): value is string => typeof value === 'string');
  return xml.length > 0 ? xml.join('\n\n') : null;
}

export function QueueDetailPanel({ id, onClose, onRetry, onDiscard }: Props) {
  const detail = useResource(() => get<QueueDetail>(`${NS}/queue/${id}`), String(id));
  const row = detail.data;
  const advice = row && row.status === 'dead' ? adviceFor(row) : null;
  const xml = row ? xmlOf(row) : null;
  return (
    <Modal
      className="gpsync-detail"
      title={sprintf(__('Message %d', 'gp-sync-for-woocommerce'), id)}
      onRequestClose={onClose}
      size="large"
    >
      {detail.error && (
        <Notice status="error" isDismissible={false}>
          {detail.error}
        </Notice>
      )}
      {detail.loading && !row && <Spinner />}
      {row && (
        <div>
          <dl className="gpsync-facts">
            <dt>{__('Record', 'gp-sync-for-woocommerce')}</dt>
            <dd>
              <a
                href={editLink(row.kind === 'refund' ? 'order' : row.kind, row.entity_id)}
              >{`${kindLabel(row.kind)} #${row.entity_id}`}</a>
              {row.label ? ` — ${row.label}` : ''}
            </dd>
            <dt>{__('State', 'gp-sync-for-woocommerce')}</dt>
            <dd>{statusLabel(row.status)}</dd>
            <dt>{__('Message id', 'gp-sync-for-woocommerce')}</dt>
            <dd>
              <code>{row.message_id}</code>
            </dd>
            <dt>{__('Event', 'gp-sync-for-woocommerce')}</dt>
            <dd>{row.event}</dd>
            <dt>{__('Attempts', 'gp-sync-for-woocommerce')}</dt>
            <dd>
              {sprintf(
                __('%1$d (and %2$d while GP or the bridge was unavailable)', 'gp-sync-for-woocommerce'),
                row.attempts,
                row.unavailable_attempts,
              )}
            </dd>
            {row.gp_ids && (
              <>
                <dt>{__('GP ids', 'gp-sync-for-woocommerce')}</dt>
                <dd>
                  <code>{JSON.stringify(row.gp_ids)}</code>
                </dd>
              </>
            )}
          </dl>
          {row.last_error_code && (
            <Notice status="error" isDismissible={false}>
              <strong>{row.last_error_code}</strong>: {row.last_error_message}
              {row.last_error_field &&
                ` (${sprintf(__('field %s', 'gp-sync-for-woocommerce'), row.last_error_field)})`}
              {advice && (
                <p>
                  {advice.text} <a href={advice.href}>{advice.linkText}</a>
                </p>
              )}
            </Notice>
          )}
          <div className="gpsync-row">
            {['dead', 'retry', 'pending'].includes(row.status) && (
              <Button
                variant="primary"
                onClick={() => {
                  onRetry(row.id);
                  detail.reload();
                }}
              >
                {__('Retry', 'gp-sync-for-woocommerce')}
              </Button>
            )}
            {['dead', 'retry', 'pending'].includes(row.status) && (
              <Button variant="secondary" isDestructive onClick={() => onDiscard(row.id)}>
                {__('Discard', 'gp-sync-for-woocommerce')}
              </Button>
            )}
          </div>
          <AttemptHistoryList attempts={row.attempt_history ?? []} />
          <h3>{__('eConnect XML', 'gp-sync-for-woocommerce')}</h3>
          {row.preview_error && (
            <Notice status="warning" isDismissible={false}>
              {row.preview_error.message}
            </Notice>
          )}
          {row.build_error && (
            <Notice status="warning" isDismissible={false}>
              {row.build_error}
            </Notice>
          )}
          {xml ? (
            <pre className="gpsync-code" tabIndex={0}>
              {xml}
            </pre>
          ) : (
            <p>{__('No preview.', 'gp-sync-for-woocommerce')}</p>
          )}
          <h3>{__('Payload', 'gp-sync-for-woocommerce')}</h3>
          <pre className="gpsync-code" tabIndex={0}>
            {JSON.stringify(row.message, null, 2)}
          </pre>
          <h3>{__('Last answer from GP', 'gp-sync-for-woocommerce')}</h3>
          <pre className="gpsync-code" tabIndex={0}>
            {row.last_response
              ? JSON.stringify(row.last_response, null, 2)
              : __('None yet.', 'gp-sync-for-woocommerce')}
          </pre>
        </div>
      )}
    </Modal>
  );
}
