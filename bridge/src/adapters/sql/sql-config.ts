import type sql from 'mssql';

/**
 * Connection settings of the GP company database (docs/bridge.md lists the environment variables). The
 * password is only ever handed to mssql; nothing here logs it.
 */
export interface SqlGatewayConfig {
  readonly server: string;
  readonly port: number;
  /** The GP company database (e.g. TWO). */
  readonly database: string;
  readonly user: string;
  readonly password: string;
  /** Set for NTLM (Windows) authentication. */
  readonly domain?: string;
  readonly encrypt: boolean;
  readonly trustServerCertificate: boolean;
  readonly poolMax: number;
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs?: number;
  /** How long a transaction waits for another holder of its application lock; default 10 s. */
  readonly lockTimeoutMs?: number;
  /** The GP system database holding taErrorCode; default DYNAMICS. */
  readonly systemDatabase?: string;
  /** Attempts after the first for transient failures (connection lost, timeout, deadlock); default 2. */
  readonly retries?: number;
  /** First retry delay in ms (doubles each time); default 250. */
  readonly retryDelayMs?: number;
}

/** Defaults of the settings the environment does not expose (docs/bridge.md); the only place they live. */
export const SQL_DEFAULTS = {
  connectionTimeoutMs: 15_000,
  lockTimeoutMs: 10_000,
  retries: 2,
  retryDelayMs: 250,
  poolIdleTimeoutMs: 30_000,
} as const;

export function toMssqlConfig(config: SqlGatewayConfig): sql.config {
  const base: sql.config = {
    server: config.server,
    port: config.port,
    database: config.database,
    pool: { max: config.poolMax, min: 0, idleTimeoutMillis: SQL_DEFAULTS.poolIdleTimeoutMs },
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs ?? SQL_DEFAULTS.connectionTimeoutMs,
    options: {
      encrypt: config.encrypt,
      trustServerCertificate: config.trustServerCertificate,
      // GP dates are calendar dates; send them as UTC midnight so the server's zone never shifts a day.
      useUTC: true,
      appName: 'gp-sync-bridge',
    },
  };
  if (config.domain) {
    return {
      ...base,
      authentication: {
        type: 'ntlm',
        options: { domain: config.domain, userName: config.user, password: config.password },
      },
    };
  }
  return { ...base, user: config.user, password: config.password };
}
