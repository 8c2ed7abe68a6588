import type { MappingProfile } from '../../contracts/index.js';
import { itemNumberOf } from '../keys.js';
import { MappingError } from '../mapping-error.js';

/**
 * Which GP item each sales line uses, under the unmatched-SKU policy (SPEC §3): `hold` refuses the whole
 * document and lists every unknown SKU at once (so one retry after fixing them all succeeds), `non_inventory`
 * sends such lines as non-inventory lines, `create_placeholder` creates the items first in their own document.
 */
export interface LineIdentity {
  /** Payload path of the line, e.g. `lines[2]`. */
  readonly path: string;
  readonly sku: string;
  /** The product's explicit GP item number; '' when unset (then the SKU is the item number). */
  readonly gpItemNumber: string;
  readonly name: string;
  readonly productId: number;
  readonly variationId: number;
}

export interface ResolvedItem {
  readonly itemNumber: string;
  readonly nonInventory: boolean;
}

export interface ResolvedItems {
  readonly items: readonly ResolvedItem[];
  /** Items to create before the sales document (policy create_placeholder), one per distinct number. */
  readonly placeholders: ReadonlyArray<{
    readonly itemNumber: string;
    readonly name: string;
    readonly path: string;
  }>;
}

export function resolveItems(
  lines: readonly LineIdentity[],
  profile: MappingProfile,
  knownItems: ReadonlySet<string>,
): ResolvedItems {
  const policy = profile.items.unmatched_sku_policy;
  const known = new Set([...knownItems].map((k) => k.trim().toUpperCase()));
  const unknown: Array<{ sku: string; path: string }> = [];
  const placeholders = new Map<string, { itemNumber: string; name: string; path: string }>();
  const items = lines.map((line): ResolvedItem => {
    const identity = { sku: line.sku, gp_item_number: line.gpItemNumber };
    if (line.sku.trim() === '' && line.gpItemNumber.trim() === '') {
      if (policy !== 'non_inventory') {
        throw new MappingError(
          'missing_sku',
          `${line.path} ("${line.name}") has neither a SKU nor a GP item number: GP needs an item number, and the bridge does not invent one; set the product's "GP item number", then retry`,
          `${line.path}.sku`,
          {
            product_id: line.productId,
            variation_id: line.variationId,
            name: line.name,
          },
        );
      }
      return { itemNumber: standInNumber(line), nonInventory: true };
    }
    const itemNumber =
      policy === 'non_inventory' ? standInIfUnusable(line) : itemNumberOf(identity, line.path);
    if (known.has(itemNumber)) return { itemNumber, nonInventory: false };
    if (policy === 'non_inventory') return { itemNumber, nonInventory: true };
    if (policy === 'create_placeholder') {
      if (!placeholders.has(itemNumber))
        placeholders.set(itemNumber, { itemNumber, name: line.name, path: line.path });
      return { itemNumber, nonInventory: false };
    }
    unknown.push({
      sku: line.gpItemNumber.trim() || line.sku,
      path: `${line.path}.${line.gpItemNumber.trim() !== '' ? 'gp_item_number' : 'sku'}`,
    });
    return { itemNumber, nonInventory: false };
  });
  if (unknown.length > 0) {
    throw new MappingError(
      'unknown_sku',
      `GP has no item for ${unknown.map((u) => u.sku).join(', ')}`,
      unknown[0]?.path,
      {
        skus: unknown.map((u) => u.sku),
        fields: unknown.map((u) => u.path),
      },
    );
  }
  return { items, placeholders: [...placeholders.values()] };
}

/** A stable stand-in item number from the Woo product, so GP reports can still group the line's sales. */
function standInNumber(line: LineIdentity): string {
  return `WOO-${line.variationId || line.productId}`;
}

/**
 * Under `non_inventory` a SKU that cannot be a GP item number (longer than 30, characters GP keys cannot hold)
 * is by definition not a GP item: the line goes in as non-inventory under the stand-in number instead of
 * failing. Under the other policies such a SKU is an error the merchant has to fix (the item could never sync).
 */
function standInIfUnusable(line: LineIdentity): string {
  try {
    return itemNumberOf({ sku: line.sku, gp_item_number: line.gpItemNumber }, line.path);
  } catch (error) {
    if (error instanceof MappingError) return standInNumber(line);
    throw error;
  }
}
