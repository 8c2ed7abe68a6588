// Every tab at 1280 px and at phone width (390 px): the screenshots are the test artifacts
// (e2e/artifacts/screenshots/, gitignored); each tab renders its content, fits the width without a
// horizontal scroll bar, and logs no console error. URL state: a reload lands on the same tab and filters.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectErrors, gpSyncUrl, login } from '../support/admin.js';

test.setTimeout(180_000);

const shots = resolve(dirname(fileURLToPath(import.meta.url)), '../artifacts/screenshots');
const tabs: Array<[string, RegExp]> = [
  ['overview', /Throughput, last 24 hours/],
  ['queue', /Retry selected/],
  ['mappings', /Preview before saving/],
  ['settings', /Test connection/],
  ['tools', /Start backfill/],
];

for (const width of [1280, 390]) {
  test(`every tab at ${width} px: content shown, no horizontal scroll, no console error`, async ({
    page,
  }) => {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const errors = collectErrors(page);
    await login(page);
    for (const [tab, marker] of tabs) {
      await page.goto(gpSyncUrl(`tab=${tab}`));
      await expect(page.locator('#gpsync-admin-root')).toContainText(marker);
      await expect(page.getByRole('tab', { name: new RegExp(`^${tab}$`, 'i') })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, `${tab} at ${width} px scrolls sideways`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `${shots}/${tab}-${width}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });
}

test('tab and filters live in the URL: a reload and the keyboard keep the same view', async ({ page }) => {
  await login(page);
  await page.goto(gpSyncUrl('tab=queue'));
  await page.getByLabel('State').selectOption('dead');
  await expect(page).toHaveURL(/tab=queue&status=dead|status=dead.*tab=queue|tab=queue.*status=dead/);
  await page.reload();
  await expect(page.getByLabel('State')).toHaveValue('dead');
  await expect(page.getByRole('tab', { name: 'Queue' })).toHaveAttribute('aria-selected', 'true');

  // Keyboard: arrow keys move between tabs and the URL follows.
  await page.getByRole('tab', { name: 'Queue' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/tab=mappings/);
  await expect(page).not.toHaveURL(/status=dead/);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Queue' })).toHaveAttribute('aria-selected', 'true');
});
