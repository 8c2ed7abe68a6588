import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.js';

interface GpHealthView {
  reachable: boolean;
  latency_ms: number;
  detail?: string;
}

/**
 * `GET /v1/health`, open so load balancers, Docker's HEALTHCHECK and uptime monitors can call it without the
 * secret. It answers 200 whenever the bridge itself runs (liveness); `status` is `degraded` and
 * `gp.reachable` false when GP does not answer, and messages sent meanwhile come back `retry`, never `dead`.
 *
 * Why GP is unreachable (`gp.detail`) names the SQL Server's host and port, so it goes to the log and to signed
 * callers only (the plugin's "Test connection" signs); an unsigned caller learns the status and nothing that
 * maps the network behind the bridge.
 */
export function healthRoute(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const gp = await probeGp(deps, c.get('logger'));
    if (!c.get('signed')) delete gp.detail;
    return c.json({
      status: gp.reachable ? 'ok' : 'degraded',
      version: deps.version,
      mode: deps.gateway.mode,
      gp,
      time: new Date(deps.now?.() ?? Date.now()).toISOString(),
    });
  });
}

async function probeGp(deps: AppDeps, logger: AppEnv['Variables']['logger']): Promise<GpHealthView> {
  const started = performance.now();
  try {
    const health = await deps.gateway.health();
    // The gateway's own figure when it measured one (SELECT 1 on the pool), else the call's round trip.
    const latency = health.latencyMs > 0 ? health.latencyMs : performance.now() - started;
    const gp: GpHealthView = { reachable: health.reachable, latency_ms: Math.round(latency * 100) / 100 };
    if (health.detail) gp.detail = health.detail;
    if (!health.reachable) logger.warn({ detail: health.detail }, 'GP health probe: GP unreachable');
    return gp;
  } catch (error) {
    logger.warn({ err: error }, 'GP health probe failed');
    return { reachable: false, latency_ms: 0, detail: (error as Error).message };
  }
}
