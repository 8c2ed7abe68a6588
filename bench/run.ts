import { cpus, totalmem } from 'node:os';
import { runHttpBench } from './http-bench.js';
import { runMappingBench } from './mapping-bench.js';
import { fixed, mb, ratio } from './stats.js';

/**
 * `npm run bench` (from the repository root). Prints figures and their ratio to SPEC §9's goals:
 * ≥ 2,000 orders/s mapping on one core, ≥ 500 orders/s end to end into the sandbox, memory flat under load.
 * Options: --orders=N (end-to-end orders, default 5000), --soak (100,000 orders), --batch=N (default 50),
 * --concurrency=N (batches in flight, default 1), --mapping-seconds=N (default 5), --only=mapping|http,
 * --max-minutes=N (stop the end-to-end run after N minutes with what it reached; default no bound).
 */
const MAPPING_GOAL = 2000;
const END_TO_END_GOAL = 500;

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
const soak = process.argv.includes('--soak') || process.env.GPSYNC_BENCH_SOAK === '1';
const orders = Number(option('orders') ?? (soak ? 100_000 : 5000));
const batchSize = Number(option('batch') ?? 50);
const concurrency = Number(option('concurrency') ?? 1);
const mappingSeconds = Number(option('mapping-seconds') ?? 5);
const only = option('only');
const maxMinutes = Number(option('max-minutes') ?? 0);

console.log(
  `GP Sync bridge bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM`,
);

if (only !== 'http') {
  console.log(
    `\n(a) mapping + serialisation + GP-rule validation, one 10-line order at a time, one core, ${mappingSeconds} s`,
  );
  const mapping = runMappingBench({ seconds: mappingSeconds, lineCount: 10 });
  console.log(
    `    ${fixed(mapping.ordersPerSecond)} orders/s (${fixed(mapping.orders)} orders, ${fixed(mapping.documents)} eConnect documents, ${fixed(mapping.xmlBytes / mapping.orders)} bytes of XML per order)`,
  );
  console.log(`    ${ratio(mapping.ordersPerSecond, MAPPING_GOAL)} orders/s`);
}

if (only !== 'mapping') {
  console.log(
    `\n(b) end to end: signed HTTP batches of ${batchSize} → gp-bridge serve → sandbox GP, ${fixed(orders)} orders, ${concurrency} batch(es) in flight`,
  );
  const http = await runHttpBench({
    orders,
    batchSize,
    concurrency,
    warmupOrders: 500,
    memorySamples: 10,
    maxSeconds: maxMinutes * 60,
  });
  console.log(
    `    ${fixed(http.ordersPerSecond)} orders/s over ${fixed(http.seconds, 1)} s; per batch p50 ${fixed(http.batchP50Ms, 1)} ms, p99 ${fixed(http.batchP99Ms, 1)} ms`,
  );
  console.log(`    ${ratio(http.ordersPerSecond, END_TO_END_GOAL)} orders/s`);
  console.log(
    `    results: ${Object.entries(http.statusCounts)
      .map(([status, count]) => `${status} ${fixed(count)}`)
      .join(', ')}`,
  );
  for (const problem of http.firstProblems) console.log(`      e.g. ${problem}`);
  const first = http.memory[0];
  const last = http.memory[http.memory.length - 1];
  console.log('    bridge memory (its own /metrics):');
  for (const reading of http.memory) {
    console.log(
      `      after ${fixed(reading.afterOrders).padStart(7)} orders: RSS ${mb(reading.rss).padStart(9)}, heap ${mb(reading.heapUsed).padStart(8)}`,
    );
  }
  if (first && last) {
    console.log(
      `    RSS ${mb(first.rss)} → ${mb(last.rss)} (${fixed((last.rss / first.rss - 1) * 100, 1)} %), heap ${mb(first.heapUsed)} → ${mb(last.heapUsed)}`,
    );
  }
  console.log(`    server stopped on SIGTERM with exit code ${http.serverExitCode}`);
}
