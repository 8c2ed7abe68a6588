import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

const SECRET = 's'.repeat(32);

describe('loadConfig', () => {
  it('when only the secret is set, then the defaults are 127.0.0.1:8787, sandbox GP, 5 MB and ±300 s', () => {
    const result = loadConfig({ GPSYNC_SECRET: SECRET }, { requireSecret: true });
    expect(result).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        secret: SECRET,
        gateway: { mode: 'sandbox', sandboxPath: '.data/sandbox-gp.sqlite' },
        bodyLimitBytes: 5 * 1024 * 1024,
        signatureWindowSeconds: 300,
        logLevel: 'info',
      },
    });
  });

  it('when the secret is short, then the problem names the variable and never echoes the value', () => {
    const result = loadConfig({ GPSYNC_SECRET: 'short-secret-value' }, { requireSecret: true });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContain('GPSYNC_SECRET: must be at least 32 characters');
    expect(problems.join('\n')).not.toContain('short-secret-value');
  });

  it('when serving without a secret, then that is a problem; for other commands it is not', () => {
    expect(loadConfig({}, { requireSecret: true }).ok).toBe(false);
    expect(loadConfig({}, { requireSecret: false }).ok).toBe(true);
  });

  it('when GPSYNC_SQL_SERVER is set, then the mode defaults to sql and the missing SQL settings are each reported', () => {
    const result = loadConfig(
      { GPSYNC_SECRET: SECRET, GPSYNC_SQL_SERVER: 'gp-sql' },
      { requireSecret: true },
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'GPSYNC_SQL_DATABASE: is required when GPSYNC_GP_MODE is sql',
      'GPSYNC_SQL_USER: is required when GPSYNC_GP_MODE is sql',
      'GPSYNC_SQL_PASSWORD: is required when GPSYNC_GP_MODE is sql',
    ]);
  });

  it('when a full NTLM SQL setup is given, then every setting is parsed with its type', () => {
    const result = loadConfig(
      {
        GPSYNC_SECRET: SECRET,
        GPSYNC_SQL_SERVER: 'gp-sql',
        GPSYNC_SQL_PORT: '1444',
        GPSYNC_SQL_DATABASE: 'TWO',
        GPSYNC_SQL_USER: 'svc_gpsync',
        GPSYNC_SQL_PASSWORD: 'pw',
        GPSYNC_SQL_DOMAIN: 'CONTOSO',
        GPSYNC_SQL_ENCRYPT: 'false',
        GPSYNC_SQL_TRUST_SERVER_CERTIFICATE: 'yes',
        GPSYNC_SQL_POOL_MAX: '4',
        GPSYNC_SQL_REQUEST_TIMEOUT_MS: '15000',
      },
      { requireSecret: true },
    );
    expect(result.ok && result.config.gateway).toEqual({
      mode: 'sql',
      sql: {
        server: 'gp-sql',
        port: 1444,
        database: 'TWO',
        user: 'svc_gpsync',
        password: 'pw',
        domain: 'CONTOSO',
        encrypt: false,
        trustServerCertificate: true,
        poolMax: 4,
        requestTimeoutMs: 15000,
      },
    });
  });

  it('when numbers, enums and flags are wrong, then every problem is listed at once', () => {
    const result = loadConfig(
      {
        GPSYNC_PORT: 'eighty',
        GPSYNC_GP_MODE: 'oracle',
        GPSYNC_SQL_ENCRYPT: 'maybe',
        GPSYNC_LOG_LEVEL: 'loud',
        GPSYNC_BODY_LIMIT_BYTES: '10',
      },
      { requireSecret: false },
    );
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'GPSYNC_BODY_LIMIT_BYTES',
      'GPSYNC_GP_MODE',
      'GPSYNC_LOG_LEVEL',
      'GPSYNC_PORT',
      'GPSYNC_SQL_ENCRYPT',
    ]);
  });

  it('when only one TLS file is set, then that is a problem; with both, HTTPS is configured', () => {
    expect(loadConfig({ GPSYNC_TLS_CERT_FILE: '/c.pem' }, { requireSecret: false }).ok).toBe(false);
    const both = loadConfig(
      { GPSYNC_TLS_CERT_FILE: '/c.pem', GPSYNC_TLS_KEY_FILE: '/k.pem' },
      { requireSecret: false },
    );
    expect(both.ok && both.config.tls).toEqual({ certFile: '/c.pem', keyFile: '/k.pem' });
  });

  it('when a variable is set but blank, then its default applies', () => {
    const result = loadConfig({ GPSYNC_PORT: '', GPSYNC_LISTEN_HOST: ' ' }, { requireSecret: false });
    expect(result.ok && [result.config.host, result.config.port]).toEqual(['127.0.0.1', 8787]);
  });
});
