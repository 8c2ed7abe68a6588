import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../../src/adapters/gateway-factory.js';
import type { GatewayConfig } from '../../src/config/env.js';
import * as domain from '../../src/domain/index.js';
import type { AppDeps } from '../../src/http/app-env.js';
import { previewBatch } from '../../src/use-cases/preview-batch.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { batch, message, orderPayload } from '../support/payloads.js';

describe('wiring: what the composition root builds', () => {
  it('when the config has no SQL server, then createGateway gives the sandbox, and the use cases fit the HTTP deps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-wiring-'));
    const config: GatewayConfig = { mode: 'sandbox', sandboxPath: join(dir, 'gp.sqlite') };
    const gateway = createGateway(config);
    try {
      const useCases: Pick<AppDeps, 'processBatch' | 'previewBatch'> = {
        processBatch: (b) => processBatch(b, { gateway, mapping: domain }),
        previewBatch: (b) => previewBatch(b, { gateway, mapping: domain }),
      };
      expect(gateway.mode).toBe('sandbox');
      const [result] = await useCases.processBatch(batch(message('m', 'order', orderPayload())));
      expect(result).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
    } finally {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the config names a SQL server, then createGateway gives the sql gateway without connecting yet', async () => {
    const config: GatewayConfig = {
      mode: 'sql',
      sql: {
        server: 'gp-sql',
        port: 1433,
        database: 'TWO',
        user: 'u',
        password: 'p',
        encrypt: true,
        trustServerCertificate: false,
        poolMax: 2,
        requestTimeoutMs: 1000,
      },
    };
    const gateway = createGateway(config);
    expect(gateway.mode).toBe('sql');
    await gateway.close();
  });
});
