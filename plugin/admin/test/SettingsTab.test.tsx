import { within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsTab } from '../src/tabs/SettingsTab';
import { fakeRest } from './fake-rest';

const stored = {
  bridge_url: 'http://bridge.test:8080',
  secret_set: true,
  batch_size: 50,
  request_timeout: 30,
  backoff_base_seconds: 30,
  backoff_cap_seconds: 3600,
  max_attempts: 8,
  remove_data_on_uninstall: false,
  inventory_sites: 'all',
};

function routes(extra = {}) {
  return fakeRest({
    'GET /gp-sync/v1/settings': () => ({ body: stored }),
    'POST /gp-sync/v1/settings': (call) => ({
      body: { ...stored, ...(call.data as object), secret_set: true },
    }),
    ...extra,
  });
}

import { renderIn } from './render-in';

// Queries look inside the rendered tab (see render-in); one test checks the spoken live region itself.
let screen: ReturnType<typeof within>;
function render(ui: Parameters<typeof renderIn>[0]) {
  screen = renderIn(ui).view;
}

describe('Settings tab', () => {
  it('says a secret is set without showing it, and leaves the secret field empty', async () => {
    routes();
    render(<SettingsTab />);
    expect(await screen.findByText('Secret: set')).toBeInTheDocument();
    expect(screen.getByLabelText('Shared secret')).toHaveValue('');
  });

  it('refuses an invalid URL, a short secret and a non-numeric batch size inline, and sends nothing', async () => {
    const calls = routes();
    const user = userEvent.setup();
    render(<SettingsTab />);
    const url = await screen.findByLabelText('Bridge URL');
    await user.clear(url);
    await user.type(url, 'ftp://bridge.test');
    await user.type(screen.getByLabelText('Shared secret'), 'short');
    const batch = screen.getByLabelText('Batch size');
    await user.clear(batch);
    await user.type(batch, 'ten');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText(/Nothing was saved: correct the fields/)).toBeInTheDocument();
    expect(screen.getByText(/Enter an http:\/\/ or https:\/\/ address/)).toBeInTheDocument();
    expect(screen.getByText('The secret must have at least 16 characters.')).toBeInTheDocument();
    expect(screen.getByText('Enter a whole number.')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('refuses a longest wait below the first wait', async () => {
    const calls = routes();
    const user = userEvent.setup();
    render(<SettingsTab />);
    const cap = await screen.findByLabelText('Longest wait between retries (seconds)');
    await user.clear(cap);
    await user.type(cap, '10');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('The longest wait must not be below the first wait.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('saves numbers as numbers and a new secret, then clears the secret field', async () => {
    const calls = routes();
    const user = userEvent.setup();
    render(<SettingsTab />);
    const batch = await screen.findByLabelText('Batch size');
    await user.clear(batch);
    await user.type(batch, '120');
    const secret = screen.getByLabelText('Shared secret');
    await user.type(secret, 'a-new-secret-of-32-characters-xx');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    await waitFor(() =>
      expect(document.getElementById('a11y-speak-polite')).toHaveTextContent('Settings saved.'),
    );
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.data).toMatchObject({
      batch_size: 120,
      bridge_secret: 'a-new-secret-of-32-characters-xx',
      bridge_url: 'http://bridge.test:8080',
    });
    expect(secret).toHaveValue('');
  });

  it('shows the server’s refusal next to its field', async () => {
    routes({
      'POST /gp-sync/v1/settings': () => ({
        status: 400,
        body: {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): inventory_sites',
          data: { status: 400, params: { inventory_sites: 'inventory_sites does not match pattern.' } },
        },
      }),
    });
    const user = userEvent.setup();
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('inventory_sites does not match pattern.')).toBeInTheDocument();
    expect(screen.getByText(/Nothing was saved: Invalid parameter/)).toBeInTheDocument();
  });

  it.each([
    [
      {
        reachable: false,
        health: null,
        signature: 'unknown',
        error: { code: 'unreachable', message: 'connection refused' },
      },
      /The bridge is unreachable: connection refused/,
    ],
    [
      {
        reachable: true,
        health: { mode: 'sandbox', gp: { reachable: true } },
        signature: 'rejected',
        error: null,
      },
      /rejected the signature/,
    ],
    [
      {
        reachable: true,
        health: { mode: 'sql', gp: { reachable: false } },
        signature: 'accepted',
        error: null,
      },
      /cannot reach GP’s SQL Server/,
    ],
    [
      {
        reachable: true,
        health: { mode: 'sandbox', version: '0.1.0', gp: { reachable: true, latency_ms: 4.2 } },
        signature: 'accepted',
        error: null,
      },
      /Connected: the bridge \(sandbox mode, version 0\.1\.0\) accepted the secret and GP answered in 4 ms/,
    ],
  ])('Test connection explains the result in plain words (%#)', async (answer, expected) => {
    routes({ 'POST /gp-sync/v1/test-connection': () => ({ body: answer }) });
    const user = userEvent.setup();
    render(<SettingsTab />);
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByText(expected)).toBeInTheDocument());
  });
});
