import type { MappingProfile, ProductPayload } from '../contracts/index.js';
import type { EConnectDocument } from './econnect/document.js';
import { readSource } from './field-sources.js';
import { toCp1252 } from './gp/code-page.js';
import { GpValues, NodeBuilder } from './gp/gp-values.js';
import { itemNumberOf } from './keys.js';
import { asResult } from './mapping-error.js';
import type { MappingResult } from './mapping-types.js';
import { dec, formatExact, GP_DECIMALS } from './money.js';

/**
 * Product → IVItemMasterType (FACTS §4): taUpdateCreateItemRcd keyed by the SKU (UpdateIfExists=1 makes it an
 * upsert), plus the taIVCreateItemPriceListHeader the XSD demands (minOccurs=1: omitting it fails validation;
 * an empty element fails too; `xsi:nil="true"` would validate). It is sent with real values rather than nil:
 * it sets the item's default selling unit of measure (FACTS §4.1), the one SOP lines use, and a nil element
 * would reach the procedure executor as a call without its required ITEMNMBR. Only ITEMNMBR, UOFM (and the
 * currency) are sent: the pricing method and price level stay whatever GP users chose, re-sync or not.
 * The item number is the product's explicit GP item number when set, else its SKU; a product with neither is
 * `missing_sku`: the bridge never invents an item number (SPEC §3).
 */
export function mapProduct(payload: ProductPayload, profile: MappingProfile): MappingResult {
  return asResult(() => {
    const values = new GpValues(profile);
    const itemNumber = itemNumberOf(payload);
    const document = itemDocument(values, profile, {
      itemNumber,
      description: payload.name,
      descriptionPath: 'name',
      classId: profile.items.class_id,
      listPrice: payload.regular_price ?? payload.price,
      fields: (item) => {
        for (const { from, to } of profile.items.fields) {
          const source = readSource(from, { payload, meta: payload.meta, attributes: payload.attributes });
          if (source) item.text(to, source.value, source.path);
        }
      },
    });
    return {
      ok: true as const,
      documents: [document],
      gp: { item_number: itemNumber, outcome: 'updated' as const },
      warnings: values.warnings,
    };
  });
}

export interface ItemSpec {
  readonly itemNumber: string;
  readonly description: string;
  readonly descriptionPath: string;
  /** GP item class; blank leaves GP's defaults. */
  readonly classId: string;
  readonly listPrice: string | null;
  readonly fields?: (item: NodeBuilder) => void;
}

/** The item document, shared by product sync and by placeholder items created for an order. */
export function itemDocument(values: GpValues, profile: MappingProfile, spec: ItemSpec): EConnectDocument {
  const item = new NodeBuilder(values, 'taUpdateCreateItemRcd')
    .text('ITEMNMBR', spec.itemNumber, 'sku')
    .text('ITEMDESC', spec.description, spec.descriptionPath)
    .text('UOMSCHDL', profile.items.uom_schedule, 'profile.items.uom_schedule')
    .value('UpdateIfExists', 1);
  // GP's short name defaults to nothing; the first 15 characters of the name are what GP users expect there.
  item.text('ITMSHNAM', [...toCp1252(spec.description.trim()).text].slice(0, 15).join('').trimEnd());
  if (spec.classId.trim() !== '')
    item.text('ITMCLSCD', spec.classId, 'profile.items.class_id').value('UseItemClass', 1);
  if (spec.listPrice !== null)
    item.value('LISTPRCE', formatExact(dec(spec.listPrice).toDecimalPlaces(GP_DECIMALS)));
  spec.fields?.(item);

  const priceList = new NodeBuilder(values, 'taIVCreateItemPriceListHeader')
    .text('ITEMNMBR', spec.itemNumber, 'sku')
    .text('UOFM', profile.items.unit_of_measure, 'profile.items.unit_of_measure')
    .value('UpdateIfExists', 1);
  if (profile.currency_id.trim() !== '')
    priceList.text('CURNCYID', profile.currency_id, 'profile.currency_id');

  return { transactions: [{ type: 'IVItemMasterType', nodes: [item.build(), priceList.build()] }] };
}
