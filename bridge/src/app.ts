import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './http/app-env.js';
import { readBody } from './http/middleware/read-body.js';
import { observeRequest } from './http/middleware/observe-request.js';
import { requireJson } from './http/middleware/require-json.js';
import { noteSignature, verifySignature } from './http/middleware/verify-signature.js';
import { ApiError, PROBLEM_CONTENT_TYPE, toProblem } from './http/problem.js';
import { ReplayCache } from './http/replay-cache.js';
import { healthRoute } from './http/routes/health.route.js';
import { inventoryRoute } from './http/routes/inventory.route.js';
import { messagesRoute } from './http/routes/messages.route.js';
import { metricsRoute } from './http/routes/metrics.route.js';
import { previewRoute } from './http/routes/preview.route.js';

export type { AppDeps, PreviewMessageResult } from './http/app-env.js';

export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_SIGNATURE_WINDOW_SECONDS = 300;

/**
 * Signed endpoints and the one method each accepts. Health and metrics are deliberately open; health tells a
 * signed caller more (why GP is unreachable), an unsigned one only the status.
 */
const SIGNED_ROUTES: Readonly<Record<string, string>> = {
  '/v1/messages': 'POST',
  '/v1/preview': 'POST',
  '/v1/inventory': 'GET',
};
const ALL_ROUTES: Readonly<Record<string, string>> = {
  ...SIGNED_ROUTES,
  '/v1/health': 'GET',
  '/metrics': 'GET',
};

/**
 * Builds the bridge's HTTP app, identically for production and tests. Middleware order: request id →
 * observation (logger, metrics) → for signed routes, the media type (POST), the size-limited body read and
 * the signature check → the route. Every error, thrown anywhere, leaves through onError as one problem+json envelope.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const windowSeconds = deps.signatureWindowSeconds ?? DEFAULT_SIGNATURE_WINDOW_SECONDS;
  const now = deps.now ?? Date.now;
  // A signature is valid while |now − timestamp| ≤ window, a span of twice the window: remember it that long.
  const replayCache = new ReplayCache(2 * windowSeconds * 1000);
  const bodyLimit = readBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  const signatureOptions = { secret: deps.secret, windowSeconds, replayCache, now };
  const signature = verifySignature(signatureOptions);
  const json = requireJson();

  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(observeRequest(deps));
  for (const [path, method] of Object.entries(SIGNED_ROUTES)) {
    // A body must say it is JSON before a byte of it is read; GET has no body to check.
    if (method === 'POST') app.on(method, path, json, bodyLimit, signature);
    else app.on(method, path, bodyLimit, signature);
  }
  app.get('/v1/health', noteSignature(signatureOptions));

  app.route('/v1/messages', messagesRoute(deps));
  app.route('/v1/preview', previewRoute(deps));
  app.route('/v1/inventory', inventoryRoute(deps));
  app.route('/v1/health', healthRoute(deps));
  app.route('/metrics', metricsRoute(deps));

  app.notFound((c) => {
    const allowed = ALL_ROUTES[c.req.path];
    const error = allowed
      ? new ApiError('method_not_allowed', `${c.req.path} accepts ${allowed} only.`)
      : new ApiError('not_found', `There is no endpoint at ${c.req.path}.`);
    return c.json(toProblem(error, c.get('requestId')), error.status as 404 | 405, {
      'content-type': PROBLEM_CONTENT_TYPE,
      ...(allowed ? { allow: allowed } : {}),
    });
  });

  app.onError((err, c) => {
    const requestIdValue = c.get('requestId');
    const error =
      err instanceof ApiError
        ? err
        : new ApiError('internal_error', 'The bridge failed unexpectedly; see its log for this requestId.');
    const logger = c.get('logger') ?? deps.logger;
    if (error.code === 'internal_error') logger.error({ err }, 'unhandled error');
    else logger.info({ code: error.code }, 'request refused');
    return c.json(toProblem(error, requestIdValue), error.status as 400, {
      'content-type': PROBLEM_CONTENT_TYPE,
      ...(error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
    });
  });

  return app;
}
