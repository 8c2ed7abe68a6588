import type { Logger } from 'pino';
import type { MessageBatch, MessageResult } from '../contracts/index.js';
import type { GpGateway } from '../ports/gp-gateway.js';
import type { BridgeMetrics } from './metrics.js';

/**
 * What the HTTP layer needs from the rest of the bridge. Production wiring (server.ts) passes the real use
 * cases and gateway; tests pass small fakes or the sandbox. Nothing here is a module singleton.
 */
export interface PreviewMessageResult {
  readonly id: string;
  /** True when every document of the message passed the GP rules and the schema; false also for a mapping failure. */
  readonly valid: boolean;
  readonly [key: string]: unknown;
}

/** What a use case may know of the request it serves: the logger bound to its requestId, for its errors. */
export interface RequestContext {
  readonly logger: Logger;
}

export interface AppDeps {
  readonly version: string;
  readonly secret: string;
  readonly gateway: Pick<GpGateway, 'mode' | 'health' | 'readInventory'>;
  /** One result per message, in order. Throws only when the whole batch could not be attempted. */
  processBatch(batch: MessageBatch, request?: RequestContext): Promise<MessageResult[]>;
  /** Maps and validates without writing GP: the eConnect XML and the validation of each message. */
  previewBatch(batch: MessageBatch, request?: RequestContext): Promise<PreviewMessageResult[]>;
  readonly logger: Logger;
  readonly metrics: BridgeMetrics;
  /** Default 5 MB. */
  readonly bodyLimitBytes?: number;
  /** Default 300 s. */
  readonly signatureWindowSeconds?: number;
  /** Clock in ms, injectable for the timestamp-window tests. */
  readonly now?: () => number;
}

/** Hono environment: typed per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    rawBody: Uint8Array;
    /** The matched route pattern, for metrics labels that do not explode with ids or queries. */
    routeLabel: string;
    /** On endpoints open to everyone: whether the caller proved it holds the secret (more detail if so). */
    signed: boolean;
  };
}
