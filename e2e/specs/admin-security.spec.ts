// Who may see GP Sync, and store text shown as text: a subscriber and a shop customer get no menu and a
// refused REST call; product, customer and order names carrying <script>/<img onerror> appear as text on
// every tab and in the message panel, and no dialog ever opens.
import { expect, test } from '@playwright/test';
import { forbidDialogs, gpSyncUrl, kickCron, login, rest, stack } from '../support/admin.js';

test.setTimeout(180_000);

const hostile = {
  product: `<img src=x onerror="alert('product')">Mug`,
  customer: `<script>alert('customer')</script>Eve`,
  order: `<img src=y onerror="alert('order')">Bob`,
};

test('a subscriber and a shop customer get no GP Sync menu and a refused REST call', async ({ browser }) => {
  const admin = await browser.newPage();
  await login(admin);
  const suffix = Date.now();
  for (const role of stack.woocommerce ? ['subscriber', 'customer'] : ['subscriber']) {
    const username = `${role}${suffix}`;
    const created = await rest(admin, 'POST', '/wp/v2/users', {
      username,
      email: `${username}@example.com`,
      password: 'a-long-test-password-1',
      roles: [role],
    });
    expect(created.status, created.text).toBe(201);

    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, username, 'a-long-test-password-1');
    await page.goto('/wp-admin/profile.php');
    await expect(page.locator('#adminmenu a[href*="page=gp-sync"]')).toHaveCount(0);
    const direct = await page.goto(gpSyncUrl());
    expect(direct?.status(), `${role} opening the GP Sync page`).toBe(403);
    await expect(page.locator('#gpsync-admin-root')).toHaveCount(0);
    for (const [method, path] of [
      ['GET', '/gp-sync/v1/settings'],
      ['GET', '/gp-sync/v1/queue'],
      ['POST', '/gp-sync/v1/test-connection'],
      ['POST', '/gp-sync/v1/backfill'],
    ] as const) {
      const answer = await rest(
        page,
        method,
        path,
        method === 'POST' ? { kind: 'order', from: '2020-01-01' } : undefined,
      );
      expect(answer.status, `${role} ${method} ${path}`).toBe(403);
      expect(answer.text).toContain('gpsync_forbidden');
    }
    await context.close();
  }
});

test('names with <script> and <img onerror> show as text on every tab and in the message panel', async ({
  page,
}) => {
  test.skip(!stack.woocommerce, 'needs WooCommerce for products and orders');
  const dialogs = forbidDialogs(page);
  await login(page);
  const product = await rest<{ id: number }>(page, 'POST', '/wc/v3/products', {
    name: hostile.product,
    regular_price: '9.50',
    sku: `XSS-${Date.now()}`,
  });
  expect(product.status, product.text).toBe(201);
  const customer = await rest<{ id: number }>(page, 'POST', '/wc/v3/customers', {
    email: `eve${Date.now()}@example.com`,
    first_name: hostile.customer,
    last_name: hostile.customer,
    billing: {
      first_name: hostile.customer,
      address_1: '1 High St',
      city: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'GB',
    },
  });
  expect(customer.status, customer.text).toBe(201);
  const order = await rest<{ id: number }>(page, 'POST', '/wc/v3/orders', {
    status: 'processing',
    billing: {
      first_name: hostile.order,
      last_name: 'Stone',
      email: 'bob@example.com',
      address_1: '2 Low St',
      city: 'York',
      postcode: 'YO1 1AA',
      country: 'GB',
    },
    line_items: [{ product_id: product.body.id, quantity: 1 }],
  });
  expect(order.status, order.text).toBe(201);
  await kickCron(page);

  for (const tab of ['overview', 'queue', 'mappings', 'settings', 'tools']) {
    await page.goto(gpSyncUrl(`tab=${tab}`));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#gpsync-admin-root img[onerror], #gpsync-admin-root script')).toHaveCount(0);
  }
  // The mapping preview renders the order with its names.
  await page.goto(gpSyncUrl('tab=mappings'));
  await page.getByLabel('Order number').fill(String(order.body.id));
  await page.getByRole('button', { name: 'Preview eConnect XML' }).click();
  // Valid XML (the names as escaped text) or GP's refusal (the product may not have reached GP yet): either
  // way the answer is on screen and carries no markup.
  await expect(page.locator('.gpsync-mappings [aria-live] .components-notice')).toBeVisible({
    timeout: 60_000,
  });
  if (await page.locator('.gpsync-preview-xml').count())
    await expect(page.locator('.gpsync-preview-xml')).toContainText('onerror');
  await expect(page.locator('#gpsync-admin-root img, #gpsync-admin-root script')).toHaveCount(0);

  for (const [kind, id, text] of [
    ['order', order.body.id, 'onerror'],
    // WooCommerce runs product names through wp_kses (onerror is dropped, the <img> tag stays).
    ['product', product.body.id, '<img src='],
    ['customer', customer.body.id, '<script>'],
  ] as const) {
    const rows = await rest<Array<{ id: number }>>(
      page,
      'GET',
      `/gp-sync/v1/queue?kind=${kind}&search=${id}`,
    );
    expect(rows.body.length, `${kind} ${id} is queued`).toBeGreaterThan(0);
    await page.goto(gpSyncUrl(`tab=queue&entry=${rows.body[0]!.id}`));
    const panel = page.getByRole('dialog');
    await expect(panel.getByText(text).first()).toBeVisible({ timeout: 60_000 });
    await expect(panel.locator('img, script')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
