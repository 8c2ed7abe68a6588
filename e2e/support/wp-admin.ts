// Helpers for specs that work in wp-admin as the store owner: log in, call REST with the logged-in user's
// cookie and nonce (as wp-admin's own scripts do), switch WooCommerce's order storage, and guard a page
// against script dialogs and console errors.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { parseStackEnv, readStackEnv, stackEnvPath } from './stack-env.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function logIn(page: Page, user: string, password: string): Promise<void> {
  await page.goto('/wp-login.php');
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.waitForURL(/\/wp-admin\//);
}

/** A REST client in the page's session (cookie + X-WP-Nonce from core's admin-ajax rest-nonce action). */
export async function restClient(page: Page) {
  const nonceResponse = await page.request.get('/wp-admin/admin-ajax.php?action=rest-nonce');
  expect(nonceResponse.status(), 'logged in, so WordPress hands out a REST nonce').toBe(200);
  const nonce = (await nonceResponse.text()).trim();
  return async function rest<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    route: string,
    data?: unknown,
  ): Promise<T> {
    const response = await page.request.fetch(`/?rest_route=${encodeURIComponent(route)}`, {
      method,
      headers: { 'X-WP-Nonce': nonce, 'Content-Type': 'application/json' },
      ...(data === undefined ? {} : { data: JSON.stringify(data) }),
    });
    const body = await response.text();
    if (!response.ok()) throw new Error(`${method} ${route} → ${response.status()}: ${body}`);
    return JSON.parse(body) as T;
  };
}

export type Rest = Awaited<ReturnType<typeof restClient>>;

/** Switches WooCommerce between HPOS and posts storage in the stack's WordPress (see order-storage.php). */
export function setOrderStorage(storage: 'hpos' | 'posts'): void {
  const stack = readStackEnv();
  const wpPath = parseStackEnv(readFileSync(stackEnvPath(), 'utf8')).get('WP_PATH') ?? '';
  const out = execFileSync('php', [resolve(here, 'order-storage.php'), wpPath, storage], {
    env: { ...process.env, GPSYNC_PROFILE: process.env.GPSYNC_PROFILE ?? 'test', GPSYNC_WP_URL: stack.wpUrl },
    encoding: 'utf8',
  });
  expect(out.trim()).toBe(storage);
}

/**
 * Collects what must not happen on our screens: an alert/confirm/prompt (an injected <script> or onerror would
 * open one), a JavaScript error, a failed page load, and a failed GP Sync REST call. Other failed requests are
 * WordPress's and WooCommerce's own (news and fonts from the internet, which this machine has not; WooCommerce
 * asking for Jetpack, which is not installed), so they are left out.
 */
export function guardPage(page: Page, origin: string): { consoleErrors: string[] } {
  const consoleErrors: string[] = [];
  page.on('dialog', async (dialog) => {
    consoleErrors.push(`a script dialog fired: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    // Network failures are reported below, with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    const ours = response.url().includes('gp-sync') || response.request().isNavigationRequest();
    if (response.status() >= 400 && response.url().startsWith(origin) && ours) {
      consoleErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  return { consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = resolve(here, '../artifacts/screenshots');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // From the top: wp-admin's sticky header is drawn mid-page in a full-page shot of a scrolled page.
    await page.mouse.wheel(0, -100_000);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
