import { z } from 'zod';
import { DEFAULT_SANDBOX_PATH } from '../adapters/sandbox/database.js';
import type { GatewayFactoryConfig } from '../adapters/gateway-factory.js';
import type { SqlGatewayConfig } from '../adapters/sql/sql-config.js';

/**
 * The bridge's configuration, from environment variables only (docs/bridge.md lists each). Parsed once at
 * start; every problem is reported at once, by variable name, and the process exits with code 2. Values are
 * never echoed in those messages, because some of them are secrets.
 */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number().int(`must be a whole number`).min(min).max(max).default(fallback),
  );
const flag = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  );

export const EnvSchema = z.object({
  GPSYNC_LISTEN_HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  GPSYNC_PORT: integer(0, 65535, 8787),
  GPSYNC_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  GPSYNC_GP_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['sandbox', 'sql'], 'must be sandbox or sql').optional(),
  ),
  GPSYNC_SANDBOX_PATH: z.preprocess(blankToUndefined, z.string().default(DEFAULT_SANDBOX_PATH)),
  GPSYNC_SQL_SERVER: optionalString,
  GPSYNC_SQL_PORT: integer(1, 65535, 1433),
  GPSYNC_SQL_DATABASE: optionalString,
  GPSYNC_SQL_USER: optionalString,
  GPSYNC_SQL_PASSWORD: optionalString,
  GPSYNC_SQL_DOMAIN: optionalString,
  GPSYNC_SQL_ENCRYPT: flag(true),
  GPSYNC_SQL_TRUST_SERVER_CERTIFICATE: flag(false),
  GPSYNC_SQL_POOL_MAX: integer(1, 100, 10),
  GPSYNC_SQL_REQUEST_TIMEOUT_MS: integer(1000, 600_000, 30_000),
  GPSYNC_BODY_LIMIT_BYTES: integer(1024, 100 * 1024 * 1024, 5 * 1024 * 1024),
  GPSYNC_SIGNATURE_WINDOW_SECONDS: integer(10, 3600, 300),
  GPSYNC_TLS_CERT_FILE: optionalString,
  GPSYNC_TLS_KEY_FILE: optionalString,
  GPSYNC_LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be a pino level')
      .default('info'),
  ),
  GPSYNC_ERROR_TEXT: optionalString,
});
export type Env = z.infer<typeof EnvSchema>;

/**
 * One shape for the gateway settings: the adapters' own (gateway-factory.ts), filled here from the
 * environment. Defaults live in EnvSchema above (and, for settings the environment does not expose, in
 * adapters/sql/sql-config.ts#SQL_DEFAULTS), nowhere else.
 */
export type SqlConfig = SqlGatewayConfig;
export type GatewayConfig =
  | Extract<GatewayFactoryConfig, { mode: 'sql' }>
  | (Extract<GatewayFactoryConfig, { mode: 'sandbox' }> & { readonly sandboxPath: string });

export interface BridgeConfig {
  readonly host: string;
  readonly port: number;
  /** Absent only for commands that do not serve (map, sandbox reset). */
  readonly secret?: string;
  readonly gateway: GatewayConfig;
  readonly bodyLimitBytes: number;
  readonly signatureWindowSeconds: number;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  readonly logLevel: Env['GPSYNC_LOG_LEVEL'];
}

export type ConfigResult = { ok: true; config: BridgeConfig } | { ok: false; problems: string[] };

/**
 * Parses the environment. `requireSecret` is set by `serve`: a bridge that answers requests must check
 * signatures, so it cannot start without a secret.
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: { requireSecret: boolean }): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (options.requireSecret && !e.GPSYNC_SECRET) {
    problems.push(
      'GPSYNC_SECRET: is required to serve (the same secret as in wp-admin → GP Sync → Settings)',
    );
  }
  const mode = e.GPSYNC_GP_MODE ?? (e.GPSYNC_SQL_SERVER ? 'sql' : 'sandbox');
  if (mode === 'sql') {
    for (const name of [
      'GPSYNC_SQL_SERVER',
      'GPSYNC_SQL_DATABASE',
      'GPSYNC_SQL_USER',
      'GPSYNC_SQL_PASSWORD',
    ] as const) {
      if (!e[name]) problems.push(`${name}: is required when GPSYNC_GP_MODE is sql`);
    }
  }
  if (Boolean(e.GPSYNC_TLS_CERT_FILE) !== Boolean(e.GPSYNC_TLS_KEY_FILE)) {
    problems.push('GPSYNC_TLS_CERT_FILE / GPSYNC_TLS_KEY_FILE: set both to serve HTTPS, or neither');
  }
  if (problems.length > 0) return { ok: false, problems };

  const errorText = e.GPSYNC_ERROR_TEXT ? { errorTextFile: e.GPSYNC_ERROR_TEXT } : {};
  const gateway: GatewayConfig =
    mode === 'sql'
      ? {
          mode,
          sql: {
            server: e.GPSYNC_SQL_SERVER ?? '',
            port: e.GPSYNC_SQL_PORT,
            database: e.GPSYNC_SQL_DATABASE ?? '',
            user: e.GPSYNC_SQL_USER ?? '',
            password: e.GPSYNC_SQL_PASSWORD ?? '',
            ...(e.GPSYNC_SQL_DOMAIN ? { domain: e.GPSYNC_SQL_DOMAIN } : {}),
            encrypt: e.GPSYNC_SQL_ENCRYPT,
            trustServerCertificate: e.GPSYNC_SQL_TRUST_SERVER_CERTIFICATE,
            poolMax: e.GPSYNC_SQL_POOL_MAX,
            requestTimeoutMs: e.GPSYNC_SQL_REQUEST_TIMEOUT_MS,
          },
          ...errorText,
        }
      : { mode, sandboxPath: e.GPSYNC_SANDBOX_PATH, ...errorText };
  return {
    ok: true,
    config: {
      host: e.GPSYNC_LISTEN_HOST,
      port: e.GPSYNC_PORT,
      ...(e.GPSYNC_SECRET ? { secret: e.GPSYNC_SECRET } : {}),
      gateway,
      bodyLimitBytes: e.GPSYNC_BODY_LIMIT_BYTES,
      signatureWindowSeconds: e.GPSYNC_SIGNATURE_WINDOW_SECONDS,
      ...(e.GPSYNC_TLS_CERT_FILE && e.GPSYNC_TLS_KEY_FILE
        ? { tls: { certFile: e.GPSYNC_TLS_CERT_FILE, keyFile: e.GPSYNC_TLS_KEY_FILE } }
        : {}),
      logLevel: e.GPSYNC_LOG_LEVEL,
    },
  };
}
