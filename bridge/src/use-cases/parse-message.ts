import type { z } from 'zod';
import { PAYLOAD_SCHEMAS, type DeadResult, type Message, type MessageKind } from '../contracts/index.js';
import { dead } from './message-results.js';

export type ParsedMessage =
  | {
      readonly ok: true;
      readonly kind: 'customer';
      readonly payload: z.infer<(typeof PAYLOAD_SCHEMAS)['customer']>;
    }
  | {
      readonly ok: true;
      readonly kind: 'product';
      readonly payload: z.infer<(typeof PAYLOAD_SCHEMAS)['product']>;
    }
  | {
      readonly ok: true;
      readonly kind: 'order';
      readonly payload: z.infer<(typeof PAYLOAD_SCHEMAS)['order']>;
    }
  | {
      readonly ok: true;
      readonly kind: 'refund';
      readonly payload: z.infer<(typeof PAYLOAD_SCHEMAS)['refund']>;
    }
  | { readonly ok: false; readonly result: DeadResult };

/** `['lines', 2, 'quantity']` → `lines[2].quantity`, the form results and the admin UI use. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`,
    '',
  );
}

function isKind(kind: string): kind is MessageKind {
  return Object.prototype.hasOwnProperty.call(PAYLOAD_SCHEMAS, kind);
}

/** Validates one message's payload against its kind; a bad one is this message's dead result, never the batch's. */
export function parseMessage(message: Message): ParsedMessage {
  if (!isKind(message.kind)) {
    return {
      ok: false,
      result: dead(
        message.id,
        'unknown_kind',
        `unknown message kind "${message.kind}"; expected customer, product, order or refund`,
        'kind',
      ),
    };
  }
  // A payload from a newer (or older) plugin is version skew, not a broken payload: say so by its own code.
  if (Object.hasOwn(message.payload, 'schema_version') && message.payload.schema_version !== 1) {
    return {
      ok: false,
      result: dead(
        message.id,
        'unsupported_schema_version',
        `payload schema_version ${JSON.stringify(message.payload.schema_version)?.slice(0, 40)} is not one this bridge knows (it knows 1)`,
        'schema_version',
      ),
    };
  }
  const parsed = PAYLOAD_SCHEMAS[message.kind].safeParse(message.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((issue) => ({ field: issuePath(issue.path), message: issue.message }));
    const first = issues[0] ?? { field: '', message: 'invalid payload' };
    return {
      ok: false,
      result: dead(
        message.id,
        'invalid_payload',
        `${first.field || 'payload'}: ${first.message}`,
        first.field || undefined,
        { issues },
      ),
    };
  }
  return { ok: true, kind: message.kind, payload: parsed.data } as ParsedMessage;
}
