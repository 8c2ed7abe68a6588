// Tools: backfill orders, customers or products from a date (a background job with a progress bar, which
// survives a reload and can be cancelled), inventory resync now, and the log export.
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Notice,
  SelectControl,
  TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { NS, errorText, get, post, type BackfillProgress } from '../api';
import { useResource } from '../use-rest';
import { opts } from './MappingsTab';

export function ToolsTab() {
  const progress = useResource(() => get<BackfillProgress>(`${NS}/backfill`), 'backfill', 2_000);
  const [kind, setKind] = useState('order');
  const [from, setFrom] = useState('');
  const [fromError, setFromError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ status: 'success' | 'error'; text: string } | null>(null);
  const [inventoryMode, setInventoryMode] = useState('changes');
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setNotice(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(from))) {
      setFromError(__('Enter the first day to include, as a date.', 'gp-sync-for-woocommerce'));
      return;
    }
    setFromError(null);
    try {
      await post(`${NS}/backfill`, { kind, from });
      progress.reload();
    } catch (error: unknown) {
      setNotice({ status: 'error', text: errorText(error) });
    }
  };
  const cancel = async () => {
    try {
      await post(`${NS}/backfill/cancel`);
      progress.reload();
    } catch (error: unknown) {
      setNotice({ status: 'error', text: errorText(error) });
    }
  };
  const resync = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const result = await post<{ applied: number; continues?: boolean }>(`${NS}/inventory/resync`, {
        mode: inventoryMode,
      });
      setNotice({
        status: 'success',
        text: sprintf(
          result.continues
            ? __(
                'Inventory resync: %d stock levels applied so far; the rest continues in the background.',
                'gp-sync-for-woocommerce',
              )
            : __('Inventory resync: %d stock levels applied.', 'gp-sync-for-woocommerce'),
          result.applied,
        ),
      });
    } catch (error: unknown) {
      setNotice({ status: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const job = progress.data;
  const running = job?.state === 'running';
  const percent =
    job && job.total > 0
      ? Math.min(100, Math.round((job.queued / job.total) * 100))
      : job?.state === 'done'
        ? 100
        : 0;

  return (
    <div className="gpsync-tools">
      {notice && (
        <Notice status={notice.status} onRemove={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      <Card>
        <CardHeader>
          <h2>{__('Backfill', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <p>
            {__(
              'Queues existing records for GP. It runs in the background: you can leave this page.',
              'gp-sync-for-woocommerce',
            )}
          </p>
          <div className="gpsync-row">
            <SelectControl
              __nextHasNoMarginBottom
              label={__('What', 'gp-sync-for-woocommerce')}
              value={kind}
              onChange={setKind}
              options={opts([
                { value: 'order', label: __('Orders', 'gp-sync-for-woocommerce') },
                { value: 'customer', label: __('Customers', 'gp-sync-for-woocommerce') },
                { value: 'product', label: __('Products', 'gp-sync-for-woocommerce') },
              ])}
            />
            <TextControl
              __nextHasNoMarginBottom
              label={__('Created on or after', 'gp-sync-for-woocommerce')}
              type="date"
              value={from}
              onChange={setFrom}
              help={fromError ?? undefined}
              className={fromError ? 'gpsync-invalid' : undefined}
              {...(fromError ? { 'aria-invalid': true } : {})}
            />
            <Button variant="primary" disabled={running} onClick={() => void start()}>
              {__('Start backfill', 'gp-sync-for-woocommerce')}
            </Button>
            {running && (
              <Button variant="secondary" isDestructive onClick={() => void cancel()}>
                {__('Cancel backfill', 'gp-sync-for-woocommerce')}
              </Button>
            )}
          </div>
          {job && job.state !== 'idle' && (
            <div className="gpsync-progress">
              <label htmlFor="gpsync-backfill-progress">
                {sprintf(
                  __('%1$s since %2$s: %3$d of %4$d queued', 'gp-sync-for-woocommerce'),
                  job.kind,
                  job.from,
                  job.queued,
                  job.total,
                )}
              </label>
              <progress id="gpsync-backfill-progress" max={100} value={percent}>
                {`${percent}%`}
              </progress>
              <p className="gpsync-backfill-delivery">
                {sprintf(
                  __(
                    'Since the start: %1$d in GP, %2$d on their way, %3$d need attention (Queue tab).',
                    'gp-sync-for-woocommerce',
                  ),
                  job.delivered ?? 0,
                  job.waiting ?? 0,
                  job.failed ?? 0,
                )}
              </p>
              <p aria-live="polite" className="gpsync-backfill-state">
                {job.state === 'done'
                  ? __('Backfill finished.', 'gp-sync-for-woocommerce')
                  : job.state === 'cancelled'
                    ? __('Backfill cancelled.', 'gp-sync-for-woocommerce')
                    : job.state === 'failed'
                      ? sprintf(__('Backfill stopped: %s', 'gp-sync-for-woocommerce'), job.message ?? '')
                      : __('Backfill running…', 'gp-sync-for-woocommerce')}
              </p>
            </div>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Inventory', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody className="gpsync-row">
          <SelectControl
            __nextHasNoMarginBottom
            label={__('Resync', 'gp-sync-for-woocommerce')}
            value={inventoryMode}
            onChange={setInventoryMode}
            options={opts([
              { value: 'changes', label: __('Changes since the last sync', 'gp-sync-for-woocommerce') },
              { value: 'full', label: __('Every item (full)', 'gp-sync-for-woocommerce') },
            ])}
          />
          <Button variant="secondary" isBusy={busy} disabled={busy} onClick={() => void resync()}>
            {__('Resync inventory now', 'gp-sync-for-woocommerce')}
          </Button>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Log', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <p>
            {__(
              'The plugin’s log (ids, codes and counts; never the secret or whole payloads).',
              'gp-sync-for-woocommerce',
            )}
          </p>
          <Button variant="secondary" href={logExportUrl()}>
            {__('Download the log', 'gp-sync-for-woocommerce')}
          </Button>
        </CardBody>
      </Card>
    </div>
  );
}

function logExportUrl(): string {
  const given = window.gpsyncAdmin as { logExportUrl?: string } | undefined;
  return given?.logExportUrl ?? '#';
}
