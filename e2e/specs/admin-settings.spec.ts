// Settings tab in Chromium as the store owner: save, Test connection with the right and a wrong secret,
// bad input refused inline with nothing saved, and the secret in no REST answer or page source.
import { expect, test } from '@playwright/test';
import { bridgeSecret, collectErrors, gpSyncUrl, login, rest } from '../support/admin.js';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000); // a shared two-core machine: WordPress, MariaDB and the bridge answer slowly

interface SettingsJson {
  bridge_url: string;
  batch_size: number;
  secret_set: boolean;
  inventory_sites: string;
}

test('the store owner saves settings and tests the connection with the right and a wrong secret', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await login(page);
  await page.goto(gpSyncUrl('tab=settings'));
  await expect(page.getByText('Secret: set')).toBeVisible();
  await expect(page.getByLabel('Shared secret')).toHaveValue('');

  await page.getByLabel('Batch size').fill('75');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.gpsync-settings').getByText('Settings saved.')).toBeVisible();
  expect((await rest<SettingsJson>(page, 'GET', '/gp-sync/v1/settings')).body.batch_size).toBe(75);

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('.gpsync-test-result')).toContainText(
    /Connected: the bridge \(sandbox mode, version .+\) accepted the secret and GP answered in \d+ ms/,
  );

  try {
    await page.getByLabel('Shared secret').fill('this-is-not-the-bridge-secret');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.gpsync-settings').getByText('Settings saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.gpsync-test-result')).toContainText('rejected the signature');
  } finally {
    const restored = await rest(page, 'POST', '/gp-sync/v1/settings', {
      bridge_secret: bridgeSecret(),
      batch_size: 50,
    });
    expect(restored.status).toBe(200);
  }
  await page.reload();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('.gpsync-test-result')).toContainText('Connected');
  expect(errors).toEqual([]);
});

test('bad input in the settings form is refused inline and nothing is saved', async ({ page }) => {
  await login(page);
  const before = (await rest<SettingsJson>(page, 'GET', '/gp-sync/v1/settings')).body;
  await page.goto(gpSyncUrl('tab=settings'));
  const url = page.getByLabel('Bridge URL');
  const save = page.getByRole('button', { name: 'Save settings' });

  const cases: Array<[string, () => Promise<void>, RegExp]> = [
    ['empty URL', () => url.fill(''), /Enter the bridge URL\./],
    ['invalid URL', () => url.fill('not a url'), /Enter an http:\/\/ or https:\/\/ address/],
    [
      'overlong URL',
      () => url.fill(`https://bridge.example.com/${'a'.repeat(2100)}`),
      /longer than 2048 characters/,
    ],
    ['short secret', () => page.getByLabel('Shared secret').fill('short'), /at least 16 characters/],
    [
      'fractional batch size (a number field takes no letters)',
      () => page.getByLabel('Batch size').fill('12.5'),
      /Enter a whole number\./,
    ],
    [
      'batch size out of range',
      () => page.getByLabel('Batch size').fill('100000'),
      /Enter a number from 1 to 500\./,
    ],
    [
      'bad inventory sites',
      () => page.getByLabel('Inventory sites').fill('<script>'),
      /GP site ids separated by commas/,
    ],
  ];
  for (const [name, enter, message] of cases) {
    await page.reload();
    await enter();
    await save.click();
    await expect(page.locator('.gpsync-settings').getByText(/Nothing was saved/), name).toBeVisible();
    await expect(page.locator('.gpsync-settings').getByText(message), name).toBeVisible();
    await expect(page.locator('.gpsync-settings [aria-invalid="true"]'), name).toHaveCount(1);
  }
  const after = (await rest<SettingsJson>(page, 'GET', '/gp-sync/v1/settings')).body;
  expect(after).toEqual(before);

  // The REST API refuses the same values on its own (a client that skips the form saves nothing either).
  const refused = await rest(page, 'POST', '/gp-sync/v1/settings', {
    bridge_url: 'ftp://x',
    batch_size: 'ten',
  });
  expect(refused.status).toBe(400);
  expect((await rest<SettingsJson>(page, 'GET', '/gp-sync/v1/settings')).body).toEqual(before);
});

test('the secret is in no REST answer and no page source of the app', async ({ page }) => {
  const secret = bridgeSecret();
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('gp-sync') && !response.url().includes('rest_route')) return;
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await login(page);
  for (const tab of ['overview', 'queue', 'mappings', 'settings', 'tools']) {
    await page.goto(gpSyncUrl(`tab=${tab}`));
    await page.waitForLoadState('networkidle');
    expect(await page.content()).not.toContain(secret);
  }
  await page.goto(gpSyncUrl('tab=settings'));
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('.gpsync-test-result')).toBeVisible();
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(secret);
});
