import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/money.js';
import { wooOrder, wooRefunds, wooScenarios } from '../support/domain-fixtures.js';

/**
 * An independent check of the checked-in payloads against WooCommerce's own export (the repository's copy
 * of `*.php.json`, read here without the converter): every stored figure the mapper relies on — line, shipping
 * and fee totals and taxes, the unrounded per-rate taxes, tax lines, order totals, SKUs, refund amounts as
 * positive magnitudes — is the same number. If the converter drifted, the corpus tests would prove nothing.
 */
const exports = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../plugin/tests/fixtures/woocommerce-9.4/orders',
);

interface RawItem {
  id: number;
  quantity?: number;
  name?: string;
  total: string;
  total_tax: string;
  subtotal?: string;
  taxes?: { total?: Record<string, string> };
}
interface RawOrder {
  number: string;
  status: string;
  currency: string;
  total: string;
  total_tax: string;
  shipping_total: string;
  line_items: RawItem[];
  shipping_lines: RawItem[];
  fee_lines: RawItem[];
  tax_lines: Array<{ rate_id: number; tax_total: string; shipping_tax_total: string | number }>;
}
interface RawExport {
  order: RawOrder;
  items_context: Record<string, { product_sku?: string }>;
  refunds: Array<{ refund: RawOrder & { id: number; amount: string } }>;
}

const same = (a: string | number | undefined, b: string | number | undefined) =>
  dec(a ?? 0)
    .abs()
    .eq(dec(b ?? 0).abs());
const perRate = (item: RawItem) =>
  Object.entries(item.taxes?.total ?? {}).map(([rate, total]) => [Number(rate), dec(total).abs().toFixed()]);
const mine = (taxes: ReadonlyArray<{ rate_id: number; total: string }>) =>
  taxes.map((t) => [t.rate_id, dec(t.total).abs().toFixed()]);

describe('checked-in WooCommerce payloads against the raw WooCommerce 9.4 export', () => {
  it.each(wooScenarios())('%s: every stored figure matches the export', (scenario) => {
    const raw = JSON.parse(readFileSync(join(exports, `${scenario}.php.json`), 'utf8')) as RawExport;
    const order = wooOrder(scenario);
    const o = raw.order;
    expect([order.order_number, order.status, order.currency]).toEqual([
      String(o.number),
      o.status,
      o.currency,
    ]);
    expect(
      same(order.totals.total, o.total) &&
        same(order.totals.total_tax, o.total_tax) &&
        same(order.totals.shipping_total, o.shipping_total),
    ).toBe(true);

    expect(order.lines.map((l) => l.woo_item_id)).toEqual(o.line_items.map((i) => i.id));
    for (const [index, item] of o.line_items.entries()) {
      const line = order.lines[index]!;
      expect(
        same(line.quantity, item.quantity) &&
          same(line.total, item.total) &&
          same(line.total_tax, item.total_tax) &&
          same(line.subtotal, item.subtotal),
      ).toBe(true);
      expect(mine(line.taxes)).toEqual(perRate(item));
      expect(line.sku).toBe(raw.items_context[String(item.id)]?.product_sku ?? '');
    }
    expect(
      order.shipping_lines.map((s) => [
        s.woo_item_id,
        dec(s.total).toFixed(),
        dec(s.total_tax).toFixed(),
        mine(s.taxes),
      ]),
    ).toEqual(
      o.shipping_lines.map((s) => [s.id, dec(s.total).toFixed(), dec(s.total_tax).toFixed(), perRate(s)]),
    );
    expect(
      order.fees.map((f) => [
        f.woo_item_id,
        dec(f.total).toFixed(),
        dec(f.total_tax).toFixed(),
        mine(f.taxes),
      ]),
    ).toEqual(o.fee_lines.map((f) => [f.id, dec(f.total).toFixed(), dec(f.total_tax).toFixed(), perRate(f)]));
    expect(
      order.tax_lines.map((t) => [
        t.rate_id,
        dec(t.tax_total).toFixed(),
        dec(t.shipping_tax_total).toFixed(),
      ]),
    ).toEqual(
      o.tax_lines.map((t) => [t.rate_id, dec(t.tax_total).toFixed(), dec(t.shipping_tax_total).toFixed()]),
    );

    const refunds = wooRefunds(scenario);
    expect(refunds.map((r) => r.woo_refund_id).sort()).toEqual(raw.refunds.map((r) => r.refund.id).sort());
    for (const { refund: rawRefund } of raw.refunds) {
      const refund = refunds.find((r) => r.woo_refund_id === rawRefund.id)!;
      expect(dec(refund.amount).toFixed(2)).toBe(dec(rawRefund.amount).toFixed(2));
      expect(
        refund.lines.map((l) => [
          l.woo_item_id,
          dec(l.quantity).toFixed(),
          dec(l.total).toFixed(),
          dec(l.total_tax).toFixed(),
          mine(l.taxes),
        ]),
      ).toEqual(
        rawRefund.line_items.map((i) => [
          i.id,
          dec(i.quantity ?? 0)
            .abs()
            .toFixed(),
          dec(i.total).abs().toFixed(),
          dec(i.total_tax).abs().toFixed(),
          perRate(i),
        ]),
      );
      for (const amount of [...refund.lines.map((l) => l.total), refund.amount])
        expect(dec(amount).gte(0)).toBe(true);
    }
  });
});
