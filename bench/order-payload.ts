import { Decimal } from 'decimal.js';
import type { OrderPayload } from '../bridge/src/contracts/index.js';

/**
 * Synthetic but realistic WooCommerce orders for the bench: `lineCount` lines of items the sandbox GP is seeded
 * with, one 10 % tax rate rounded per line as WooCommerce does, taxed shipping, a guest-free customer pool so
 * the bench also exercises customer look-up and update. Figures are built with decimal.js and add up exactly:
 * total = Σ line totals + Σ line taxes + shipping + shipping tax.
 */
const BENCH_SKUS = [
  'DEMO-KETTLE-01',
  'DEMO-FILTER-02',
  'DEMO-BEANS-03',
  'DEMO-BEANS-04',
  'DEMO-SCALE-05',
  'DEMO-CARAFE-06',
  'DEMO-TAMPER-07',
  'DEMO-CLOTH-08',
  'DEMO-NOTE-09',
  'DEMO-PENCIL-10',
  'DEMO-APRON-11',
  'DEMO-TIN-12',
] as const;
const TAX_RATE = new Decimal('0.10');

export function benchOrder(sequence: number, lineCount = 10, customerPool = 500): OrderPayload {
  const customerId = 1 + (sequence % customerPool);
  const email = `bench.customer.${customerId}@example.com`;
  const address = {
    first_name: 'Bench',
    last_name: `Customer ${customerId}`,
    company: '',
    address_1: `${customerId} Benchmark Road`,
    address_2: '',
    city: 'Springfield',
    state: 'IL',
    postcode: '62701',
    country: 'US',
    email,
    phone: '555-0100',
  };
  let linesTotal = new Decimal(0);
  let linesTax = new Decimal(0);
  const lines = Array.from({ length: lineCount }, (_, index) => {
    const quantity = 1 + ((sequence + index) % 3);
    const unit = new Decimal(5 + index).plus('0.25');
    const total = unit.times(quantity);
    const tax = total.times(TAX_RATE).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    linesTotal = linesTotal.plus(total);
    linesTax = linesTax.plus(tax);
    return {
      woo_item_id: sequence * 100 + index + 1,
      product_id: 1000 + index,
      variation_id: 0,
      sku: BENCH_SKUS[index % BENCH_SKUS.length] ?? 'DEMO-KETTLE-01',
      gp_item_number: '',
      name: `Bench item ${index + 1}`,
      quantity: String(quantity),
      tax_class: '',
      subtotal: total.toFixed(2),
      subtotal_tax: tax.toFixed(2),
      total: total.toFixed(2),
      total_tax: tax.toFixed(2),
      taxes: [{ rate_id: 1, total: tax.toFixed(2), subtotal: tax.toFixed(2) }],
      meta: {},
    };
  });
  const shipping = new Decimal('4.90');
  const shippingTax = shipping.times(TAX_RATE).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const totalTax = linesTax.plus(shippingTax);
  const total = linesTotal.plus(shipping).plus(totalTax);
  return {
    schema_version: 1,
    woo_order_id: 100_000 + sequence,
    order_number: String(100_000 + sequence),
    status: 'processing',
    currency: 'USD',
    prices_include_tax: false,
    created_at: '2026-11-28T14:30:00+00:00',
    completed_at: null,
    customer: {
      schema_version: 1,
      woo_customer_id: customerId,
      email,
      first_name: 'Bench',
      last_name: `Customer ${customerId}`,
      display_name: '',
      billing: address,
      shipping: address,
      gp_customer_number: null,
      meta: {},
    },
    billing: address,
    shipping: address,
    payment: { method: 'bacs', method_title: 'Bank transfer', transaction_id: '', paid_at: null },
    lines,
    shipping_lines: [
      {
        woo_item_id: sequence * 100 + 99,
        method_id: 'flat_rate',
        instance_id: '1',
        method_title: 'Flat rate',
        total: shipping.toFixed(2),
        total_tax: shippingTax.toFixed(2),
        taxes: [{ rate_id: 1, total: shippingTax.toFixed(2) }],
      },
    ],
    fees: [],
    coupons: [],
    tax_lines: [
      {
        rate_id: 1,
        rate_code: 'US-IL-TAX-1',
        label: 'Tax',
        compound: false,
        rate_percent: '10.0000',
        tax_total: linesTax.toFixed(2),
        shipping_tax_total: shippingTax.toFixed(2),
      },
    ],
    totals: {
      discount_total: '0.00',
      discount_tax: '0.00',
      shipping_total: shipping.toFixed(2),
      shipping_tax: shippingTax.toFixed(2),
      cart_tax: linesTax.toFixed(2),
      total_tax: totalTax.toFixed(2),
      total: total.toFixed(2),
    },
    customer_note: '',
    meta: {},
  };
}
