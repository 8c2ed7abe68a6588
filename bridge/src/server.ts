import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './http/app-env.js';

/** The bridge's version, from bridge/package.json (one level above both src/ and dist/). */
export const BRIDGE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** How long close() waits for requests in flight before cutting connections. */
  readonly drainTimeoutMs?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:8787`, with the real port when 0 was asked for. */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish (up to the drain timeout), then resolves. */
  close(): Promise<void>;
}

/**
 * Serves the app over HTTP, or HTTPS when cert and key files are configured. Resolves once listening, so
 * callers (the CLI, tests, the bench) know the real port.
 */
export function listen(app: Hono<AppEnv>, options: ListenOptions, logger: Logger): Promise<RunningServer> {
  const tls = options.tls;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: options.host,
        port: options.port,
        ...(tls
          ? {
              createServer: createHttpsServer,
              serverOptions: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) },
            }
          : {}),
      },
      (info: AddressInfo) => {
        const scheme = tls ? 'https' : 'http';
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        const url = `${scheme}://${host}:${info.port}`;
        logger.info({ url }, 'listening');
        resolve({ url, close: () => closeGracefully(server, options.drainTimeoutMs ?? 30_000) });
      },
    );
    server.once('error', reject);
  });
}

type ClosableServer = ReturnType<typeof serve>;

function closeGracefully(server: ClosableServer, drainTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // close() stops accepting and resolves when the last connection ends. Keep-alive connections would hold
    // it open after their request finishes, so idle ones are closed every 50 ms while draining; any still busy
    // after the drain timeout are cut.
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const sweeper = setInterval(closeIdle, 50);
    const deadline = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, drainTimeoutMs);
    sweeper.unref();
    deadline.unref();
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(deadline);
      resolve();
    });
    closeIdle();
  });
}
