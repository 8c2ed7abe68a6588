import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.js';

/**
 * `GET /v1/health`, unsigned so load balancers, Docker's HEALTHCHECK and uptime monitors can call it. It
 * reveals nothing secret: version, mode, whether GP answers and how fast. It answers 200 whenever the bridge
 * itself runs (liveness); `status` is `degraded` and `gp.reachable` false when GP does not answer, which the
 * plugin's overview shows. Messages sent meanwhile come back `retry`, never `dead`.
 */
export function healthRoute(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    let gp: { reachable: boolean; latency_ms: number; detail?: string };
    const started = performance.now();
    try {
      const health = await deps.gateway.health();
      // The gateway's own figure when it measured one (SELECT 1 on the pool), else the call's round trip.
      const latency = health.latencyMs > 0 ? health.latencyMs : performance.now() - started;
      gp = { reachable: health.reachable, latency_ms: Math.round(latency * 100) / 100 };
      if (health.detail) gp.detail = health.detail;
    } catch (error) {
      c.get('logger').warn({ err: error }, 'GP health probe failed');
      gp = { reachable: false, latency_ms: 0, detail: (error as Error).message };
    }
    return c.json({
      status: gp.reachable ? 'ok' : 'degraded',
      version: deps.version,
      mode: deps.gateway.mode,
      gp,
      time: new Date(deps.now?.() ?? Date.now()).toISOString(),
    });
  });
}
