// Smoke test of the whole local stack: an admin can log into wp-admin, sees GP Sync active on the Plugins
// screen, and the bridge the plugin is configured with answers its health check.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { readStackEnv } from '../support/stack-env.js';

const stack = readStackEnv();
const pluginMainFile = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../plugin/gp-sync-for-woocommerce.php',
);

test('when the admin logs in, then the Plugins screen lists GP Sync as active', async ({ page }) => {
  test.skip(!existsSync(pluginMainFile), 'plugin/gp-sync-for-woocommerce.php does not exist yet');

  await page.goto('/wp-login.php');
  await page.locator('#user_login').fill(stack.adminUser);
  await page.locator('#user_pass').fill(stack.adminPassword);
  await page.locator('#wp-submit').click();
  await page.waitForURL(/\/wp-admin\//);

  await page.goto('/wp-admin/plugins.php');
  const row = page.locator('tr[data-slug="gp-sync-for-woocommerce"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveClass(/(^|\s)active(\s|$)/);
  if (stack.woocommerce) {
    await expect(page.locator('tr[data-slug="woocommerce"]')).toHaveClass(/(^|\s)active(\s|$)/);
  }
});

test('when the bridge runs, then its health endpoint answers ok on the sandbox GP', async ({ request }) => {
  test.skip(!stack.bridgeRunning, 'the bridge is not running in this stack (bridge/src/cli.ts missing)');

  const response = await request.get(`${stack.bridgeUrl}/v1/health`);
  expect(response.status()).toBe(200);
  const health = (await response.json()) as { status?: string; mode?: string; gp?: { reachable?: boolean } };
  expect(health.status).toBe('ok');
  expect(health.mode).toBe('sandbox');
  expect(health.gp?.reachable).toBe(true);
});
