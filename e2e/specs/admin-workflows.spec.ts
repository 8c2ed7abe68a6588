// The store owner's work in the admin app, on the real stack: orders fill and drain the queue; a dead
// letter (a SKU longer than GP's item number) is corrected from the screen its advice links to and Retry
// turns it done; a backfill's progress bar finishes; a mapping change changes the eConnect preview before it
// is saved; bad mapping input is refused inline and nothing is saved.
import { expect, test, type Page } from '@playwright/test';
import { gpSyncUrl, kickCron, login, rest, stack, type QueueRowJson } from '../support/admin.js';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);
test.skip(!stack.woocommerce, 'needs WooCommerce');

/** Polls (waking WP-Cron each time) until the REST answer satisfies the check. */
async function until<T>(page: Page, path: string, check: (body: T) => boolean, seconds = 150): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const answer = await rest<T>(page, 'GET', path);
    if (check(answer.body)) return answer.body;
    if (Date.now() > deadline)
      throw new Error(`${path} never satisfied the check: ${answer.text.slice(0, 500)}`);
    await kickCron(page);
    await page.waitForTimeout(1500);
  }
}

async function product(page: Page, sku: string): Promise<number> {
  const created = await rest<{ id: number }>(page, 'POST', '/wc/v3/products', {
    name: `Mug ${sku}`,
    regular_price: '12.00',
    sku,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function order(page: Page, productId: number, status = 'processing'): Promise<number> {
  const created = await rest<{ id: number }>(page, 'POST', '/wc/v3/orders', {
    status,
    billing: {
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@example.com',
      address_1: '3 Mill Rd',
      city: 'Leeds',
      postcode: 'LS2 2BB',
      country: 'GB',
    },
    line_items: [{ product_id: productId, quantity: 2 }],
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

let goodProduct = 0;

test('orders fill the queue and it drains to done', async ({ page }) => {
  await login(page);
  goodProduct = await product(page, `MUG-${Date.now() % 1_000_000}`);
  const orders = [
    await order(page, goodProduct),
    await order(page, goodProduct),
    await order(page, goodProduct),
  ];

  await page.goto(gpSyncUrl(`tab=queue&kind=order`));
  for (const id of orders) await expect(page.locator('.gpsync-table')).toContainText(`Order #${id}`);

  for (const id of orders) {
    await until<QueueRowJson[]>(
      page,
      `/gp-sync/v1/queue?kind=order&search=${id}`,
      (rows) => rows.length > 0 && rows.every((row) => row.status === 'done'),
    );
  }
  await page.goto(gpSyncUrl(`tab=queue&kind=order&status=done`));
  for (const id of orders) await expect(page.locator('.gpsync-table')).toContainText(`Order #${id}`);
  await page.goto(gpSyncUrl('tab=overview'));
  await expect(page.locator('[data-count="done"]')).not.toHaveText('0');
  await expect(page.locator('.gpsync-chart figcaption')).toContainText(/[1-9]\d* messages reached GP/);
});

test('a dead letter is corrected from the screen its advice links to, and Retry turns it done', async ({
  page,
}) => {
  await login(page);
  const longSku = `WOO-${Date.now()}-ABCDEFGHIJKLMNOPQRSTUVWXYZ`; // longer than GP's 31-character ITEMNMBR
  const productId = await product(page, longSku);
  const [dead] = await until<QueueRowJson[]>(
    page,
    `/gp-sync/v1/queue?kind=product&search=${productId}`,
    (rows) => rows.some((row) => row.status === 'dead'),
  );
  expect(dead!.last_error_code).toBe('field_too_long');

  await page.goto(gpSyncUrl('tab=queue&status=dead&kind=product'));
  const row = page.locator(`tr[data-row-id="${dead!.id}"]`);
  await expect(row).toContainText('field_too_long');
  const fix = row.getByRole('link', { name: 'Set the GP item number' });
  await expect(fix).toHaveAttribute(
    'href',
    new RegExp(`post\\.php\\?post=${productId}&action=edit#_gpsync_item_number$`),
  );

  // The link opens the product's edit screen (with the order-lifecycle work, at its GP item number field).
  await fix.click();
  await expect(page).toHaveURL(new RegExp(`post=${productId}&action=edit`));
  await expect(page.locator('#_sku')).toHaveValue(longSku);
  // The fix itself: an SKU GP can take (set through WooCommerce, as the product screen's Update would).
  const fixed = await rest(page, 'PUT', `/wc/v3/products/${productId}`, {
    sku: `MUG-FIX-${Date.now() % 100000}`,
  });
  expect(fixed.status, fixed.text).toBe(200);

  await page.goto(gpSyncUrl('tab=queue&status=dead&kind=product'));
  await page.locator(`tr[data-row-id="${dead!.id}"]`).getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('.gpsync-queue').getByText('1 message queued to send again.')).toBeVisible();
  await until<QueueRowJson[]>(
    page,
    `/gp-sync/v1/queue?kind=product&search=${productId}`,
    (rows) => rows.find((r) => r.id === dead!.id)?.status === 'done',
  );
  await page.goto(gpSyncUrl(`tab=queue&kind=product&search=${productId}`));
  await expect(page.locator(`tr[data-row-id="${dead!.id}"] .gpsync-badge`)).toHaveText('Done');
});

test('a backfill runs in the background and its progress bar finishes', async ({ page }) => {
  await login(page);
  await page.goto(gpSyncUrl('tab=tools'));
  await page.getByRole('button', { name: 'Start backfill' }).click();
  await expect(page.locator('.gpsync-tools')).toContainText('Enter the first day to include, as a date.');
  await expect((await rest<{ state: string }>(page, 'GET', '/gp-sync/v1/backfill')).body.state).not.toBe(
    'running',
  );

  await page.getByLabel('What').selectOption('order');
  await page.getByLabel('Created on or after').fill('2000-01-01');
  await page.getByRole('button', { name: 'Start backfill' }).click();
  await expect(page.locator('#gpsync-backfill-progress')).toBeVisible();
  const done = await until<{ state: string; total: number; queued: number }>(
    page,
    '/gp-sync/v1/backfill',
    (job) => job.state === 'done',
  );
  expect(done.queued).toBe(done.total);
  expect(done.total).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.gpsync-backfill-state')).toHaveText('Backfill finished.', { timeout: 15_000 });
  await expect(page.locator('#gpsync-backfill-progress')).toHaveAttribute('value', '100');
  // Queued is not delivered: the tab follows the rows to GP.
  await expect(page.locator('.gpsync-backfill-delivery')).toContainText(
    /Since the start: \d+ in GP, \d+ on their way, \d+ need attention/,
  );
});

test('a mapping change changes the preview before it is saved; bad input is refused and nothing saved', async ({
  page,
}) => {
  await login(page);
  const saved = (
    await rest<{ documents: { order_docid: string }; length_policy: string }>(
      page,
      'GET',
      '/gp-sync/v1/mappings',
    )
  ).body;
  // An order placed on hold: the saved status map sends nothing for it, so its preview has no SOP document.
  // (Placed on hold, not put on hold later: a processing order can reach GP in between, and a preview of what
  // GP already has sends nothing.)
  const onHold = await order(page, goodProduct, 'on-hold');
  await page.goto(gpSyncUrl('tab=mappings'));
  // Every list offers what the bridge accepts: the stored length policy (the default, `fit`) shows as chosen.
  await expect(page.getByLabel('Text longer than GP allows')).toHaveValue(saved.length_policy);
  await page.getByLabel('Order number').fill(String(onHold));
  const xml = page.locator('.gpsync-preview-xml');
  const preview = page.getByRole('button', { name: 'Preview eConnect XML' });
  await preview.click();
  await expect(page.locator('.gpsync-mappings [aria-live] .components-notice')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator('.gpsync-mappings')).not.toContainText('<DOCID>');

  // Unsaved: on hold → a GP order; the preview now has the SOP document with the saved order type id …
  await page.getByLabel('On hold').selectOption('order');
  await preview.click();
  await expect(xml).toContainText(`<DOCID>${saved.documents.order_docid}</DOCID>`, { timeout: 60_000 });
  // … and another order type id changes it again, still before saving.
  await page.getByLabel('Order type id').fill('WEBORD');
  await preview.click();
  await expect(xml).toContainText('<DOCID>WEBORD</DOCID>', { timeout: 60_000 });
  expect((await rest<typeof saved>(page, 'GET', '/gp-sync/v1/mappings')).body).toEqual(saved);

  await page.getByLabel('Order type id').fill('A-DOCUMENT-ID-TOO-LONG');
  await page.getByRole('button', { name: 'Save mappings' }).click();
  await expect(
    page.locator('.gpsync-mappings').getByText('GP allows at most 15 characters here.'),
  ).toBeVisible();
  await expect(page.locator('.gpsync-mappings').getByText(/Nothing was saved/)).toBeVisible();
  await page.getByRole('button', { name: 'Add a field' }).first().click();
  await page.getByLabel('Source 1').first().fill('no-prefix');
  await page.getByRole('button', { name: 'Save mappings' }).click();
  await expect(page.locator('.gpsync-mappings').getByText(/Write the source as meta:<key>/)).toBeVisible();
  expect((await rest<typeof saved>(page, 'GET', '/gp-sync/v1/mappings')).body).toEqual(saved);
});
