import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.js';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics.js';

/**
 * `GET /metrics`: Prometheus text. Unsigned because scrapers cannot sign; it carries counts and timings only,
 * no ids or payloads. Keep the bridge's port private (it listens on 127.0.0.1 by default) or restrict
 * /metrics at the reverse proxy (docs/bridge.md).
 */
export function metricsRoute(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) =>
    c.body(deps.metrics.render(), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE }),
  );
}
