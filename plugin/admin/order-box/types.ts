// Shapes of the gp-sync/v1 answers the order box reads (plugin/src/Rest/OrderGpController.php and
// QueueController::get_item). Everything in them is plain text: React escapes it when it renders.

export type OrderGpState = 'sent' | 'waiting' | 'failed' | 'not_sent';

export interface OrderGpStatus {
  order_id: number;
  state: OrderGpState;
  headline: string;
  detail: string;
  document: { type: number; type_label: string; number: string } | null;
  error: { code: string; message: string; field: string; path?: string } | null;
  advice: { text: string; url: string; link: string } | null;
  last_attempt_gmt: string | null;
  next_attempt_gmt: string | null;
  attempts: number;
  message_row_id: number | null;
  queue_url: string;
}

export interface SendAnswer {
  queued: number;
  status: OrderGpStatus;
}

export interface PreviewDocument {
  xml: string;
  valid: boolean;
  issues: { field?: string; reason?: string; message: string }[];
}

export interface PreviewResult {
  valid: boolean;
  documents: PreviewDocument[];
  result?: { status: string; code?: string; message?: string; field?: string };
}

export interface QueueDetail {
  id: number;
  build_error: string | null;
  preview: { results: PreviewResult[] } | null;
  preview_error: { code: string; message: string } | null;
}

/** The REST calls the box makes; api.ts implements them with @wordpress/api-fetch. */
export interface OrderGpClient {
  status(orderId: number): Promise<OrderGpStatus>;
  send(orderId: number): Promise<SendAnswer>;
  preview(messageRowId: number): Promise<QueueDetail>;
}
