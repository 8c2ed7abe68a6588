// Tools → "Download the log": the store owner gets the plugin's log as a text file, without the secret;
// without the nonce (a forged link) nothing is served.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { bridgeSecret, gpSyncUrl, login, stack } from '../support/admin.js';

test('the log downloads as text from Tools and never carries the secret', async ({ page }) => {
  await login(page);
  await page.goto(gpSyncUrl('tab=tools'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the log' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gp-sync-log-\d{8}-\d{6}\.txt$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toContain(bridgeSecret());

  const forged = await page.request.get(`${stack.wpUrl}/wp-admin/admin-post.php?action=gpsync_export_log`);
  expect(forged.status()).toBe(403);
});
