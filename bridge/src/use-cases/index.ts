/** The bridge's use cases: transport-independent entry points for the HTTP routes and a pull-mode loop. */
export { processBatch, processMessage } from './process-batch.js';
export { previewBatch, previewMessage, type PreviewDocument, type PreviewResult } from './preview-batch.js';
export type { DomainMapping, UseCaseDeps } from './domain-mapping.js';
export { fromGpError, RETRY_AFTER_SECONDS } from './message-results.js';
