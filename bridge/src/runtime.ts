import type { Logger } from 'pino';
import { createGateway, resetSandbox } from './adapters/index.js';
import type { GatewayConfig } from './config/env.js';
import type { MessageBatch, MessageResult } from './contracts/index.js';
import * as domain from './domain/index.js';
import type { PreviewMessageResult, RequestContext } from './http/app-env.js';
import { instrumentGateway } from './http/instrument-gateway.js';
import type { BridgeMetrics } from './http/metrics.js';
import type { GpGateway } from './ports/gp-gateway.js';
import { previewBatch, processBatch, type UseCaseDeps } from './use-cases/index.js';

/**
 * The composition root: the one place that knows which gateway and which use cases the process runs with.
 * `serve`, `map` and the bench build their runtime here; HTTP tests build theirs by hand.
 */
export interface Runtime {
  readonly gateway: GpGateway;
  processBatch(batch: MessageBatch, request?: RequestContext): Promise<MessageResult[]>;
  previewBatch(batch: MessageBatch, request?: RequestContext): Promise<PreviewMessageResult[]>;
  /** Closes the GP connection pool (or the sandbox file). */
  close(): Promise<void>;
}

export function openRuntime(config: GatewayConfig, logger: Logger, metrics: BridgeMetrics): Runtime {
  // Timed here, once, so every GP call the use cases make lands in the latency histogram.
  const gateway = instrumentGateway(createGateway(config), metrics);
  // An unexpected error's text reaches the log only (the client gets a generic result), on the request's
  // logger when there is one, so the line carries the requestId the client sees in X-Request-Id.
  const depsFor = (request?: RequestContext): UseCaseDeps => ({
    gateway,
    mapping: domain,
    onUnexpectedError: (messageId, error) =>
      (request?.logger ?? logger).error({ messageId, err: error }, 'unexpected error on a message'),
  });
  return {
    gateway,
    processBatch: (batch, request) => processBatch(batch, depsFor(request)),
    previewBatch: (batch, request) => previewBatch(batch, depsFor(request)),
    close: () => gateway.close(),
  };
}

/** `gp-bridge sandbox reset`: recreate and reseed the sandbox GP database. */
export function resetSandboxAt(path: string): void {
  resetSandbox(path);
}
