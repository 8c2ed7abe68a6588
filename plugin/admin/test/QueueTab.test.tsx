import { act, renderHook, screen as page, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueueTab, queuePath } from '../src/tabs/QueueTab';
import { useUrlState } from '../src/url-state';
import type { QueueRow } from '../src/api';
import { fakeRest } from './fake-rest';
import { renderIn } from './render-in';

function row(patch: Partial<QueueRow>): QueueRow {
  return {
    id: 1,
    message_id: '6f1c0d1e-0000-4000-8000-000000000001',
    kind: 'order',
    entity_id: 1234,
    event: 'status_changed',
    status: 'pending',
    attempts: 0,
    unavailable_attempts: 0,
    next_attempt_at_gmt: '2026-12-02 10:00:00',
    last_error_code: null,
    last_error_message: null,
    last_error_field: null,
    gp_ids: null,
    created_at_gmt: '2026-12-02 10:00:00',
    updated_at_gmt: '2026-12-02 10:00:00',
    ...patch,
  };
}

const deadSku = row({
  id: 7,
  kind: 'product',
  entity_id: 55,
  status: 'dead',
  attempts: 1,
  last_error_code: 'field_too_long',
  last_error_message: 'sku is 40 characters; GP ITEMNMBR takes 31',
  last_error_field: 'sku',
});

function queue(rows: QueueRow[]) {
  const state = { rows };
  const calls = fakeRest({
    'GET /gp-sync/v1/queue\\?.*': () => ({
      body: state.rows,
      headers: { 'X-WP-Total': String(state.rows.length), 'X-WP-TotalPages': '1' },
    }),
    'POST /gp-sync/v1/queue/\\d+/retry': (call) => {
      const id = Number(/queue\/(\d+)/.exec(call.path)?.[1]);
      state.rows = state.rows.map((r) =>
        r.id === id ? { ...r, status: 'pending', last_error_code: null, last_error_message: null } : r,
      );
      return { body: { requeued: true } };
    },
    'POST /gp-sync/v1/queue/bulk': () => ({ body: { done: 1 } }),
    'POST /gp-sync/v1/queue/\\d+/discard': () => ({ body: { discarded: true } }),
  });
  return calls;
}

describe('Queue tab', () => {
  it('builds the list request from the URL state', () => {
    expect(
      queuePath({
        tab: 'queue',
        status: 'dead',
        kind: 'order',
        search: 'WO12',
        paged: '3',
        from: '2026-12-01',
      }),
    ).toBe('/gp-sync/v1/queue?per_page=20&page=3&status=dead&kind=order&search=WO12&from=2026-12-01');
  });

  it('tells what to do about a too-long SKU and links to the product’s GP item number field', async () => {
    queue([deadSku]);
    const { view } = renderIn(<QueueTab state={{ tab: 'queue' }} update={() => undefined} />);
    expect(await view.findByText(/longer than GP’s 31-character item number/)).toBeInTheDocument();
    expect(view.getByRole('link', { name: 'Set the GP item number' })).toHaveAttribute(
      'href',
      'http://shop.test/wp-admin/post.php?post=55&action=edit#_gpsync_item_number',
    );
    expect(view.getByText('Failed (needs a fix)', { selector: '.gpsync-badge' })).toBeInTheDocument();
  });

  it('Retry sends the message again and the row stops being a dead letter', async () => {
    const calls = queue([deadSku]);
    const user = userEvent.setup();
    const { view } = renderIn(<QueueTab state={{ tab: 'queue' }} update={() => undefined} />);
    await user.click(await view.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(view.getByText('Waiting', { selector: '.gpsync-badge' })).toBeInTheDocument());
    expect(calls.some((call) => call.method === 'POST' && call.path === '/gp-sync/v1/queue/7/retry')).toBe(
      true,
    );
    expect(view.getByText('1 message queued to send again.')).toBeInTheDocument();
    expect(view.queryByText(/31-character/)).not.toBeInTheDocument();
  });

  it('asks before discarding, and Keep discards nothing', async () => {
    const calls = queue([deadSku]);
    const user = userEvent.setup();
    const { view } = renderIn(<QueueTab state={{ tab: 'queue' }} update={() => undefined} />);
    await user.click(await view.findByRole('button', { name: 'Discard' }));
    const dialog = await page.findByRole('dialog', { name: 'Discard messages?' });
    expect(dialog).toBeInTheDocument();
    await user.click(page.getByRole('button', { name: 'Keep' }));
    expect(calls.some((call) => call.path.includes('discard'))).toBe(false);

    await user.click(view.getByRole('button', { name: 'Discard' }));
    await user.click(within(await page.findByRole('dialog')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(calls.some((call) => call.path === '/gp-sync/v1/queue/7/discard')).toBe(true));
  });

  it('bulk retry sends the selected ids in one request', async () => {
    const calls = queue([
      deadSku,
      row({ id: 8, status: 'dead', last_error_code: 'unknown_sku', last_error_message: 'SKU X' }),
    ]);
    const user = userEvent.setup();
    const { view } = renderIn(<QueueTab state={{ tab: 'queue' }} update={() => undefined} />);
    await user.click(await view.findByRole('checkbox', { name: 'Select all on this page' }));
    await user.click(view.getByRole('button', { name: 'Retry selected' }));
    await waitFor(() =>
      expect(calls.find((call) => call.path === '/gp-sync/v1/queue/bulk')?.data).toEqual({
        action: 'retry',
        ids: [7, 8],
      }),
    );
  });

  it('shows names from the store as text, never as markup', async () => {
    queue([
      row({
        id: 9,
        status: 'dead',
        last_error_code: 'gp_validation',
        last_error_message: '<img src=x onerror="window.__xss=1">Bad <script>window.__xss=2</script>',
      }),
    ]);
    const { view, container } = renderIn(<QueueTab state={{ tab: 'queue' }} update={() => undefined} />);
    expect(await view.findByText(/<img src=x onerror=/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('opening a message puts its id in the URL, and the page number survives a reload of the state', () => {
    const { result } = renderHook(() => useUrlState());
    act(() => result.current[1]({ tab: 'queue', status: 'dead', entry: '7' }));
    expect(window.location.search).toBe('?page=gp-sync&tab=queue&status=dead&entry=7');
    act(() => result.current[1]({ entry: '' }));
    expect(window.location.search).toBe('?page=gp-sync&tab=queue&status=dead');
    const reread = renderHook(() => useUrlState());
    expect(reread.result.current[0]).toEqual({ tab: 'queue', status: 'dead' });
  });
});
