import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs bench/plugin-bench.php (the plugin's benches on the test stack's WordPress + WooCommerce) and returns
 * its figures, or why it could not run. Its progress lines go to this process's stderr as they come.
 */
const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface PluginBenchResult {
  readonly php: string;
  readonly woocommerce: string;
  readonly checkout: {
    orders_per_side: number;
    active_ms: number;
    inactive_ms: number;
    ratio: number;
    hooks_removed: number;
  };
  readonly drain: {
    orders: number;
    seconds: number;
    done: number;
    dead: number;
    waiting: number;
    request_error: string;
    first_dead: string;
  };
  readonly backfill: {
    orders: number;
    queued: number;
    seconds: number;
    memory_first: number;
    memory_middle: number;
    memory_last: number;
    memory_peak: number;
  };
}

export async function runPluginBench(
  args: readonly string[],
): Promise<{ ok: true; result: PluginBenchResult } | { ok: false; why: string }> {
  const envFile = join(REPO, '.local/test/stack.env');
  if (!existsSync(envFile)) return { ok: false, why: 'the test stack is not up (scripts/stack/up.sh test)' };
  if (!/^WOOCOMMERCE=1$/m.test(readFileSync(envFile, 'utf8')))
    return { ok: false, why: 'the test stack has no WooCommerce (set WOOCOMMERCE_DIR)' };
  const child = spawn('php', [join(REPO, 'bench/plugin-bench.php'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{'))
    return { ok: false, why: `plugin-bench.php exited ${code}: ${out.slice(-300)}` };
  return { ok: true, result: JSON.parse(last) as PluginBenchResult };
}
