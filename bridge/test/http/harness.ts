import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../../src/app.js';
import { PAYLOAD_SCHEMAS, type MessageBatch, type MessageResult } from '../../src/contracts/index.js';
import { BridgeMetrics } from '../../src/http/metrics.js';
import { signRequest } from '../../src/http/signing.js';
import { createLogger } from '../../src/logging/logger.js';
import type { GpGateway, GpHealth, InventoryPage } from '../../src/ports/gp-gateway.js';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';

/** Log lines written during a test, parsed, so tests can assert what is (and is not) logged. */
export class CapturedLogs extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
}

/**
 * A stand-in for the use case in HTTP tests: it validates each payload against its kind and answers `done`,
 * so the tests exercise the HTTP layer (envelope, signing, limits, alignment) without GP.
 */
export async function fakeProcessBatch(batch: MessageBatch): Promise<MessageResult[]> {
  return batch.messages.map((message): MessageResult => {
    const schema = PAYLOAD_SCHEMAS[message.kind as keyof typeof PAYLOAD_SCHEMAS];
    if (!schema)
      return {
        id: message.id,
        status: 'dead',
        code: 'unknown_kind',
        message: `Unknown kind ${message.kind}`,
      };
    const parsed = schema.safeParse(message.payload);
    if (!parsed.success) {
      return {
        id: message.id,
        status: 'dead',
        code: 'invalid_payload',
        message: 'invalid',
        field: String(parsed.error.issues[0]?.path.join('.')),
      };
    }
    return { id: message.id, status: 'done', gp: { outcome: 'created' }, warnings: [] };
  });
}

export function fakeGateway(
  overrides: Partial<Pick<GpGateway, 'health' | 'readInventory'>> = {},
): Pick<GpGateway, 'mode' | 'health' | 'readInventory'> {
  return {
    mode: 'sandbox',
    health: async (): Promise<GpHealth> => ({ reachable: true, latencyMs: 1.5 }),
    readInventory: async (query): Promise<InventoryPage> => ({
      items: [
        {
          itemNumber: 'HOODIE-BLUE',
          available: '7.00000',
          sites: [{ site: 'WAREHOUSE', onHand: '9.00000', allocated: '2.00000' }],
          changedAt: '2026-11-01T10:00:00.000Z',
        },
      ].slice(0, query.limit),
      nextCursor: 'cursor-2',
      hasMore: false,
    }),
    ...overrides,
  };
}

export function buildApp(overrides: Partial<AppDeps> = {}) {
  const logs = new CapturedLogs();
  const metrics = new BridgeMetrics();
  const deps: AppDeps = {
    version: '0.1.0-test',
    secret: SECRET,
    gateway: fakeGateway(),
    processBatch: fakeProcessBatch,
    previewBatch: async (batch) => batch.messages.map((m) => ({ id: m.id, valid: true, documents: [] })),
    logger: createLogger('debug', logs),
    metrics,
    ...overrides,
  };
  return { app: createApp(deps), logs, metrics, deps };
}

/** A signed Request for app.request(), body hashed exactly as sent. */
export function signed(
  method: string,
  pathAndQuery: string,
  body?: string,
  options: { secret?: string; timestamp?: number } = {},
): Request {
  const headers: Record<string, string> = {
    ...signRequest({
      secret: options.secret ?? SECRET,
      method,
      pathAndQuery,
      body: body ?? '',
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    }),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`http://bridge.test${pathAndQuery}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
}

export const CUSTOMER_PAYLOAD = {
  schema_version: 1,
  woo_customer_id: 42,
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  billing: { first_name: 'Ada', last_name: 'Lovelace', country: 'GB' },
  shipping: {},
};

export function batchOf(messages: unknown[], profileVersion = 'profile-v1'): string {
  return JSON.stringify({ schema_version: 1, profile: { version: profileVersion }, messages });
}

export function customerMessage(id: string, payload: Record<string, unknown> = CUSTOMER_PAYLOAD) {
  return { id, kind: 'customer', source: { site: 'https://shop.test', entity_id: 42, version: 1 }, payload };
}
