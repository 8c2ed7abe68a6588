import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object. Code never logs config or headers whole on
 * purpose, but a future `logger.info({ config })` or an error carrying a request must not leak the secret.
 */
export const REDACTED_PATHS = [
  'secret',
  '*.secret',
  'password',
  '*.password',
  '*.*.password',
  'sql.password',
  'gateway.sql.password',
  'config.secret',
  'config.gateway.sql.password',
  'headers["x-gpsync-signature"]',
  'headers.authorization',
  '*.headers["x-gpsync-signature"]',
  '*.headers.authorization',
];

/** Structured JSON logs: one object per line, `requestId` and `messageId` on lines about a request or message. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'gp-bridge' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
