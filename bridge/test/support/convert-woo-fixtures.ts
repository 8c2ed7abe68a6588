import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONVERTED_DIR, convertAllScenarios } from './woo-fixtures.js';

/**
 * Writes the converted WooCommerce fixtures: `npx tsx test/support/convert-woo-fixtures.ts` inside bridge/.
 * One `<scenario>.order.json` per order and `<scenario>.refund-<id>.json` per refund.
 */
export function renderConvertedFixtures(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { scenario, order, refunds } of convertAllScenarios()) {
    files.set(`${scenario}.order.json`, `${JSON.stringify(order, null, 2)}\n`);
    for (const refund of refunds)
      files.set(`${scenario}.refund-${refund.woo_refund_id}.json`, `${JSON.stringify(refund, null, 2)}\n`);
  }
  return files;
}

if (process.argv[1]?.endsWith('convert-woo-fixtures.ts')) {
  mkdirSync(CONVERTED_DIR, { recursive: true });
  for (const [name, body] of renderConvertedFixtures()) writeFileSync(join(CONVERTED_DIR, name), body);
  console.log(`wrote ${renderConvertedFixtures().size} files to ${CONVERTED_DIR}`);
}
