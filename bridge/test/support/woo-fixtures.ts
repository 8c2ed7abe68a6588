import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CustomerPayload,
  CustomerPayloadSchema,
  type OrderPayload,
  OrderPayloadSchema,
  type RefundPayload,
  RefundPayloadSchema,
} from '../../src/contracts/index.js';

/**
 * Converts the real WooCommerce 9.4 exports (plugin/tests/fixtures/woocommerce-9.4/orders/*.php.json:
 * `WC_Order::get_data()` and each item's `get_data()`) into the wire payloads the plugin sends. The rules are
 * the plugin's: figures as stored (line `total`/`total_tax`, unrounded `taxes.total` per rate), addresses raw,
 * meta without WooCommerce's own underscore bookkeeping, refunds as positive magnitudes with the link to the
 * refunded order item. The converted files are checked in under test/fixtures/woocommerce-9.4/ and a test
 * keeps them equal to this conversion.
 */
const here = dirname(fileURLToPath(import.meta.url));
// The repository's own copy of the shared export, which the plugin's payload tests read too: one copy, two readers.
export const WOO_FIXTURE_DIR = resolve(here, '../../../plugin/tests/fixtures/woocommerce-9.4');
export const CONVERTED_DIR = resolve(here, '../fixtures/woocommerce-9.4');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw export files

/** Meta WooCommerce keeps for itself; never custom checkout fields. */
const INTERNAL_META = new Set([
  '_billing_address_index',
  '_shipping_address_index',
  '_reduced_stock',
  '_restock_refunded_items',
  '_refunded_item_id',
]);

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
/** A stored figure as a decimal string; refunds are stored negative and sent as magnitudes. */
const figure = (value: unknown, magnitude = false): string => {
  const raw = text(value) === '' ? '0' : text(value);
  return magnitude ? raw.replace(/^-/, '') : raw;
};

function taxes(item: Json, magnitude = false): Array<{ rate_id: number; total: string; subtotal?: string }> {
  const totals: Record<string, unknown> = item['taxes']?.['total'] ?? {};
  const subtotals: Record<string, unknown> | undefined = item['taxes']?.['subtotal'];
  return Object.entries(totals).map(([rate, total]) => ({
    rate_id: Number(rate),
    total: figure(total, magnitude),
    ...(subtotals && subtotals[rate] !== undefined ? { subtotal: figure(subtotals[rate], magnitude) } : {}),
  }));
}

/** The order item a refund item gives back (`_refunded_item_id` meta). */
function refundedItem(item: Json): number {
  return Number((item['meta_data'] as Json[]).find((m) => m['key'] === '_refunded_item_id')?.['value']);
}

/** A refund's shipping or fee item: the same fields either way, as magnitudes. */
function refundAmountLine(item: Json): Json {
  return {
    woo_item_id: item['id'],
    refunded_item_id: refundedItem(item),
    name: text(item['name']),
    total: figure(item['total'], true),
    total_tax: figure(item['total_tax'], true),
    taxes: taxes(item, true),
  };
}

function visibleMeta(meta: Json[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of meta ?? [])
    if (!INTERNAL_META.has(entry['key'])) result[entry['key']] = text(entry['value']);
  return result;
}

function address(raw: Json): Json {
  const keys = [
    'first_name',
    'last_name',
    'company',
    'address_1',
    'address_2',
    'city',
    'state',
    'postcode',
    'country',
    'email',
    'phone',
  ];
  return Object.fromEntries(keys.map((k) => [k, text(raw[k])]));
}

function customerOf(order: Json, storeCustomers: Json[]): CustomerPayload {
  const id = Number(order['customer_id']);
  const user = id > 0 ? storeCustomers.find((c) => c['id'] === id) : undefined;
  return CustomerPayloadSchema.parse({
    schema_version: 1,
    woo_customer_id: id > 0 ? id : null,
    email: text(user?.['email'] ?? order['billing']['email']),
    first_name: text(user?.['first_name'] ?? order['billing']['first_name']),
    last_name: text(user?.['last_name'] ?? order['billing']['last_name']),
    display_name: text(user?.['username'] ?? ''),
    billing: address(user?.['billing'] ?? order['billing']),
    shipping: address(user?.['shipping'] ?? order['shipping']),
    gp_customer_number: null,
    meta: {},
  });
}

