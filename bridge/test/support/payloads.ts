import {
  CustomerPayloadSchema,
  MappingProfileSchema,
  OrderPayloadSchema,
  ProductPayloadSchema,
  RefundPayloadSchema,
  type CustomerPayload,
  type MappingProfile,
  type Message,
  type MessageBatch,
  type OrderPayload,
  type ProductPayload,
  type RefundPayload,
} from '../../src/contracts/index.js';

/** Small, valid wire payloads for use-case tests (parsed through the real contract, so they stay valid). */
export const PROFILE: MappingProfile = MappingProfileSchema.parse({ version: 'test-profile-1' });

const address = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  address_1: '12 Analytical Row',
  city: 'London',
  postcode: 'N1 9GU',
  country: 'GB',
};

export function customerPayload(overrides: Partial<CustomerPayload> = {}): CustomerPayload {
  return CustomerPayloadSchema.parse({
    schema_version: 1,
    woo_customer_id: 42,
    email: 'ada@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    billing: address,
    shipping: address,
    ...overrides,
  });
}

export function productPayload(overrides: Partial<ProductPayload> = {}): ProductPayload {
  return ProductPayloadSchema.parse({
    schema_version: 1,
    woo_product_id: 7,
    type: 'simple',
    sku: 'new-widget',
    name: 'New Widget',
    regular_price: '12.50',
    ...overrides,
  });
}

/** An order of 2 × WCGP-MUG-001 at 19.99 + 1 × WCGP-PEN-002 at 4.35, shipping 7.95, tax 3.50: total 55.78. */
export function orderPayload(overrides: Record<string, unknown> = {}): OrderPayload {
  return OrderPayloadSchema.parse({
    schema_version: 1,
    woo_order_id: 1001,
    order_number: '1001',
    status: 'processing',
    currency: 'USD',
    created_at: '2026-11-29T02:49:23+00:00',
    customer: customerPayload(),
    billing: address,
    shipping: address,
    payment: {},
    lines: [
      {
        woo_item_id: 1,
        product_id: 26,
        sku: 'WCGP-MUG-001',
        name: 'Mug',
        quantity: '2',
        subtotal: '39.98',
        subtotal_tax: '3.00',
        total: '39.98',
        total_tax: '3.00',
      },
      {
        woo_item_id: 2,
        product_id: 27,
        sku: 'WCGP-PEN-002',
        name: 'Pens',
        quantity: '1',
        subtotal: '4.35',
        subtotal_tax: '0.50',
        total: '4.35',
        total_tax: '0.50',
      },
    ],
    shipping_lines: [
      { woo_item_id: 3, method_id: 'flat_rate', method_title: 'Flat rate', total: '7.95', total_tax: '0' },
    ],
    totals: {
      discount_total: '0',
      discount_tax: '0',
      shipping_total: '7.95',
      shipping_tax: '0',
      cart_tax: '3.50',
      total_tax: '3.50',
      total: '55.78',
    },
    ...overrides,
  });
}

export function refundPayload(overrides: Record<string, unknown> = {}): RefundPayload {
  return RefundPayloadSchema.parse({
    schema_version: 1,
    woo_refund_id: 501,
    woo_order_id: 1001,
    order_number: '1001',
    created_at: '2026-11-30T10:00:00+00:00',
    currency: 'USD',
    amount: '21.49',
    customer: customerPayload(),
    billing: address,
    shipping: address,
    lines: [
      {
        woo_item_id: 9,
        refunded_item_id: 1,
        sku: 'WCGP-MUG-001',
        name: 'Mug',
        quantity: '1',
        total: '19.99',
        total_tax: '1.50',
      },
    ],
    ...overrides,
  });
}

export function message(id: string, kind: string, payload: unknown, entityId = 1): Message {
  return {
    id,
    kind,
    source: { site: 'test', entity_id: entityId, version: 1 },
    payload: payload as Record<string, unknown>,
  };
}

export function batch(...messages: Message[]): MessageBatch {
  return { schema_version: 1, profile: PROFILE, messages };
}
