import { readFileSync } from 'node:fs';
import type { GpGateway } from '../ports/gp-gateway.js';
import { withOfflineSwitch } from './sandbox/offline-switch.js';
import { createSandboxGateway } from './sandbox/sandbox-gateway.js';
import { DEFAULT_SANDBOX_PATH } from './sandbox/database.js';
import type { SandboxClock } from './sandbox/database.js';
import type { SqlGatewayConfig } from './sql/sql-config.js';
import { createSqlGateway } from './sql/sql-gateway.js';
import type { SqlDriver } from './sql/sql-driver.js';

/**
 * Which GP the bridge talks to: `sql` when a SQL Server is configured, else the sandbox. config/env.ts fills
 * this very shape from the environment (its `GatewayConfig`).
 */
export type GatewayFactoryConfig =
  | { readonly mode: 'sandbox'; readonly sandboxPath?: string; readonly errorTextFile?: string }
  | { readonly mode: 'sql'; readonly sql: SqlGatewayConfig; readonly errorTextFile?: string };

export interface GatewayFactoryOptions {
  /** Sandbox only: the clock stamping DEX_ROW_TS (tests). */
  readonly clock?: SandboxClock;
  /** Sql only: a fake mssql for tests. */
  readonly driver?: SqlDriver;
}

export function createGateway(config: GatewayFactoryConfig, options: GatewayFactoryOptions = {}): GpGateway {
  if (config.mode === 'sandbox') {
    const path = config.sandboxPath ?? DEFAULT_SANDBOX_PATH;
    return withOfflineSwitch(
      createSandboxGateway({ path, ...(options.clock ? { clock: options.clock } : {}) }),
      path,
    );
  }
  const errorTexts = config.errorTextFile
    ? readErrorTextFile(config.errorTextFile)
    : new Map<number, string>();
  return createSqlGateway(config.sql, { errorTexts, ...(options.driver ? { driver: options.driver } : {}) });
}

/** `{ "<eConnect error number>": "text" }` (GPSYNC_ERROR_TEXT). */
export function readErrorTextFile(path: string): Map<number, string> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path}: must be a JSON object of error number → text`);
  }
  const texts = new Map<number, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (!/^-?\d+$/.test(key) || typeof value !== 'string')
      throw new Error(`${path}: "${key}" must be a number with a text`);
    texts.set(Number.parseInt(key, 10), value);
  }
  return texts;
}
