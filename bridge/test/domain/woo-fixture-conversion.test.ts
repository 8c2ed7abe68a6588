import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConvertedFixtures } from '../support/convert-woo-fixtures.js';
import { wooOrder, wooRefunds } from '../support/domain-fixtures.js';
import { CONVERTED_DIR } from '../support/woo-fixtures.js';

describe('WooCommerce fixture conversion', () => {
  it('when the shared exports are converted again, then the checked-in payloads are identical (npx tsx test/support/convert-woo-fixtures.ts rewrites them)', () => {
    const files = renderConvertedFixtures();
    expect(files.size).toBe(27);
    for (const [name, body] of files)
      expect(readFileSync(join(CONVERTED_DIR, name), 'utf8'), name).toBe(body);
  });

  it('when an order is converted, then stored figures, unrounded per-rate taxes and custom meta are kept as WooCommerce stored them', () => {
    const order = wooOrder('custom-checkout-fields-meta-ny');
    expect(order.meta).toEqual({
      _billing_vat_number: 'DE811907980',
      delivery_instructions: 'Leave at loading dock 3 & ring the bell twice; ask for "Sam" <receiving>.',
      gift_message: 'Happy birthday, Zoë! 🎉 – from all of us',
      po_number: 'PO-2024-00731',
    });
    const partial = wooOrder('partial-refund-one-line-ca');
    expect(partial.lines[0]).toMatchObject({
      sku: 'WCGP-MUG-001',
      quantity: '2',
      total: '39.98',
      total_tax: '2.9',
      taxes: [
        { rate_id: 1, total: '2.3988' },
        { rate_id: 2, total: '0.49975' },
      ],
    });
  });

  it('when a refund is converted, then amounts are positive magnitudes linked to the refunded order item', () => {
    const [refund] = wooRefunds('full-refund-all-lines-ny');
    expect(refund).toMatchObject({
      amount: '25.55',
      shipping_lines: [{ total: '7.95', total_tax: '0.68' }],
      fees: [{ name: 'Gift wrap', total: '2.5', total_tax: '0.21' }],
    });
    expect(refund!.lines.every((l) => !l.total.startsWith('-') && l.refunded_item_id > 0)).toBe(true);
  });

  it('when the order was a guest checkout, then the customer has no Woo id', () => {
    expect(wooOrder('guest-checkout-ca').customer.woo_customer_id).toBeNull();
  });
});
