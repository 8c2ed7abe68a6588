/**
 * The inventory feed's cursor: GP change time (IV00101.DEX_ROW_TS, UTC) and item number of the last row
 * returned, as opaque base64url JSON. Rows are read in (DEX_ROW_TS, ITEMNMBR) order strictly after it.
 *
 * The overlap window: DEX_ROW_TS is stamped when a row is written, not when its transaction commits, so a slow
 * transaction can commit rows stamped earlier than rows already read (FACTS §8). When a page reaches the end,
 * the next cursor is therefore held back to `now − overlap`, so rows of the last moments are read again on the
 * next poll. Stock updates are absolute values, so reading a row twice is harmless; missing one is not.
 */
export interface InventoryCursor {
  readonly ts: string;
  readonly item: string;
}

export const CURSOR_START: InventoryCursor = { ts: '1900-01-01T00:00:00.000Z', item: '' };
export const DEFAULT_OVERLAP_MS = 5 * 60 * 1000;

export class InvalidCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(cursor: InventoryCursor): string {
  return Buffer.from(JSON.stringify({ ts: cursor.ts, item: cursor.item }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null): InventoryCursor {
  if (cursor === null || cursor === '') return CURSOR_START;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { ts, item } = parsed as Record<string, unknown>;
      if (typeof ts === 'string' && !Number.isNaN(Date.parse(ts)) && typeof item === 'string') {
        return { ts: new Date(ts).toISOString(), item };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError('inventory cursor is not one this bridge issued');
}

function compare(a: InventoryCursor, b: InventoryCursor): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  return a.item < b.item ? -1 : a.item > b.item ? 1 : 0;
}

/**
 * The cursor to hand back. Mid-feed (`hasMore`) it is the last row, so paging always advances. At the end it
 * is the last row held back to `now − overlap`, but never behind the request cursor.
 */
export function nextCursor(
  request: InventoryCursor,
  last: InventoryCursor | null,
  hasMore: boolean,
  now: Date,
  overlapMs: number,
): InventoryCursor {
  if (last === null) return request;
  if (hasMore) return last;
  const horizon: InventoryCursor = { ts: new Date(now.getTime() - overlapMs).toISOString(), item: '' };
  const held = compare(last, horizon) <= 0 ? last : horizon;
  return compare(held, request) >= 0 ? held : request;
}
