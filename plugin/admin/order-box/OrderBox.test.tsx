// The order box as the store owner uses it: what it says about the order, Resend to GP with the result
// shown in place, and the eConnect XML dialog. The REST client is an in-memory stand-in recording the
// calls; the real routes are exercised by PHPUnit and the Playwright spec against the stack.
/** @jsxRuntime classic */
/** @jsx createElement */
import { createElement } from '@wordpress/element';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OrderBox } from './OrderBox';
import type { OrderGpClient, OrderGpStatus, QueueDetail, SendAnswer } from './types';

const fast = { intervalMs: 1, maxChecks: 5 };

function status(overrides: Partial<OrderGpStatus>): OrderGpStatus {
  return {
    order_id: 42,
    state: 'not_sent',
    headline: 'Not sent to GP',
    detail: 'Nothing has been sent for this order yet.',
    document: null,
    error: null,
    advice: null,
    last_attempt_gmt: null,
    next_attempt_gmt: null,
    attempts: 0,
    message_row_id: null,
    queue_url: '',
    ...overrides,
  };
}

const failed = status({
  state: 'failed',
  headline: 'GP did not accept this order (unknown_sku)',
  detail: 'GP has no item <img src=x onerror=alert(1)>',
  error: { code: 'unknown_sku', message: 'GP has no item', field: 'lines[0].sku' },
  advice: {
    text: 'GP cannot take the item number of “<script>alert(1)</script>”. Set its GP item number on the product, then resend.',
    url: 'https://shop.test/wp-admin/post.php?post=7&action=edit',
    link: 'Edit the product',
  },
  last_attempt_gmt: '2026-12-02 10:00:00',
  attempts: 1,
  message_row_id: 9,
});

const sent = status({
  state: 'sent',
  headline: 'Sent to GP as Order WO000042',
  detail: '',
  document: { type: 2, type_label: 'Order', number: 'WO000042' },
  message_row_id: 9,
});

/** A client whose answers are queued per call, recording what was asked. */
function fakeClient(answers: {
  send?: Array<SendAnswer | Error | Promise<SendAnswer>>;
  status?: OrderGpStatus[];
  preview?: Array<QueueDetail | Error>;
}) {
  const calls: string[] = [];
  const next = <T,>(list: Array<T | Error | Promise<T>> | undefined, name: string): Promise<T> => {
    const answer = list?.shift();
    if (answer === undefined) return Promise.reject(new Error(`unexpected ${name}`));
    if (answer instanceof Promise) return answer;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const client: OrderGpClient = {
    status: (id) => {
      calls.push(`status ${id}`);
      return next(answers.status, 'status');
    },
    send: (id) => {
      calls.push(`send ${id}`);
      return next(answers.send, 'send');
    },
    preview: (row) => {
      calls.push(`preview ${row}`);
      return next(answers.preview, 'preview');
    },
  };
  return { client, calls };
}

describe('OrderBox', () => {
  it('says why GP refused the order, names the field and links to where it is fixed, as text', () => {
    const { client } = fakeClient({});
    const { container } = render(<OrderBox client={client} initialStatus={failed} watch={fast} />);

    expect(screen.getByText('GP did not accept this order (unknown_sku)')).toBeInTheDocument();
    expect(screen.getByText('unknown_sku')).toBeInTheDocument();
    expect(screen.getByText('lines[0].sku')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit the product' })).toHaveAttribute(
      'href',
      'https://shop.test/wp-admin/post.php?post=7&action=edit',
    );
    // Order and product text is shown as typed, never parsed as markup.
    expect(screen.getByText(/GP has no item <img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(screen.getByText(/“<script>alert\(1\)<\/script>”/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText(/^Last attempt: /)).toBeInTheDocument();
  });

  it('resends, says it is queued, then shows the GP document once GP has it', async () => {
    const user = userEvent.setup();
    const waiting = status({ state: 'waiting', headline: 'Waiting to be sent to GP', message_row_id: 9 });
    let answerSend: (answer: SendAnswer) => void = () => undefined;
    const { client, calls } = fakeClient({
      send: [new Promise<SendAnswer>((resolve) => (answerSend = resolve))],
      status: [waiting, sent],
    });
    render(<OrderBox client={client} initialStatus={failed} watch={fast} />);

    const button = screen.getByRole('button', { name: 'Resend to GP' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Sending to GP…');
    await user.click(button); // ignored while the first send is under way
    answerSend({ queued: 9, status: waiting });

    expect(
      await screen.findByText('Sent to GP as Order WO000042', { selector: 'strong' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Sent to GP as Order WO000042');
    expect(calls).toEqual(['send 42', 'status 42', 'status 42']);
    expect(screen.queryByText('unknown_sku')).toBeNull();
    expect(button).not.toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
  });

  it('announces a refusal from the server as an alert and lets the user try again', async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient({
      send: [new Error('You are not allowed to manage GP Sync.'), { queued: 9, status: sent }],
    });
    render(<OrderBox client={client} initialStatus={failed} watch={fast} />);

    await user.click(screen.getByRole('button', { name: 'Resend to GP' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to manage GP Sync.');
    expect(screen.getByText('GP did not accept this order (unknown_sku)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resend to GP' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Sent to GP as Order WO000042');
    expect(calls).toEqual(['send 42', 'send 42']);
  });

  it('shows the eConnect XML the bridge would run, and its GP-rule problems', async () => {
    const user = userEvent.setup();
    const xml =
      '<eConnect><SOPTransactionType><taSopHdrIvcInsert><SOPNUMBE>WO42</SOPNUMBE></taSopHdrIvcInsert></SOPTransactionType></eConnect>';
    const { client, calls } = fakeClient({
      preview: [
        {
          id: 9,
          build_error: null,
          preview_error: null,
          preview: {
            results: [
              {
                valid: false,
                documents: [
                  {
                    xml,
                    valid: false,
                    issues: [{ field: 'ITEMNMBR', message: 'longer than 31 characters' }],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    render(<OrderBox client={client} initialStatus={failed} watch={fast} />);

    const open = screen.getByRole('button', { name: 'View eConnect XML' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'eConnect XML' });
    const pre = await within(dialog).findByLabelText('eConnect XML of document 1');
    expect(pre).toHaveTextContent(xml);
    expect(within(dialog).getByText('ITEMNMBR: longer than 31 characters')).toBeInTheDocument();
    expect(within(dialog).getByText('Document 1 (breaks GP rules)')).toBeInTheDocument();
    expect(calls).toEqual(['preview 9']);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when the bridge cannot build the preview', async () => {
    const user = userEvent.setup();
    const { client } = fakeClient({
      preview: [
        {
          id: 9,
          build_error: null,
          preview: null,
          preview_error: { code: 'unreachable', message: 'Connection refused' },
        },
      ],
    });
    render(<OrderBox client={client} initialStatus={sent} watch={fast} />);

    await user.click(screen.getByRole('button', { name: 'View eConnect XML' }));
    const dialog = await screen.findByRole('dialog', { name: 'eConnect XML' });
    expect(
      await within(dialog).findByText(
        'The bridge did not answer the preview (unreachable): Connection refused',
      ),
    ).toBeInTheDocument();
  });

  it('offers no XML for an order that has never been queued', () => {
    const { client } = fakeClient({});
    render(<OrderBox client={client} initialStatus={status({})} watch={fast} />);

    expect(screen.getByText('Nothing has been sent for this order yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'View eConnect XML' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Resend to GP' })).toBeEnabled();
  });
});
