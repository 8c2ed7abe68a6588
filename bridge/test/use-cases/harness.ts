import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxGateway, type SandboxGateway } from '../../src/adapters/sandbox/sandbox-gateway.js';
import type { UseCaseDeps } from '../../src/use-cases/domain-mapping.js';
import { TEST_MAPPING } from '../support/test-mapping.js';

/** A fresh sandbox GP in a temp dir per test, and the use-case deps on it. */
export interface Harness {
  readonly gateway: SandboxGateway;
  readonly deps: UseCaseDeps;
  count(table: string, where?: string, ...values: unknown[]): number;
  close(): Promise<void>;
}

export function openHarness(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'gp-usecase-'));
  const gateway = createSandboxGateway({
    path: join(dir, 'gp.sqlite'),
    clock: () => new Date('2026-11-29T04:00:00.000Z'),
  });
  return {
    gateway,
    deps: { gateway, mapping: TEST_MAPPING },
    count: (table, where = '1 = 1', ...values) =>
      (
        gateway.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...values) as {
          n: number;
        }
      ).n,
    async close() {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
