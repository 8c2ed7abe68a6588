// Reads .local/<profile>/stack.env, the one file scripts/stack/up.sh writes for tests (KEY=VALUE lines).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StackEnv {
  wpUrl: string;
  adminUser: string;
  adminPassword: string;
  bridgeUrl: string;
  bridgeRunning: boolean;
  woocommerce: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));

export function stackEnvPath(): string {
  return process.env.GPSYNC_STACK_ENV ?? resolve(here, '../../.local/test/stack.env');
}

export function parseStackEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`stack.env line is not KEY=VALUE: ${line}`);
    values.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return values;
}

export function readStackEnv(path = stackEnvPath()): StackEnv {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no ${path}: bring the test stack up first (bash scripts/stack/up.sh test)`);
  }
  const values = parseStackEnv(text);
  const get = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`${path} has no ${key}: rerun scripts/stack/up.sh`);
    return value;
  };
  return {
    wpUrl: get('WP_URL'),
    adminUser: get('WP_ADMIN_USER'),
    adminPassword: get('WP_ADMIN_PASSWORD'),
    bridgeUrl: get('BRIDGE_URL'),
    bridgeRunning: get('BRIDGE') === '1',
    woocommerce: get('WOOCOMMERCE') === '1',
  };
}
