import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env.js';
import { GpExecutionError } from '../../ports/gp-gateway.js';
import { fromGpError, RETRY_AFTER_SECONDS } from '../../use-cases/index.js';
import { ApiError } from '../problem.js';
import { issuesToFieldErrors } from '../parse-json-body.js';

export const INVENTORY_MAX_LIMIT = 5000;

/** Query of `GET /v1/inventory`. `sites` is a comma-separated list of GP site ids, or absent/`all`. */
export const InventoryQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(INVENTORY_MAX_LIMIT).default(500),
  sites: z.string().max(2000).optional(),
});

/** Response of `GET /v1/inventory` (exported to contract/inventory-response.schema.json). */
export const InventoryResponseSchema = z.object({
  items: z.array(
    z.object({
      item_number: z.string(),
      /** On hand − allocated over the requested sites, decimal string. */
      available: z.string(),
      sites: z.array(z.object({ site: z.string(), on_hand: z.string(), allocated: z.string() })),
      changed_at: z.string(),
    }),
  ),
  /** Pass back as `cursor` on the next call; equal to the request cursor when nothing changed. */
  next_cursor: z.string(),
  has_more: z.boolean(),
});
export type InventoryResponse = z.infer<typeof InventoryResponseSchema>;

function parseSites(sites: string | undefined): readonly string[] | 'all' {
  if (sites === undefined || sites.trim() === '' || sites.trim().toLowerCase() === 'all') return 'all';
  return sites
    .split(',')
    .map((site) => site.trim())
    .filter((site) => site !== '');
}

/** `GET /v1/inventory?cursor=&limit=&sites=`: stock changes since the cursor, and the next cursor. */
export function inventoryRoute(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const parsed = InventoryQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new ApiError(
        'validation_failed',
        'The inventory query is invalid.',
        issuesToFieldErrors(parsed.error.issues),
      );
    }
    const page = await deps.gateway
      .readInventory({
        cursor: parsed.data.cursor ?? null,
        limit: parsed.data.limit,
        sites: parseSites(parsed.data.sites),
      })
      .catch((error: unknown) => {
        // The adapters' InvalidCursorError, matched by name so http/ does not depend on adapters/.
        if (error instanceof Error && error.name === 'InvalidCursorError') {
          throw new ApiError('validation_failed', 'The inventory cursor is invalid.', [
            { path: 'cursor', message: error.message },
          ]);
        }
        // GP down, slow or deadlocked is transient: 503 with Retry-After, so the client keeps its cursor and
        // comes back. The cause (it names the SQL Server's host) goes to the log, not to the client.
        // One retry-code mapping (use-cases/message-results.ts) decides what is transient.
        if (error instanceof GpExecutionError && fromGpError('inventory', error).status === 'retry') {
          c.get('logger').warn({ err: error, kind: error.kind }, 'inventory read: GP unavailable');
          throw new ApiError(
            'gp_unavailable',
            `GP could not answer the inventory read (${error.kind}); retry after the suggested delay.`,
            undefined,
            RETRY_AFTER_SECONDS.gp_unavailable,
          );
        }
        throw error;
      });
    const body: InventoryResponse = {
      items: page.items.map((row) => ({
        item_number: row.itemNumber,
        available: row.available,
        sites: row.sites.map((site) => ({
          site: site.site,
          on_hand: site.onHand,
          allocated: site.allocated,
        })),
        changed_at: row.changedAt,
      })),
      next_cursor: page.nextCursor,
      has_more: page.hasMore,
    };
    return c.json(body, 200);
  });
}
