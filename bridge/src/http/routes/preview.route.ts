import { Hono } from 'hono';
import { MessageBatchSchema } from '../../contracts/index.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { parseJsonBody } from '../parse-json-body.js';

/**
 * `POST /v1/preview`: the same body as /v1/messages; returns, per message, the eConnect XML the bridge would
 * execute and its validation. It never writes GP (wp-admin's "View eConnect XML").
 */
export function previewRoute(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const batch = parseJsonBody(c.get('rawBody'), MessageBatchSchema);
    const results = await deps.previewBatch(batch, { logger: c.get('logger') });
    return c.json({ profile_version: batch.profile.version, results }, 200);
  });
}
