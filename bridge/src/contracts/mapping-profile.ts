import { z } from 'zod';

/**
 * The mapping profile: every store-side setting the bridge needs, sent with each batch so the bridge holds no
 * store configuration of its own (SPEC §5). wp-admin edits it; `version` is a hash of its content so results
 * and logs say which profile produced a document.
 */

/** What a WooCommerce status does in GP (SPEC §3 "Orders"). */
export const OrderActionSchema = z.enum(['order', 'invoice', 'return', 'cancel', 'ignore']);
export type OrderAction = z.infer<typeof OrderActionSchema>;

/**
 * Where a mapped value comes from. `meta:<key>` reads the payload's `meta` map; `attribute:<name>` a product
 * attribute; `field:<path>` a payload field by dotted path (`billing.phone`, `customer_note`).
 */
export const SourceRefSchema = z
  .string()
  .regex(/^(meta|attribute|field):.+$/, 'must look like meta:<key>, attribute:<name> or field:<path>');

export const SopFieldTargetSchema = z.enum([
  'USERDEF1',
  'USERDEF2',
  'USRDEF03',
  'USRDEF04',
  'USRDEF05',
  'USRTAB01',
  'USRTAB09',
  'USRTAB03',
  'USRDAT01',
  'USRDAT02',
  'COMMENT_1',
  'COMMENT_2',
  'COMMENT_3',
  'COMMENT_4',
  'NOTETEXT',
]);
export const CustomerFieldTargetSchema = z.enum([
  'USERDEF1',
  'USERDEF2',
  'COMMENT1',
  'COMMENT2',
  'NOTETEXT',
  'CUSTCLAS',
  'PRCLEVEL',
  'TAXSCHID',
  'SLPRSNID',
  'SALSTERR',
]);
export const ItemFieldTargetSchema = z.enum([
  'USCATVLS_1',
  'USCATVLS_2',
  'USCATVLS_3',
  'USCATVLS_4',
  'USCATVLS_5',
  'USCATVLS_6',
  'ITMSHNAM',
  'ITMGEDSC',
  'NOTETEXT',
]);

const fieldMap = <T extends z.ZodTypeAny>(target: T) =>
  z.array(z.object({ from: SourceRefSchema, to: target })).default([]);

export const MappingProfileSchema = z.object({
  /** Hash of the profile as wp-admin saved it. */
  version: z.string().min(1).max(64),
  /** IANA zone of the store: GP dates are the store's local calendar dates. */
  timezone: z.string().min(1).default('UTC'),
  /** GP functional currency id; blank for a company without multicurrency (FACTS §6 Currency). */
  currency_id: z.string().default(''),
  /**
   * What to do when a text is longer than its GP column. `fit`: an address line spills into the next free
   * address line (ADDRESS1 → ADDRESS2 → ADDRESS3) at a word boundary, then truncates; other texts truncate;
   * each with a warning. `truncate`: every text is cut with a warning. `reject`: a dead letter
   * (`field_too_long`). Keys (customer, item and SOP numbers) are never cut under any policy.
   */
  length_policy: z.enum(['fit', 'reject', 'truncate']).default('fit'),
  /** Characters outside GP's code page (1252): transliterate where a plain Latin form exists, or reject. */
  code_page_policy: z.enum(['transliterate', 'reject']).default('transliterate'),
  status_map: z.record(z.string(), OrderActionSchema).default({
    processing: 'order',
    completed: 'invoice',
    refunded: 'return',
    cancelled: 'cancel',
    pending: 'ignore',
    'on-hold': 'ignore',
    failed: 'ignore',
  }),
  documents: z
    .object({
      order_docid: z.string().default('STDORD'),
      invoice_docid: z.string().default('STDINV'),
      return_docid: z.string().default('STDRTN'),
      /** GP batch the documents land in, unposted. */
      batch_id: z.string().default('WOO'),
      /** SOP numbers are `<prefix><order number>`; deterministic, so a repeat finds the earlier document. */
      order_prefix: z.string().default('WO'),
      invoice_prefix: z.string().default('WI'),
      return_prefix: z.string().default('WR'),
      /** Site (LOCNCODE) lines ship from; blank = GP's default. */
      site_id: z.string().default(''),
      /** Quantity shortage option on lines (FACTS §5.2): 2 = override shortage. */
      quantity_shortage_option: z.number().int().min(1).max(6).default(2),
    })
    .prefault({}),
  customers: z
    .object({
      /** New customer numbers: `<prefix><Woo user id>`; guests `<guest_prefix><hash of e-mail>`. */
      number_prefix: z.string().default('WC'),
      guest_prefix: z.string().default('WG'),
      class_id: z.string().default(''),
      billing_address_code: z.string().default('PRIMARY'),
      shipping_address_code: z.string().default('SHIP'),
      fields: fieldMap(CustomerFieldTargetSchema),
    })
    .prefault({}),
  items: z
    .object({
      class_id: z.string().default(''),
      uom_schedule: z.string().default('EACH'),
      unit_of_measure: z.string().default('EACH'),
      unmatched_sku_policy: z.enum(['hold', 'create_placeholder', 'non_inventory']).default('hold'),
      placeholder_class_id: z.string().default(''),
      fields: fieldMap(ItemFieldTargetSchema),
    })
    .prefault({}),
  orders: z
    .object({
      fields: fieldMap(SopFieldTargetSchema),
      /** Record payments of paid orders as SOP payments. */
      record_payments: z.boolean().default(false),
      checkbook_id: z.string().default(''),
      /** Woo gateway id → GP payment type (FACTS §5.5 PYMTTYPE: 4 cash, 5 check, 6 credit card). */
      payment_types: z.record(z.string(), z.number().int().min(1).max(6)).default({}),
      /** Fees go to GP misc charges (MISCAMNT). */
      fee_mode: z.enum(['misc']).default('misc'),
    })
    .prefault({}),
  taxes: z
    .object({
      /** Woo tax rate id → GP tax detail id (TAXDTLID). Unmapped rates go to header-level tax only. */
      rate_map: z.record(z.string(), z.string()).default({}),
      schedule_id: z.string().default(''),
      freight_schedule_id: z.string().default(''),
      misc_schedule_id: z.string().default(''),
    })
    .prefault({}),
  shipping: z
    .object({
      /** Woo shipping method id (`flat_rate`, `flat_rate:1`) → GP shipping method (SHIPMTHD). */
      method_map: z.record(z.string(), z.string()).default({}),
    })
    .prefault({}),
});
export type MappingProfile = z.infer<typeof MappingProfileSchema>;
