import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CustomerPayloadSchema,
  MappingProfileSchema,
  MESSAGE_DEAD_CODES,
  OrderPayloadSchema,
  ProductPayloadSchema,
  RefundPayloadSchema,
  type MappingProfile,
} from '../../src/contracts/index.js';
import {
  checkDocumentTotals,
  customerNumberFor,
  mapCustomer,
  mapOrder,
  mapProduct,
  mapRefund,
  toEConnectXml,
  type EConnectDocument,
  type MappingResult,
} from '../../src/domain/index.js';
import { priceLine } from '../../src/domain/sop/line-pricing.js';
import { dec, GP_DECIMALS, roundMoney } from '../../src/domain/money.js';
import { validateDocument } from '../../src/use-cases/validate-document.js';
import {
  orderContext,
  RATE_MAP,
  refundContext,
  sopRef,
  syntheticCustomer,
  syntheticOrder,
  syntheticProduct,
  wooOrder,
  wooRefunds,
  wooScenarios,
} from '../support/domain-fixtures.js';
import { builtinKey, hostileKey, hostileText, JS_BUILTIN_NAMES } from '../support/hostile-strings.js';
import { validateEConnectBatch } from '../support/xsd.js';

/**
 * Property tests over the canonical model and the mapping (issue 10): any payload the contract accepts gives
 * documents that pass eConnect.xsd, the bridge's GP parameter rules (length, code page, scale) and GP's
 * totals rules 722/67/235 — or a specific dead result with a code from the contract. Never an exception.
 *
 * Strings come from hostile-strings.ts: every Unicode general category, XML and SQL metacharacters and the
 * names of JavaScript's built-in properties. Each XML document is collected and validated against the schema
 * in one xmllint run per property, after fast-check has run it (xmllint is asynchronous and compiles the 400 kB
 * schema once per run). A failing case prints fast-check's seed and shrunk counterexample.
 */
const RUNS = Number(process.env.GPSYNC_PROPERTY_RUNS ?? 120);

type Outcome =
  | { readonly kind: 'documents'; readonly documents: readonly EConnectDocument[] }
  | { readonly kind: 'dead'; readonly code: string; readonly message: string }
  | { readonly kind: 'invalid_payload' };

/**
 * What the use case would make of the mapper: a MappingError thrown by a key helper is a specific result
 * (processMessage turns it into `dead`), like a returned failure; anything else thrown escapes and fails the
 * property, which is the point.
 */
function outcomeOf(map: () => MappingResult): Outcome {
  let result: MappingResult;
  try {
    result = map();
  } catch (error) {
    const toFailure = (error as { toFailure?: () => MappingResult }).toFailure;
    if (typeof toFailure !== 'function') throw error;
    result = toFailure.call(error);
  }
  if (result.ok) return { kind: 'documents', documents: result.documents };
  return { kind: 'dead', code: result.code, message: result.message };
}

/** Everything a GP consultant would check before running a document, except the schema (done in batches). */
/** GPSYNC_PROPERTY_TALLY=1 prints what the cases came to, to tune the generators toward documents. */
const tally = new Map<string, number>();
function reportTally(): void {
  if (process.env.GPSYNC_PROPERTY_TALLY) console.log([...tally].sort((a, b) => b[1] - a[1]).slice(0, 15));
  tally.clear();
}

