// What the admin-app specs share: logging in, REST calls made by the logged-in browser (cookie + wp_rest
// nonce, exactly as the app makes them), waking WP-Cron so the queue drains, and a guard that fails a test
// when any dialog (alert/confirm from injected markup) opens.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { parseStackEnv, readStackEnv, stackEnvPath } from './stack-env.js';

export const stack = readStackEnv();

/** The bridge's real secret, which the stack configured (so a test can put it back after a wrong one). */
export function bridgeSecret(): string {
  const secret = parseStackEnv(readFileSync(stackEnvPath(), 'utf8')).get('BRIDGE_SECRET');
  if (!secret) throw new Error('stack.env has no BRIDGE_SECRET');
  return secret;
}

export async function login(
  page: Page,
  user = stack.adminUser,
  password = stack.adminPassword,
): Promise<void> {
  await page.goto('/wp-login.php');
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.waitForLoadState('domcontentloaded');
}

export async function adminPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await login(page);
  return page;
}

export interface RestAnswer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** A REST call with the logged-in user's cookie and a fresh wp_rest nonce (admin-ajax.php?action=rest-nonce). */
export async function rest<T = unknown>(
  page: Page,
  method: string,
  path: string,
  data?: unknown,
): Promise<RestAnswer<T>> {
  if (!page.url().startsWith(stack.wpUrl)) await page.goto('/wp-admin/');
  return page.evaluate(
    async ({ method, path, data }) => {
      const nonceResponse = await fetch('/wp-admin/admin-ajax.php?action=rest-nonce', {
        credentials: 'same-origin',
      });
      const nonce = nonceResponse.ok ? await nonceResponse.text() : '';
      const [route, query] = path.split('?');
      const response = await fetch(`/?rest_route=${route}${query ? `&${query}` : ''}`, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': nonce },
        body: data === undefined ? undefined : JSON.stringify(data),
      });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.status, body, text };
    },
    { method, path, data },
  ) as Promise<RestAnswer<T>>;
}

/** Runs due WP-Cron events (Action Scheduler's queue runner among them) now instead of on the next visit. */
export async function kickCron(page: Page): Promise<void> {
  await page.request.get(`${stack.wpUrl}/wp-cron.php?doing_wp_cron=${Date.now() / 1000}`, {
    timeout: 60_000,
  });
}

/** Fails the test if any JavaScript dialog opens on the page (an injected alert() would). */
export function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

/** Console errors and page errors from our own origin (WooCommerce's calls to the internet fail offline). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (url && !url.startsWith(stack.wpUrl)) return;
    if (/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(message.text())) return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  return errors;
}

export const gpSyncUrl = (query = '') => `/wp-admin/admin.php?page=gp-sync${query ? `&${query}` : ''}`;

export interface QueueRowJson {
  id: number;
  kind: string;
  entity_id: number;
  status: string;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_field: string | null;
}
