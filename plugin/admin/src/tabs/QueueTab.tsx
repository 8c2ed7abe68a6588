// Queue: every outbox message, dead letters first. Filters, search and page live in the URL; the open
// message (?entry=<id>; WordPress strips a "message" argument from admin URLs) shows its detail panel. Retry and discard one or many; discard asks first.
import { Button, Notice, SelectControl, Spinner, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { NS, errorText, getPage, post, type QueueRow } from '../api';
import { useResource } from '../use-rest';
import { kindLabel, statusLabel } from '../labels';
import type { ViewState } from '../url-state';
import { QueueDetailPanel } from './QueueDetailPanel';
import { ConfirmDiscard } from '../components/ConfirmDiscard';
import { adviceFor } from '../dead-letter-advice';

const PER_PAGE = 20;

export function queuePath(state: ViewState): string {
  const query = new URLSearchParams({ per_page: String(PER_PAGE), page: state.paged || '1' });
  for (const key of ['status', 'kind', 'search', 'from', 'to'] as const) {
    const value = state[key];
    if (value) query.set(key, value);
  }
  return `${NS}/queue?${query.toString()}`;
}

interface Props {
  state: ViewState;
  update: (patch: Record<string, string | undefined>) => void;
}

export function QueueTab({ state, update }: Props) {
  const path = queuePath(state);
  const page = useResource(() => getPage<QueueRow>(path), path, 15_000);
  const [selected, setSelected] = useState<number[]>([]);
  const [notice, setNotice] = useState<{ status: 'success' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<number[] | null>(null);
  const [search, setSearch] = useState(state.search ?? '');
  const current = Number(state.paged || '1');

  const act = async (action: 'retry' | 'discard', ids: number[]) => {
    setNotice(null);
    try {
      if (ids.length === 1) await post(`${NS}/queue/${ids[0]}/${action}`);
      else await post(`${NS}/queue/bulk`, { action, ids });
      setNotice({
        status: 'success',
        text:
          action === 'retry'
            ? sprintf(
                _n(
                  '%d message queued to send again.',
                  '%d messages queued to send again.',
                  ids.length,
                  'gp-sync-for-woocommerce',
                ),
                ids.length,
              )
            : sprintf(
                _n('%d message discarded.', '%d messages discarded.', ids.length, 'gp-sync-for-woocommerce'),
                ids.length,
              ),
      });
      setSelected([]);
      page.reload();
    } catch (error: unknown) {
      setNotice({ status: 'error', text: errorText(error) });
    }
  };

  const filter = (patch: Record<string, string>) => update({ ...patch, paged: '' });
  const rows = page.data?.items ?? [];
  const allSelected = rows.length > 0 && rows.every((row) => selected.includes(row.id));

  return (
    <div className="gpsync-queue">
      {notice && (
        <Notice status={notice.status} onRemove={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      <form
        className="gpsync-filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          filter({ search: search.trim() });
        }}
      >
        <SelectControl
          __nextHasNoMarginBottom
          label={__('State', 'gp-sync-for-woocommerce')}
          value={state.status ?? ''}
          onChange={(value: string) => filter({ status: value })}
          options={[
            { value: '', label: __('All states', 'gp-sync-for-woocommerce') },
            ...['dead', 'retry', 'pending', 'in_flight', 'done', 'discarded'].map((value) => ({
              value,
              label: statusLabel(value),
            })),
          ]}
        />
        <SelectControl
          __nextHasNoMarginBottom
          label={__('Kind', 'gp-sync-for-woocommerce')}
          value={state.kind ?? ''}
          onChange={(value: string) => filter({ kind: value })}
          options={[
            { value: '', label: __('All kinds', 'gp-sync-for-woocommerce') },
            ...['order', 'refund', 'customer', 'product'].map((value) => ({
              value,
              label: kindLabel(value),
            })),
          ]}
        />
        <TextControl
          __nextHasNoMarginBottom
          label={__('From', 'gp-sync-for-woocommerce')}
          type="date"
          value={state.from ?? ''}
          onChange={(value: string) => filter({ from: value })}
        />
        <TextControl
          __nextHasNoMarginBottom
          label={__('To', 'gp-sync-for-woocommerce')}
          type="date"
          value={state.to ?? ''}
          onChange={(value: string) => filter({ to: value })}
        />
        <TextControl
          __nextHasNoMarginBottom
          label={__('Search', 'gp-sync-for-woocommerce')}
          help={__(
            'Order, product or user number, buyer’s e-mail, SKU or GP item number (whole), message id or error code.',
            'gp-sync-for-woocommerce',
          )}
          value={search}
          maxLength={64}
          onChange={setSearch}
        />
        <Button variant="secondary" type="submit">
          {__('Search', 'gp-sync-for-woocommerce')}
        </Button>
      </form>

      <div className="gpsync-bulk" role="group" aria-label={__('Bulk actions', 'gp-sync-for-woocommerce')}>
        <Button
          variant="secondary"
          disabled={selected.length === 0}
          onClick={() => void act('retry', selected)}
        >
          {__('Retry selected', 'gp-sync-for-woocommerce')}
        </Button>
        <Button
          variant="secondary"
          isDestructive
          disabled={selected.length === 0}
          onClick={() => setConfirm(selected)}
        >
          {__('Discard selected', 'gp-sync-for-woocommerce')}
        </Button>
        <span aria-live="polite">
          {page.data &&
            sprintf(
              _n('%d message', '%d messages', page.data.total, 'gp-sync-for-woocommerce'),
              page.data.total,
            )}
        </span>
      </div>

      {page.error && (
        <Notice status="error" isDismissible={false}>
          {page.error}
        </Notice>
      )}
      {page.loading && page.data === null ? (
        <Spinner />
      ) : (
        <table className="wp-list-table widefat striped gpsync-table">
          <thead>
            <tr>
              <td className="check-column">
                <input
                  type="checkbox"
                  aria-label={__('Select all on this page', 'gp-sync-for-woocommerce')}
                  checked={allSelected}
                  onChange={(event) => setSelected(event.target.checked ? rows.map((row) => row.id) : [])}
                />
              </td>
              <th scope="col">{__('Message', 'gp-sync-for-woocommerce')}</th>
              <th scope="col">{__('State', 'gp-sync-for-woocommerce')}</th>
              <th scope="col">{__('Error and what to do', 'gp-sync-for-woocommerce')}</th>
              <th scope="col">{__('Updated (UTC)', 'gp-sync-for-woocommerce')}</th>
              <th scope="col">{__('Actions', 'gp-sync-for-woocommerce')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6}>{__('No messages match.', 'gp-sync-for-woocommerce')}</td>
              </tr>
            )}
            {rows.map((row) => {
              const advice = row.status === 'dead' ? adviceFor(row) : null;
              return (
                <tr key={row.id} className={`gpsync-status-${row.status}`} data-row-id={row.id}>
                  <th scope="row" className="check-column">
                    <input
                      type="checkbox"
                      aria-label={sprintf(__('Select message %d', 'gp-sync-for-woocommerce'), row.id)}
                      checked={selected.includes(row.id)}
                      onChange={(event) =>
                        setSelected(
                          event.target.checked
                            ? [...selected, row.id]
                            : selected.filter((id) => id !== row.id),
                        )
                      }
                    />
                  </th>
                  <td>
                    <Button variant="link" onClick={() => update({ entry: String(row.id) })}>
                      {`${kindLabel(row.kind)} #${row.entity_id}`}
                    </Button>
                    {row.label ? <div className="gpsync-label">{row.label}</div> : null}
                    <div className="gpsync-muted">{`${row.event} · ${row.message_id.slice(0, 8)}`}</div>
                  </td>
                  <td>
                    <span className={`gpsync-badge gpsync-badge-${row.status}`}>
                      {statusLabel(row.status)}
                    </span>
                    {row.attempts > 0 && (
                      <div className="gpsync-muted">
                        {sprintf(
                          _n('%d attempt', '%d attempts', row.attempts, 'gp-sync-for-woocommerce'),
                          row.attempts,
                        )}
                      </div>
                    )}
                  </td>
                  <td>
                    {row.last_error_code && (
                      <div>
                        <code>{row.last_error_code}</code> {row.last_error_message}
                        {row.last_error_field && (
                          <div className="gpsync-muted">
                            {sprintf(__('Field: %s', 'gp-sync-for-woocommerce'), row.last_error_field)}
                          </div>
                        )}
                      </div>
                    )}
                    {advice && (
                      <div className="gpsync-advice">
                        {advice.text} <a href={advice.href}>{advice.linkText}</a>
                      </div>
                    )}
                  </td>
                  <td>{row.updated_at_gmt}</td>
                  <td className="gpsync-actions">
                    {['dead', 'retry', 'pending'].includes(row.status) && (
                      <Button variant="secondary" size="small" onClick={() => void act('retry', [row.id])}>
                        {row.status === 'dead'
                          ? __('Retry', 'gp-sync-for-woocommerce')
                          : __('Send now', 'gp-sync-for-woocommerce')}
                      </Button>
                    )}
                    {['dead', 'retry', 'pending'].includes(row.status) && (
                      <Button
                        variant="tertiary"
                        size="small"
                        isDestructive
                        onClick={() => setConfirm([row.id])}
                      >
                        {__('Discard', 'gp-sync-for-woocommerce')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {page.data && page.data.totalPages > 1 && (
        <nav className="gpsync-pager" aria-label={__('Queue pages', 'gp-sync-for-woocommerce')}>
          <Button
            variant="secondary"
            disabled={current <= 1}
            onClick={() => update({ paged: String(current - 1) })}
          >
            {__('Previous page', 'gp-sync-for-woocommerce')}
          </Button>
          <span>
            {sprintf(__('Page %1$d of %2$d', 'gp-sync-for-woocommerce'), current, page.data.totalPages)}
          </span>
          <Button
            variant="secondary"
            disabled={current >= page.data.totalPages}
            onClick={() => update({ paged: String(current + 1) })}
          >
            {__('Next page', 'gp-sync-for-woocommerce')}
          </Button>
        </nav>
      )}

      {state.entry && (
        <QueueDetailPanel
          id={Number(state.entry)}
          onClose={() => update({ entry: '' })}
          onRetry={(id) => void act('retry', [id])}
          onDiscard={(id) => setConfirm([id])}
        />
      )}
      {confirm && (
        <ConfirmDiscard
          count={confirm.length}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const ids = confirm;
            setConfirm(null);
            void act('discard', ids);
          }}
        />
      )}
    </div>
  );
}
