// The Queue tab with 100,000 outbox rows: rows seeded with one SQL statement (MariaDB's sequence engine),
// then the time from opening the tab to its first row on screen, and the next page, are measured in
// Chromium and written to e2e/artifacts/queue-100k.txt. The seeded rows (event "bench") are removed after.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { gpSyncUrl, login } from '../support/admin.js';
import { parseStackEnv, stackEnvPath } from '../support/stack-env.js';

test.setTimeout(300_000);

const ROWS = 100_000;
const env = parseStackEnv(readFileSync(stackEnvPath(), 'utf8'));
const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), '../artifacts');

function sql(statement: string): string {
  return execFileSync(
    'mysql',
    [
      `-u${env.get('DB_USER')}`,
      `-p${env.get('DB_PASSWORD')}`,
      `-h${env.get('DB_HOST') ?? 'localhost'}`,
      '-N',
      env.get('DB_NAME') ?? '',
      '-e',
      statement,
    ],
    { encoding: 'utf8' },
  );
}

test.afterAll(() => {
  sql("DELETE FROM wp_gpsync_outbox WHERE event = 'bench'");
});

test(`the Queue tab's first render with ${ROWS.toLocaleString('en')} rows`, async ({ page }) => {
  sql("DELETE FROM wp_gpsync_outbox WHERE event = 'bench'");
  // One dead letter in 50 (they sort first), the rest done; spread over the last 30 days.
  sql(`INSERT INTO wp_gpsync_outbox (message_uuid, kind, entity_id, event, status, attempts, next_attempt_at_gmt, last_error_code, last_error_message, created_at_gmt, updated_at_gmt)
       SELECT UUID(), 'order', 800000000 + seq, 'bench', IF(seq % 50 = 0, 'dead', 'done'), 1, UTC_TIMESTAMP(),
              IF(seq % 50 = 0, 'unknown_sku', NULL), IF(seq % 50 = 0, 'SKU "BENCH-1" is not an item in GP', NULL),
              UTC_TIMESTAMP() - INTERVAL (seq % 43200) MINUTE, UTC_TIMESTAMP() - INTERVAL (seq % 43200) MINUTE
       FROM seq_1_to_${ROWS}`);
  const seeded = Number(sql("SELECT COUNT(*) FROM wp_gpsync_outbox WHERE event = 'bench'").trim());
  expect(seeded).toBe(ROWS);

  await login(page);
  await page.goto(gpSyncUrl('tab=overview')); // warm: PHP opcache and the first admin request are not the queue's cost
  const started = Date.now();
  await page.goto(gpSyncUrl('tab=queue'));
  await expect(page.locator('.gpsync-table tbody tr[data-row-id]').first()).toBeVisible({ timeout: 60_000 });
  const firstRender = Date.now() - started;
  await expect(page.locator('.gpsync-table tbody tr[data-row-id]').first()).toContainText(
    'Failed (needs a fix)',
  );
  const total = await page.locator('.gpsync-bulk').innerText();
  expect(Number(total.replace(/\D/g, ''))).toBeGreaterThanOrEqual(ROWS);

  const before = Date.now();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/paged=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  const nextPage = Date.now() - before;

  const search = Date.now();
  await page.getByLabel('Search').fill(String(800000000 + 4321));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.gpsync-table tbody tr[data-row-id]')).toHaveCount(1);
  const searchTime = Date.now() - search;

  const report = `Queue tab with ${seeded.toLocaleString('en')} seeded rows (${new Date().toISOString()}):\n  first render (navigation to first row visible): ${firstRender} ms\n  next page: ${nextPage} ms\n  search by order number: ${searchTime} ms\n`;
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(`${artifacts}/queue-100k.txt`, report);
  console.log(report);
  expect(firstRender).toBeLessThan(10_000);
});
