import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signRequest } from '../bridge/src/http/signing.js';
import { benchOrder } from './order-payload.js';
import { BENCH_PROFILE_INPUT } from './profile.js';
import { percentile } from './stats.js';

/**
 * End to end: a real `gp-bridge serve` child process on the sandbox GP (a fresh temp file), signed batches of
 * orders over real HTTP on 127.0.0.1, each order mapped, validated and written to the sandbox in its own
 * transaction. The server runs in its own process, so its memory (read from its /metrics) is the bridge's
 * alone, and client and server each get a core.
 */
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'bridge/src/cli.ts');
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export interface HttpBenchOptions {
  readonly orders: number;
  readonly batchSize: number;
  /** Batches in flight at once (the plugin's dispatcher sends one at a time per runner). */
  readonly concurrency: number;
  readonly warmupOrders: number;
  /** Memory samples taken during the run (for the "flat under load" check). */
  readonly memorySamples: number;
  /** Stop sending after this long even if fewer orders went through (a soak on a busy host); 0 = no bound. */
  readonly maxSeconds: number;
  /** While the orders run, GET /v1/health this often (ms) and time each answer; 0 = no probe. */
  readonly healthProbeMs?: number;
}

export interface MemoryReading {
  readonly afterOrders: number;
  readonly rss: number;
  readonly heapUsed: number;
}

export interface HttpBenchResult {
  readonly orders: number;
  readonly seconds: number;
  readonly ordersPerSecond: number;
  readonly batchP50Ms: number;
  readonly batchP99Ms: number;
  readonly statusCounts: Record<string, number>;
  readonly firstProblems: string[];
  readonly memory: MemoryReading[];
  readonly serverExitCode: number | null;
  /** Round trips of GET /v1/health made while batches were in flight (ms, ascending). */
  readonly healthUnderLoadMs: number[];
  /** Batches sent again after a connection reset before any answer. */
  readonly resent: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`the bridge exited with code ${child.exitCode} before it answered`);
    try {
      const res = await fetch(`${base}/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bridge did not answer /v1/health within 20 s');
}

/**
 * GET, tried again on a reset connection: undici reuses keep-alive sockets, and one the server closes as idle
 * at the moment it is reused is reset (seen on a loaded host). GETs are idempotent, so a second try is honest;
 * a health probe's time includes it.
 */
async function getText(url: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (await fetch(url)).text();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function readMemory(base: string, afterOrders: number): Promise<MemoryReading> {
  const text = await getText(`${base}/metrics`);
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    afterOrders,
    rss: value('gpsync_process_resident_memory_bytes'),
    heapUsed: value('gpsync_process_heap_used_bytes'),
  };
}

export async function runHttpBench(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GPSYNC_SECRET: SECRET,
      GPSYNC_PORT: String(port),
      GPSYNC_SANDBOX_PATH: join(dir, 'sandbox-gp.sqlite'),
      GPSYNC_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForHealth(base, child);
    let sequence = 0;
    const statusCounts: Record<string, number> = {};
    const firstProblems: string[] = [];
    const latencies: number[] = [];
    let resent = 0;

    const sendBatch = async (count: number, record: boolean): Promise<void> => {
      const messages = Array.from({ length: count }, () => {
        sequence += 1;
        return {
          id: `bench-${sequence}`,
          kind: 'order',
          source: { site: 'bench', entity_id: 100_000 + sequence, version: 1 },
          payload: benchOrder(sequence),
        };
      });
      const body = JSON.stringify({ schema_version: 1, profile: BENCH_PROFILE_INPUT, messages });
      const started = performance.now();
      // A reset before any answer (a keep-alive socket the loaded server closed as it was reused) is sent
      // again, as the plugin would: signed afresh (a later timestamp, so the replay check does not refuse
      // it); the bridge's idempotency makes a copy that did arrive harmless. Counted in `resent`.
      let res: Response | undefined;
      for (let attempt = 1; !res; attempt += 1) {
        const headers = {
          ...signRequest({
            secret: SECRET,
            method: 'POST',
            pathAndQuery: '/v1/messages',
            body,
            timestamp: Math.floor(Date.now() / 1000) + attempt - 1,
          }),
          'content-type': 'application/json',
        };
        try {
          res = await fetch(`${base}/v1/messages`, { method: 'POST', headers, body });
        } catch (error) {
          if (attempt >= 3) throw error;
          resent += 1;
        }
      }
      const json = (await res.json()) as {
        results?: Array<{ status: string; code?: string; message?: string }>;
      };
      const elapsed = performance.now() - started;
      if (!res.ok || !json.results) throw new Error(`batch refused: ${res.status} ${JSON.stringify(json)}`);
      if (!record) return;
      latencies.push(elapsed);
      for (const result of json.results) {
        const key = result.status === 'done' ? 'done' : `${result.status}:${result.code ?? ''}`;
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
        if (result.status !== 'done' && firstProblems.length < 3)
          firstProblems.push(`${key} ${result.message ?? ''}`);
      }
    };

    for (let sent = 0; sent < options.warmupOrders; sent += options.batchSize) {
      await sendBatch(Math.min(options.batchSize, options.warmupOrders - sent), false);
    }
    const memory: MemoryReading[] = [await readMemory(base, 0)];
    const sampleEvery = Math.max(options.batchSize, Math.ceil(options.orders / options.memorySamples));
    let sent = 0;
    let nextSample = sampleEvery;
    const started = performance.now();
    const deadline = options.maxSeconds > 0 ? started + options.maxSeconds * 1000 : Number.POSITIVE_INFINITY;
    const worker = async (): Promise<void> => {
      while (sent < options.orders && performance.now() < deadline) {
        const count = Math.min(options.batchSize, options.orders - sent);
        sent += count;
        await sendBatch(count, true);
        if (sent >= nextSample) {
          nextSample += sampleEvery;
          memory.push(await readMemory(base, sent));
        }
      }
    };
    // Health must not queue behind batches: probe it on its own connection while the senders run.
    const healthUnderLoadMs: number[] = [];
    let loaded = true;
    const probe = async (): Promise<void> => {
      while (loaded && options.healthProbeMs) {
        const t = performance.now();
        await getText(`${base}/v1/health`);
        if (loaded) healthUnderLoadMs.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, options.healthProbeMs));
      }
    };
    const probing = probe();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    loaded = false;
    await probing;
    healthUnderLoadMs.sort((a, b) => a - b);
    const seconds = (performance.now() - started) / 1000;
    if (memory[memory.length - 1]?.afterOrders !== sent) memory.push(await readMemory(base, sent));

    latencies.sort((a, b) => a - b);
    child.kill('SIGTERM');
    return {
      orders: sent,
      seconds,
      ordersPerSecond: sent / seconds,
      batchP50Ms: percentile(latencies, 50),
      batchP99Ms: percentile(latencies, 99),
      statusCounts,
      firstProblems,
      memory,
      serverExitCode: await exited,
      healthUnderLoadMs,
      resent,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
