import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { MessageResultSchema, REQUEST_ERROR_CODES } from '../../src/contracts/index.js';
import { BridgeMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { wooOrder, wooScenarios } from '../support/domain-fixtures.js';
import { hostileText, JS_BUILTIN_NAMES } from '../support/hostile-strings.js';
import { CapturedLogs, SECRET, signed } from '../http/harness.js';

/**
 * Whatever a signed client sends to /v1/messages and /v1/preview — any JSON at all, or an envelope whose
 * messages carry hostile kinds, ids and payloads (built-in property names as keys included) — the bridge
 * answers a problem document with a code from the contract, or one result per message in order. Never a 500,
 * never an exception's text, and the process keeps serving. Runs on the real use cases and the sandbox GP.
 */
const RUNS = Number(process.env.GPSYNC_PROPERTY_RUNS ?? 120) / 2;

let dir = '';
let runtime: Runtime;
let app: ReturnType<typeof createApp>;
const logs = new CapturedLogs();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-envelope-'));
  const logger = createLogger('info', logs);
  const metrics = new BridgeMetrics();
  runtime = openRuntime({ mode: 'sandbox', sandboxPath: join(dir, 'gp.sqlite') }, logger, metrics);
  app = createApp({
    version: 'property',
    secret: SECRET,
    gateway: runtime.gateway,
    processBatch: runtime.processBatch,
    previewBatch: runtime.previewBatch,
    logger,
    metrics,
  });
});

afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const builtinKeyed = fc
  .tuple(fc.constantFrom(...JS_BUILTIN_NAMES), fc.jsonValue({ maxDepth: 2 }))
  // Spelled in the JSON text, as a client would send it: JSON.parse makes "__proto__" an own key.
  .map(([key, value]) => `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`);

/** A real order, still valid, whose shipping and payment method ids are hostile or built-in names. */
const orderWithHostileKeys = fc
  .tuple(
    fc.constantFrom(...wooScenarios()),
    fc.oneof(fc.constantFrom(...JS_BUILTIN_NAMES), hostileText({ maxPieces: 2 })),
    fc.oneof(fc.constantFrom(...JS_BUILTIN_NAMES), hostileText({ maxPieces: 2 })),
  )
  .map(([scenario, shippingMethod, paymentMethod]) => {
    const order = wooOrder(scenario);
    return {
      ...order,
      status: 'processing',
      shipping_lines: order.shipping_lines.map((line) => ({
        ...line,
        method_id: shippingMethod,
        instance_id: '',
      })),
      payment: { ...order.payment, method: paymentMethod },
    };
  });

/**
 * A real order with one hostile value put at a random place, a valid order with hostile method ids, or pure
 * noise in the payload's place.
 */
const payload = fc.oneof(
  orderWithHostileKeys,
  fc
    .tuple(
      fc.constantFrom(...wooScenarios()),
      fc.constantFrom(
        'status',
        'order_number',
        'currency',
        'customer',
        'lines',
        'shipping_lines',
        'payment',
        'meta',
      ),
      fc.oneof(
        hostileText(),
        fc.jsonValue({ maxDepth: 2 }),
        builtinKeyed.map((text) => JSON.parse(text)),
      ),
    )
    .map(([scenario, field, value]) => ({ ...wooOrder(scenario), [field]: value })),
  fc.dictionary(hostileText({ maxPieces: 2 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const message = fc.record({
  id: fc.oneof(fc.uuid(), hostileText({ maxPieces: 2 })),
  kind: fc.oneof(fc.constantFrom('customer', 'product', 'order', 'refund'), hostileText({ maxPieces: 2 })),
  source: fc.record({ site: fc.constant('https://shop.test'), entity_id: fc.nat(), version: fc.nat() }),
  payload,
});

const body = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: builtinKeyed },
  {
    weight: 4,
    arbitrary: fc
      .record({
        schema_version: fc.oneof(
          { weight: 5, arbitrary: fc.constant(1) },
          { weight: 1, arbitrary: fc.jsonValue() },
        ),
        profile: fc.oneof(
          { weight: 5, arbitrary: fc.constant({ version: 'p1' }) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        ),
        messages: fc.array(message, { minLength: 0, maxLength: 4 }),
      })
      .map((envelope) => JSON.stringify(envelope)),
  },
);

let attempt = 0;

/** Valid orders only, so every message reaches the mapper with its hostile method ids (defect 1's path). */
const ordersReachingTheMapper = fc
  .array(
    fc.record({
      id: fc.uuid(),
      kind: fc.constant('order'),
      source: fc.record({ site: fc.constant('https://shop.test'), entity_id: fc.nat(), version: fc.nat() }),
      payload: orderWithHostileKeys,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((messages) => JSON.stringify({ schema_version: 1, profile: { version: 'p1' }, messages }));

/** What escapes when an exception's text reaches a client. */
const LEAK = /is not a function|Cannot read propert|TypeError|ReferenceError|\n\s+at /;

describe('HTTP envelope (property)', () => {
  it.each([
    ['any JSON', '/v1/messages', body],
    ['any JSON', '/v1/preview', body],
    ['valid orders with hostile method ids', '/v1/messages', ordersReachingTheMapper],
    ['valid orders with hostile method ids', '/v1/preview', ordersReachingTheMapper],
  ])(
    'when %s is POSTed signed to %s, then the answer is a contract problem or one result per message, never a 500 or an exception text',
    async (_, path, bodies) => {
      await fc.assert(
        fc.asyncProperty(bodies, async (text) => {
          // A query unique per request: the same body signed twice in one second would be a replay (401).
          const res = await app.request(signed('POST', `${path}?attempt=${(attempt += 1)}`, text));
          const answer = await res.text();
          expect(res.status, answer).not.toBe(500);
          expect(answer).not.toMatch(LEAK);
          if (res.status !== 200) {
            expect([400, 413]).toContain(res.status);
            const problem = JSON.parse(answer) as { code: string };
            expect(REQUEST_ERROR_CODES as readonly string[]).toContain(problem.code);
            return;
          }
          const sent = JSON.parse(text) as { messages: Array<{ id: string }> };
          const { results } = JSON.parse(answer) as { results: Array<{ id: string }> };
          expect(results.map((r) => r.id)).toEqual(sent.messages.map((m) => m.id));
          if (path === '/v1/messages') for (const result of results) MessageResultSchema.parse(result);
        }),
        { numRuns: RUNS },
      );
      const health = await app.request('/v1/health');
      expect(health.status, 'the bridge still serves').toBe(200);
    },
    180_000,
  );
});
