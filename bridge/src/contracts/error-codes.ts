/**
 * Every machine code the bridge returns, in one list. Per-message codes come in `retry` and `dead` results;
 * request codes in problem+json bodies. docs/contract.md explains each; the plugin mirrors them as constants.
 */
export const MESSAGE_DEAD_CODES = [
  'invalid_payload', // the payload failed the contract for its kind; `field` names the path
  'unknown_kind', // kind is not customer, product, order or refund
  'unsupported_schema_version', // the payload's schema_version is not one this bridge reads
  'missing_sku', // a product without SKU, or an order line without one under the `hold` policy
  'unknown_sku', // order lines whose SKUs GP does not have (policy `hold`); details list them
  'field_too_long', // a value longer than its GP column under length_policy `reject`
  'unsupported_characters', // characters outside GP's code page under code_page_policy `reject`
  'total_mismatch', // GP document total ≠ WooCommerce total; both figures in details
  'tax_mismatch', // GP tax ≠ WooCommerce tax; both figures in details
  'order_not_in_gp', // a refund for an order whose GP documents are all voided
  'document_posted', // cancellation of a document GP has already posted: needs manual action
  'changed_after_posting', // the order changed after GP posted its document; details carry both totals
  'gp_error', // an eConnect business error; message carries GP's number and text
  'gp_validation', // the bridge's GP rules rejected the document (required field, length, …)
] as const;

export const MESSAGE_RETRY_CODES = [
  'gp_unavailable', // GP's SQL Server could not be reached: never dead-lettered
  'gp_timeout',
  'gp_deadlock',
  'batch_in_use', // a GP user has the batch open; try again later
  'depends_on_pending', // e.g. a refund whose order has not reached GP yet
] as const;

export const REQUEST_ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'unsupported_schema_version', // the batch envelope's schema_version is not one this bridge speaks
  'unsupported_media_type', // a body that is not Content-Type application/json
  'payload_too_large',
  'signature_missing',
  'signature_invalid',
  'timestamp_out_of_window',
  'replayed_request',
  'not_found',
  'method_not_allowed',
  'gp_unavailable', // GP could not answer a read (inventory): 503 with Retry-After, retry later
  'internal_error',
] as const;

export type MessageDeadCode = (typeof MESSAGE_DEAD_CODES)[number];
export type MessageRetryCode = (typeof MESSAGE_RETRY_CODES)[number];
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];
