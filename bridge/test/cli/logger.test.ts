import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logging/logger.js';
import { CapturedLogs } from '../http/harness.js';

describe('createLogger', () => {
  it('when a whole configuration is logged by mistake, then the secret and the SQL password are redacted', () => {
    const logs = new CapturedLogs();
    const logger = createLogger('info', logs);
    const result = loadConfig(
      {
        GPSYNC_SECRET: 'very-secret-value-0123456789-abcdefgh',
        GPSYNC_SQL_SERVER: 'gp-sql',
        GPSYNC_SQL_DATABASE: 'TWO',
        GPSYNC_SQL_USER: 'svc',
        GPSYNC_SQL_PASSWORD: 'Pa55word!',
      },
      { requireSecret: true },
    );
    if (!result.ok) throw new Error(result.problems.join('; '));

    logger.info({ config: result.config }, 'config');
    logger.info(result.config, 'config at the top level');
    logger.info({ headers: { 'x-gpsync-signature': 'v1=abc' } }, 'headers');

    const text = logs.raw.join('\n');
    expect(text).not.toContain('very-secret-value');
    expect(text).not.toContain('Pa55word!');
    expect(text).not.toContain('v1=abc');
    expect(text).toContain('gp-sql');
  });
});
