import { OrderPayloadSchema } from '../bridge/src/contracts/index.js';
import { mapOrder, toEConnectXml } from '../bridge/src/domain/index.js';
import type { OrderContext } from '../bridge/src/domain/mapping-types.js';
import { validateDocument } from '../bridge/src/use-cases/validate-document.js';
import { benchOrder } from './order-payload.js';
import { BENCH_PROFILE } from './profile.js';

/**
 * The bridge's CPU work per order without GP: contract validation of the payload (zod), mapping to eConnect
 * documents with the GP rules (lengths, code page, totals), and XML serialisation. Runs on the main thread
 * only, so it measures one core. GP look-ups are replaced by their answers (customer exists, SKUs known),
 * which is what the use case passes to the mapper.
 */
export interface MappingBenchResult {
  readonly orders: number;
  readonly documents: number;
  readonly xmlBytes: number;
  readonly ordersPerSecond: number;
}

export function runMappingBench(options: { seconds: number; lineCount: number }): MappingBenchResult {
  // A pool of distinct orders, so the loop does not map one cached object over and over.
  const pool = Array.from({ length: 256 }, (_, i) => benchOrder(i + 1, options.lineCount));
  const knownItems = new Set(pool.flatMap((order) => order.lines.map((line) => line.sku)));
  const context = (customerNumber: string): OrderContext => ({
    customer: { customerNumber, exists: true },
    knownItems,
    existingDocuments: [],
  });

  const mapOne = (raw: unknown): { documents: number; bytes: number } => {
    const payload = OrderPayloadSchema.parse(raw);
    const result = mapOrder(payload, BENCH_PROFILE, context(`WC${payload.customer.woo_customer_id ?? 0}`));
    if (!result.ok) throw new Error(`bench order did not map: ${result.code} ${result.message}`);
    let bytes = 0;
    for (const document of result.documents) {
      const issues = validateDocument(document);
      if (issues.length > 0) throw new Error(`bench order breaks a GP rule: ${JSON.stringify(issues[0])}`);
      bytes += toEConnectXml(document).length;
    }
    return { documents: result.documents.length, bytes };
  };

  const warmupUntil = performance.now() + 1000;
  for (let i = 0; performance.now() < warmupUntil; i += 1) mapOne(pool[i % pool.length]);

  let orders = 0;
  let documents = 0;
  let xmlBytes = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  while (performance.now() < until) {
    for (let j = 0; j < 50; j += 1) {
      const mapped = mapOne(pool[orders % pool.length]);
      orders += 1;
      documents += mapped.documents;
      xmlBytes += mapped.bytes;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { orders, documents, xmlBytes, ordersPerSecond: orders / seconds };
}