function expectGpReady(outcome: Outcome, xml: string[], expected?: { total: string; tax: string }): void {
  const label =
    outcome.kind === 'dead' ? `dead ${outcome.code}: ${outcome.message.slice(0, 60)}` : outcome.kind;
  if (process.env.GPSYNC_PROPERTY_TALLY) tally.set(label, (tally.get(label) ?? 0) + 1);
  if (outcome.kind === 'invalid_payload') return;
  if (outcome.kind === 'dead') {
    expect(MESSAGE_DEAD_CODES as readonly string[]).toContain(outcome.code);
    expect(outcome.message.length).toBeGreaterThan(0);
    return;
  }
  for (const document of outcome.documents) {
    expect(validateDocument(document), 'GP parameter rules').toEqual([]);
    for (const transaction of document.transactions) {
      for (const node of transaction.nodes) {
        for (const [element, value] of Object.entries(node.fields)) {
          // What a built-in property or a number gone wrong looks like once stringified.
          expect(value, `${node.node}.${element}`).not.toMatch(/^NaN$|^undefined$|\[object |function /);
        }
      }
    }
    const header = document.transactions.flatMap((t) => t.nodes).find((n) => n.node === 'taSopHdrIvcInsert');
    if (header) {
      // Rules 722/67/235 recomputed from the document itself, then WooCommerce's figures to the cent.
      const total = expected?.total ?? header.fields['DOCAMNT'] ?? '0';
      expect(
        checkDocumentTotals(document, {
          total,
          ...(expected ? { tax: expected.tax } : {}),
          currencyDecimals: 2,
        }),
      ).toBeNull();
    }
    xml.push(toEConnectXml(document));
  }
}

async function expectSchemaValid(xml: readonly string[]): Promise<void> {
  for (let start = 0; start < xml.length; start += 100) {
    const chunk = xml.slice(start, start + 100).map((text, i) => ({ name: `doc-${start + i}`, xml: text }));
    const errors = [...(await validateEConnectBatch(chunk))].filter(([, messages]) => messages.length > 0);
    expect(errors.slice(0, 3), errors[0] ? chunk.find((d) => d.name === errors[0]?.[0])?.xml : '').toEqual(
      [],
    );
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The profile the case asks for, or null when the contract refuses it (a source reference with a line break,
 * say): the bridge answers such a batch 400 validation_failed as a whole, a specific result too.
 */
function profileOrNull(overrides: Record<string, unknown>): MappingProfile | null {
  const parsed = MappingProfileSchema.safeParse({ version: 'property', ...overrides });
  return parsed.success ? parsed.data : null;
}

// ---- orders ----------------------------------------------------------------------------------------------

const ORDER_BASES = [
  ...wooScenarios().map((name) => wooOrder(name)),
  syntheticOrder('order-guest-eur-prices-include-tax'),
];

/**
 * A field is hostile in about one case of three: with every field hostile at once, nearly every case ends at
 * the first over-long or unmappable value, and the documents themselves would seldom be tested.
 */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const tolerant = <T>(lenient: T, strict: T) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(lenient) }, { weight: 1, arbitrary: fc.constant(strict) });

/** Only the fields the case made hostile. */
const defined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const addressText = fc.record({
  first_name: maybe(hostileText()),
  last_name: maybe(hostileText()),
  company: maybe(hostileText()),
  address_1: maybe(hostileText()),
  address_2: maybe(hostileText()),
  city: maybe(hostileText()),
  state: maybe(hostileText()),
  postcode: maybe(hostileText()),
  phone: maybe(hostileText()),
});

/** The lookup keys of an order: where built-in names are defect 1, so they come from `key`. */
const orderKeys = (key: fc.Arbitrary<string>) =>
  fc.record({
    shippingMethod: key,
    instance: fc.oneof(fc.constant(''), key),
    paymentMethod: key,
    status: fc.option(key, { nil: undefined }),
    metaKey: key,
    mapShipping: fc.boolean(),
    mapPayment: fc.boolean(),
  });

const orderCase = (key: fc.Arbitrary<string>) =>
  fc.record({
    base: fc.constantFrom(...ORDER_BASES),
    customer: addressText,
    billing: addressText,
    shipping: addressText,
    lineName: maybe(hostileText()),
    sku: maybe(hostileText({ withBuiltins: false, maxPieces: 3 })),
    orderNumber: maybe(hostileText({ maxPieces: 3 })),
    note: maybe(hostileText()),
    couponCode: maybe(hostileText()),
    feeName: maybe(hostileText()),
    methodTitle: maybe(hostileText()),
    transactionId: maybe(hostileText()),
    metaValue: hostileText(),
    keys: orderKeys(key),
    lengthPolicy: tolerant('truncate', 'reject'),
    codePagePolicy: tolerant('transliterate', 'reject'),
  });

type OrderCase = ReturnType<typeof orderCase> extends fc.Arbitrary<infer T> ? T : never;

function hostileOrder(c: OrderCase): { payload: unknown; profile: MappingProfile | null } {
  const order = clone(c.base) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON tree being edited
  Object.assign(order.customer, defined(c.customer));
  Object.assign(order.billing, defined(c.billing));
  Object.assign(order.shipping, defined(c.shipping));
  if (c.lineName !== undefined) order.lines[0].name = c.lineName;
  if (c.sku !== undefined) order.lines[0].sku = c.sku;
  if (c.orderNumber !== undefined && c.orderNumber !== '') order.order_number = c.orderNumber;
  if (c.note !== undefined) order.customer_note = c.note;
  if (order.coupons[0] && c.couponCode !== undefined) order.coupons[0].code = c.couponCode;
  if (order.fees[0] && c.feeName !== undefined) order.fees[0].name = c.feeName;
  if (order.shipping_lines[0]) {
    order.shipping_lines[0].method_id = c.keys.shippingMethod;
    order.shipping_lines[0].instance_id = c.keys.instance;
    if (c.methodTitle !== undefined) order.shipping_lines[0].method_title = c.methodTitle;
  }
  order.payment.method = c.keys.paymentMethod;
  if (c.transactionId !== undefined) order.payment.transaction_id = c.transactionId;
  order.payment.paid_at ??= order.created_at;
  // JSON.parse makes "__proto__" an own key, as a request body would; a plain assignment would not.
  order.meta = JSON.parse(
    JSON.stringify({ ...order.meta, placeholder: c.metaValue }).replace(
      '"placeholder"',
      JSON.stringify(c.keys.metaKey),
    ),
  );
  const statusMap: Record<string, string> = { processing: 'order', completed: 'invoice' };
  if (c.keys.status !== undefined && c.keys.status !== '') {
    order.status = c.keys.status;
    statusMap[c.keys.status] = 'order';
  }
  const profile = profileOrNull({
    length_policy: c.lengthPolicy,
    code_page_policy: c.codePagePolicy,
    status_map: statusMap,
    taxes: { rate_map: RATE_MAP },
    shipping: { method_map: c.keys.mapShipping ? { [c.keys.shippingMethod]: 'GROUND' } : {} },
    orders: {
      record_payments: true,
      checkbook_id: 'FIRST BANK',
      payment_types: c.keys.mapPayment ? { [c.keys.paymentMethod]: 6 } : {},
      fields: [
        { from: `meta:${c.keys.metaKey}`, to: 'COMMENT_1' },
        { from: 'field:customer_note', to: 'NOTETEXT' },
        { from: 'field:payment.transaction_id', to: 'USERDEF1' },
      ],
    },
  });
  return { payload: order, profile };
}

function orderOutcome(c: OrderCase): { outcome: Outcome; expected?: { total: string; tax: string } } {
  const { payload, profile } = hostileOrder(c);
  const parsed = OrderPayloadSchema.safeParse(payload);
  if (!parsed.success || profile === null) return { outcome: { kind: 'invalid_payload' } };
  const order = parsed.data;
  return {
    outcome: outcomeOf(() => mapOrder(order, profile, orderContext(order, profile))),
    expected: { total: order.totals.total, tax: order.totals.total_tax },
  };
}

describe('orders (property)', () => {
  it('when every store-written text of a real order is hostile (each Unicode category, XML, SQL), then the documents pass the schema and GP rules 67/235/722, or the result is a specific dead code', async () => {
    const xml: string[] = [];
    fc.assert(
      fc.property(orderCase(hostileKey()), (c) => {
        const { outcome, expected } = orderOutcome(c);
        expectGpReady(outcome, xml, expected);
      }),
      { numRuns: RUNS },
    );
    reportTally();
    expect(xml.length, 'some cases produced documents').toBeGreaterThan(RUNS / 4);
    await expectSchemaValid(xml);
  }, 120_000);

  // Defect 1 (issue 10): tables keyed by store data were plain objects, so `constructor`, `__proto__`,
  // `toString`… answered a built-in (a shipping method id "constructor" threw "value.trim is not a function";
  // a payment method "valueOf" became PYMTTYPE NaN). domain/lookup.ts#ownValue reads them as own keys only.
  it('when shipping method, payment method, status and meta keys are JavaScript built-in names, then the order maps as if unmapped, never an exception', () => {
    fc.assert(
      fc.property(orderCase(builtinKey()), (c) => {
        expectGpReady(orderOutcome(c).outcome, []);
      }),
      {
        numRuns: RUNS,
        examples: JS_BUILTIN_NAMES.slice(0, 3).map((name): [OrderCase] => [
          {
            ...fc.sample(orderCase(builtinKey()), { numRuns: 1, seed: 1 })[0]!,
            base: wooOrder('guest-checkout-ca'),
            keys: {
              shippingMethod: name,
              instance: '',
              paymentMethod: name,
              status: undefined,
              metaKey: name,
              mapShipping: false,
              mapPayment: false,
            },
          },
        ]),
      },
    );
  });
});

// ---- customers -------------------------------------------------------------------------------------------

const CUSTOMER_BASES = [
  syntheticCustomer('customer-cyrillic'),
  syntheticCustomer('customer-japanese-guest'),
  ...ORDER_BASES.slice(0, 4).map((order) => order.customer),
];

describe('customers (property)', () => {
  it('when names, addresses, meta and e-mail are hostile, then the customer document passes the schema and GP rules, or the result is a specific dead code', async () => {
    const xml: string[] = [];
    fc.assert(
      fc.property(
        fc.record({
          base: fc.constantFrom(...CUSTOMER_BASES),
          names: fc.record({
            first_name: maybe(hostileText()),
            last_name: maybe(hostileText()),
            display_name: maybe(hostileText()),
          }),
          billing: addressText,
          shipping: addressText,
          email: maybe(
            fc.oneof(
              fc.emailAddress(),
              hostileText({ maxPieces: 2 }).map((local) => `${local}@example.com`),
              hostileText({ maxPieces: 3 }),
            ),
          ),
          gpNumber: maybe(hostileText({ withBuiltins: false, maxPieces: 2 })),
          metaKey: hostileKey(),
          metaValue: hostileText(),
          exists: fc.boolean(),
          lengthPolicy: tolerant('truncate', 'reject'),
          codePagePolicy: tolerant('transliterate', 'reject'),
        }),
        (c) => {
          const customer = clone(c.base) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON tree being edited
          Object.assign(customer, defined({ ...c.names, email: c.email }));
          Object.assign(customer.billing, defined(c.billing));
          Object.assign(customer.shipping, defined(c.shipping));
          if (c.gpNumber !== undefined) customer.gp_customer_number = c.gpNumber;
          customer.meta = { [c.metaKey]: c.metaValue };
          const profile = profileOrNull({
            length_policy: c.lengthPolicy,
            code_page_policy: c.codePagePolicy,
            customers: {
              fields: [
                { from: `meta:${c.metaKey}`, to: 'COMMENT1' },
                { from: 'field:billing.phone', to: 'USERDEF1' },
              ],
            },
          });
          const parsed = CustomerPayloadSchema.safeParse(customer);
          if (!parsed.success || profile === null) {
            expectGpReady({ kind: 'invalid_payload' }, xml);
            return;
          }
          const payload = parsed.data;
          const outcome = outcomeOf(() =>
            mapCustomer(payload, profile, {
              customerNumber: customerNumberFor(payload, profile),
              exists: c.exists,
            }),
          );
          expectGpReady(outcome, xml);
        },
      ),
      { numRuns: RUNS },
    );
    reportTally();
    expect(xml.length).toBeGreaterThan(RUNS / 4);
    await expectSchemaValid(xml);
  }, 120_000);
});

// ---- products --------------------------------------------------------------------------------------------

describe('products (property)', () => {
  it('when SKU, name, description, attributes and meta are hostile, then the item document passes the schema and GP rules, or the result is a specific dead code', async () => {
    const xml: string[] = [];
    const base = syntheticProduct('product-variation-attributes');
    fc.assert(
      fc.property(
        fc.record({
          sku: fc.oneof(hostileText({ withBuiltins: false, maxPieces: 3 }), fc.constant(base.sku)),
          name: fc.oneof(hostileText(), fc.constant(base.name)),
          description: hostileText(),
          attributeName: hostileKey(),
          attributeValues: fc.array(hostileText(), { maxLength: 3 }),
          metaKey: hostileKey(),
          metaValue: hostileText(),
          lengthPolicy: tolerant('truncate', 'reject'),
          codePagePolicy: tolerant('transliterate', 'reject'),
        }),
        (c) => {
          const product = {
            ...clone(base),
            sku: c.sku,
            name: c.name,
            short_description: c.description,
            attributes: [{ name: c.attributeName, label: c.attributeName, values: c.attributeValues }],
            meta: { [c.metaKey]: c.metaValue },
          };
          const profile = profileOrNull({
            length_policy: c.lengthPolicy,
            code_page_policy: c.codePagePolicy,
            items: {
              fields: [
                { from: `attribute:${c.attributeName}`, to: 'USCATVLS_1' },
                { from: `meta:${c.metaKey}`, to: 'ITMSHNAM' },
              ],
            },
          });
          const parsed = ProductPayloadSchema.safeParse(product);
          if (!parsed.success || profile === null) {
            expectGpReady({ kind: 'invalid_payload' }, xml);
            return;
          }
          expectGpReady(
            outcomeOf(() => mapProduct(parsed.data, profile)),
            xml,
          );
        },
      ),
      { numRuns: RUNS },
    );
    expect(xml.length).toBeGreaterThan(RUNS / 4);
    await expectSchemaValid(xml);
  }, 120_000);
});

// ---- refunds ---------------------------------------------------------------------------------------------

const REFUND_BASES = wooScenarios().flatMap((name) => wooRefunds(name));

describe('refunds (property)', () => {
  it('when the reason, line and fee names, SKUs and the customer are hostile, then the return passes the schema and GP rules 67/235/722, or the result is a specific dead code', async () => {
    const xml: string[] = [];
    fc.assert(
      fc.property(
        fc.record({
          base: fc.constantFrom(...REFUND_BASES),
          reason: maybe(hostileText()),
          lineName: maybe(hostileText()),
          sku: maybe(hostileText({ withBuiltins: false, maxPieces: 3 })),
          feeName: maybe(hostileText()),
          customer: addressText,
          lengthPolicy: tolerant('truncate', 'reject'),
          codePagePolicy: tolerant('transliterate', 'reject'),
        }),
        (c) => {
          const refund = clone(c.base) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON tree being edited
          if (c.reason !== undefined) refund.reason = c.reason;
          if (refund.lines[0] && c.lineName !== undefined) refund.lines[0].name = c.lineName;
          if (refund.lines[0] && c.sku !== undefined) refund.lines[0].sku = c.sku;
          if (refund.fees[0] && c.feeName !== undefined) refund.fees[0].name = c.feeName;
          Object.assign(refund.customer, defined(c.customer));
          Object.assign(refund.billing, defined(c.customer));
          const profile = profileOrNull({
            length_policy: c.lengthPolicy,
            code_page_policy: c.codePagePolicy,
            taxes: { rate_map: RATE_MAP },
          });
          const parsed = RefundPayloadSchema.safeParse(refund);
          if (!parsed.success || profile === null) {
            expectGpReady({ kind: 'invalid_payload' }, xml);
            return;
          }
          const payload = parsed.data;
          const invoice = sopRef(3, `WI${payload.order_number}`, payload.order_number);
          expectGpReady(
            outcomeOf(() => mapRefund(payload, profile, refundContext(payload, profile, [invoice]))),
            xml,
          );
        },
      ),
      { numRuns: RUNS },
    );
    reportTally();
    expect(xml.length).toBeGreaterThan(RUNS / 4);
    await expectSchemaValid(xml);
  }, 120_000);
});

// ---- line pricing (rule 722) -----------------------------------------------------------------------------

/** A decimal string with up to `places` decimals, from an integer count of the smallest unit. */
const decimalString = (max: number, places: number, min = 0) =>
  fc.integer({ min, max: max * 10 ** places }).map((units) =>
    dec(units)
      .div(10 ** places)
      .toFixed(),
  );

describe('line pricing (property)', () => {
  it('when any positive quantity and line total are priced, then UNITPRCE × QUANTITY = XTNDPRCE exactly with a 5-decimal unit price, and XTNDPRCE − trade discount is the total; or GP rule 722 is named', () => {
    fc.assert(
      fc.property(
        decimalString(10_000, 5, 1),
        decimalString(1_000_000, 2),
        fc.option(decimalString(100_000, 2), { nil: undefined }),
        (quantity, total, extra) => {
          const subtotal = extra === undefined ? undefined : dec(total).plus(extra).toFixed();
          let price;
          try {
            price = priceLine({ path: 'lines[0]', quantity, total, ...(subtotal ? { subtotal } : {}) }, 2);
          } catch (error) {
            const failure = (
              error as { toFailure?: () => { code: string; details?: { rule?: number } } }
            ).toFailure?.();
            expect(failure?.code).toBe('gp_validation');
            expect(failure?.details?.rule).toBe(722);
            return;
          }
          expect(price.unitPrice.decimalPlaces()).toBeLessThanOrEqual(GP_DECIMALS);
          expect(price.unitPrice.times(price.quantity).eq(price.extended)).toBe(true);
          expect(price.extended.minus(price.tradeDiscount).eq(roundMoney(dec(total), 2))).toBe(true);
          expect(price.tradeDiscount.gte(0)).toBe(true);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});
