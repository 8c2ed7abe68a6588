import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app-env.js';

/** Route labels are a fixed set so metrics cardinality stays bounded whatever paths clients try. */
const KNOWN_ROUTES = new Set(['/v1/messages', '/v1/preview', '/v1/inventory', '/v1/health', '/metrics']);
/** Probes run every few seconds; their lines go to debug so they do not drown the request log. */
const QUIET_ROUTES = new Set(['/v1/health', '/metrics']);

/**
 * Gives each request a child logger carrying its requestId, and records one access line and one metrics
 * sample when it ends, whatever the outcome (onError has already produced the response by then).
 * Bodies are never logged here.
 */
export function observeRequest(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const route = KNOWN_ROUTES.has(c.req.path) ? c.req.path : 'other';
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    c.set('routeLabel', route);
    await next();
    const status = c.res.status;
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    deps.metrics.httpRequests.inc({ route, method: c.req.method, status: String(status) });
    const line = { method: c.req.method, route, path: c.req.path, status, durationMs };
    if (QUIET_ROUTES.has(route) && status < 400) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}