export function convertOrder(exported: Json, storeCustomers: Json[]): OrderPayload {
  const order: Json = exported['order'];
  const context: Json = exported['items_context'] ?? {};
  return OrderPayloadSchema.parse({
    schema_version: 1,
    woo_order_id: order['id'],
    order_number: text(order['number']),
    status: order['status'],
    currency: order['currency'],
    prices_include_tax: order['prices_include_tax'],
    created_at: order['date_created'],
    completed_at: order['date_completed'] ?? null,
    customer: customerOf(order, storeCustomers),
    billing: address(order['billing']),
    shipping: address(order['shipping']),
    payment: {
      method: text(order['payment_method']),
      method_title: text(order['payment_method_title']),
      transaction_id: text(order['transaction_id']),
      paid_at: order['date_paid'] ?? null,
    },
    lines: (order['line_items'] as Json[]).map((line) => ({
      woo_item_id: line['id'],
      product_id: line['product_id'],
      variation_id: line['variation_id'],
      sku: text(context[String(line['id'])]?.['product_sku']),
      name: text(line['name']),
      quantity: figure(line['quantity']),
      tax_class: text(line['tax_class']),
      subtotal: figure(line['subtotal']),
      subtotal_tax: figure(line['subtotal_tax']),
      total: figure(line['total']),
      total_tax: figure(line['total_tax']),
      taxes: taxes(line),
      meta: visibleMeta(line['meta_data']),
    })),
    shipping_lines: (order['shipping_lines'] as Json[]).map((s) => ({
      woo_item_id: s['id'],
      method_id: text(s['method_id']),
      instance_id: text(s['instance_id']),
      method_title: text(s['method_title']),
      total: figure(s['total']),
      total_tax: figure(s['total_tax']),
      taxes: taxes(s),
    })),
    fees: (order['fee_lines'] as Json[]).map((f) => ({
      woo_item_id: f['id'],
      name: text(f['name']),
      tax_class: text(f['tax_class']),
      tax_status: text(f['tax_status']) || 'taxable',
      total: figure(f['total']),
      total_tax: figure(f['total_tax']),
      taxes: taxes(f),
    })),
    coupons: (order['coupon_lines'] as Json[]).map((c) => ({
      code: text(c['code']),
      discount: figure(c['discount']),
      discount_tax: figure(c['discount_tax']),
    })),
    tax_lines: (order['tax_lines'] as Json[]).map((t) => ({
      rate_id: t['rate_id'],
      rate_code: text(t['rate_code']),
      label: text(t['label']),
      compound: Boolean(t['compound']),
      rate_percent:
        t['rate_percent'] === null || t['rate_percent'] === undefined ? null : String(t['rate_percent']),
      tax_total: figure(t['tax_total']),
      shipping_tax_total: figure(t['shipping_tax_total']),
    })),
    totals: {
      discount_total: figure(order['discount_total']),
      discount_tax: figure(order['discount_tax']),
      shipping_total: figure(order['shipping_total']),
      shipping_tax: figure(order['shipping_tax']),
      cart_tax: figure(order['cart_tax']),
      total_tax: figure(order['total_tax']),
      total: figure(order['total']),
    },
    customer_note: text(order['customer_note']),
    meta: visibleMeta(order['meta_data']),
  });
}

export function convertRefunds(exported: Json, storeCustomers: Json[]): RefundPayload[] {
  const order: Json = exported['order'];
  const context: Json = exported['items_context'] ?? {};
  return ((exported['refunds'] ?? []) as Json[]).map(({ refund }) =>
    RefundPayloadSchema.parse({
      schema_version: 1,
      woo_refund_id: refund['id'],
      woo_order_id: order['id'],
      order_number: text(order['number']),
      created_at: refund['date_created'],
      currency: refund['currency'],
      amount: figure(refund['amount'], true),
      reason: text(refund['reason']),
      customer: customerOf(order, storeCustomers),
      billing: address(order['billing']),
      shipping: address(order['shipping']),
      lines: (refund['line_items'] as Json[]).map((line) => ({
        woo_item_id: line['id'],
        refunded_item_id: refundedItem(line),
        product_id: line['product_id'],
        variation_id: line['variation_id'],
        sku: text(context[String(refundedItem(line))]?.['product_sku']),
        name: text(line['name']),
        quantity: figure(line['quantity'], true),
        total: figure(line['total'], true),
        total_tax: figure(line['total_tax'], true),
        taxes: taxes(line, true),
      })),
      shipping_lines: (refund['shipping_lines'] as Json[]).map(refundAmountLine),
      fees: (refund['fee_lines'] as Json[]).map(refundAmountLine),
      meta: visibleMeta(refund['meta_data']),
    }),
  );
}

export interface ConvertedScenario {
  readonly scenario: string;
  readonly order: OrderPayload;
  readonly refunds: RefundPayload[];
}

/** Every scenario of the shared export, converted. */
export function convertAllScenarios(): ConvertedScenario[] {
  const storeCustomers = JSON.parse(
    readFileSync(join(WOO_FIXTURE_DIR, 'store/customers.json'), 'utf8'),
  ) as Json[];
  return readdirSync(join(WOO_FIXTURE_DIR, 'orders'))
    .filter((f) => f.endsWith('.php.json'))
    .sort()
    .map((file) => {
      const exported = JSON.parse(readFileSync(join(WOO_FIXTURE_DIR, 'orders', file), 'utf8')) as Json;
      return {
        scenario: file.replace(/\.php\.json$/, ''),
        order: convertOrder(exported, storeCustomers),
        refunds: convertRefunds(exported, storeCustomers),
      };
    });
}
