import { render, screen as page, within } from '@testing-library/react';
import { QueueDetailPanel } from '../src/tabs/QueueDetailPanel';
import type { Attempt, QueueDetail } from '../src/api';
import { fakeRest } from './fake-rest';

function detail(attempts: Attempt[] | undefined): QueueDetail {
  return {
    id: 7,
    message_id: '6f1c0d1e-0000-4000-8000-000000000007',
    kind: 'order',
    entity_id: 1234,
    event: 'status_changed',
    status: 'done',
    attempts: 1,
    unavailable_attempts: 1,
    next_attempt_at_gmt: '2026-12-02 10:00:00',
    last_error_code: null,
    last_error_message: null,
    last_error_field: null,
    gp_ids: { sop_number: 'ORD0001042' },
    created_at_gmt: '2026-12-02 10:00:00',
    updated_at_gmt: '2026-12-02 10:05:00',
    last_response: null,
    message: null,
    build_error: null,
    preview: null,
    preview_error: null,
    attempt_history: attempts,
  };
}

function open(attempts: Attempt[] | undefined) {
  fakeRest({ 'GET /gp-sync/v1/queue/7': () => ({ body: detail(attempts) }) });
  render(
    <QueueDetailPanel
      id={7}
      onClose={() => undefined}
      onRetry={() => undefined}
      onDiscard={() => undefined}
    />,
  );
}

describe('Queue message detail: attempt history', () => {
  it('lists every attempt newest first, in words, with the error and the GP ids of the one that got through', async () => {
    open([
      {
        at_gmt: '2026-12-02 10:05:00',
        outcome: 'done',
        code: null,
        message: null,
        gp_ids: { sop_number: 'ORD0001042', sop_type: 2 },
      },
      {
        at_gmt: '2026-12-02 10:02:00',
        outcome: 'retry',
        code: 'gp_deadlock',
        message: 'try later',
        gp_ids: null,
      },
      {
        at_gmt: '2026-12-02 10:00:00',
        outcome: 'transport_failure',
        code: 'bridge_unreachable',
        message: 'Connection refused',
      },
    ]);
    const list = await page.findByRole('list', { name: 'Attempt history, newest first' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      '2026-12-02 10:05:00 UTC — Taken by GP — sop_number ORD0001042, sop_type 2',
      '2026-12-02 10:02:00 UTC — GP asked to retry (gp_deadlock: try later)',
      '2026-12-02 10:00:00 UTC — Bridge not reached (bridge_unreachable: Connection refused)',
    ]);
  });

  it('shows error text from GP as text, never as markup', async () => {
    open([
      {
        at_gmt: '2026-12-02 10:00:00',
        outcome: 'dead',
        code: 'gp_error',
        message: '<img src=x onerror=alert(1)>',
      },
    ]);
    expect(
      await page.findByText(/Refused \(needs a fix\) \(gp_error: <img src=x onerror=alert\(1\)>\)/),
    ).toBeInTheDocument();
    expect(document.querySelector('.gpsync-attempts img')).toBeNull();
  });

  it('has no history section for a message never tried', async () => {
    open([]);
    expect(await page.findByText('Message 7')).toBeInTheDocument();
    expect(page.queryByText('Attempt history')).not.toBeInTheDocument();
  });
});
