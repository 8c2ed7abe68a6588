import { describe, expect, it } from 'vitest';
import type { MappingProfile, OrderPayload, RefundPayload } from '../../src/contracts/index.js';
import type { EConnectDocument, MappingResult, MappingSuccess } from '../../src/domain/index.js';
import { mapOrder, mapRefund, toEConnectXml } from '../../src/domain/index.js';
import { parameterType } from '../../src/domain/econnect/parameter-types.js';
import { dec, sum } from '../../src/domain/money.js';
import {
  orderContext,
  profileWith,
  RATE_MAP,
  refundContext,
  sopRef,
  wooOrder,
  wooRefunds,
  wooScenarios,
} from '../support/domain-fixtures.js';
import { ECONNECT_XSD_AVAILABLE, expectAllValidEConnect } from '../support/xsd.js';

/**
 * Every fixture order and refund under every combination of the merchant's policies (length, code page,
 * unmatched SKU), as order, as invoice and as the invoice replacing an open Order, with every SKU known and
 * with one SKU unknown. Whatever the combination, a result is either a failure the policies allow, or
 * documents that GP accepts: schema-valid, every text within its parameter length and in code page 1252,
 * no '?' without a warning, numbers in numeric(19,5) form, GP rules 67/235/722, the WooCommerce total and
 * per-rate taxes to the cent. The checks here recompute everything from the documents themselves.
 */
const LENGTH = ['reject', 'truncate'] as const;
const CODE_PAGE = ['transliterate', 'reject'] as const;
const UNMATCHED = ['hold', 'non_inventory', 'create_placeholder'] as const;
const SALES = ['order', 'invoice', 'invoice-after-order'] as const;

interface Case {
  readonly label: string;
  readonly profile: MappingProfile;
  readonly lengthPolicy: (typeof LENGTH)[number];
  readonly codePagePolicy: (typeof CODE_PAGE)[number];
  readonly unmatched: (typeof UNMATCHED)[number];
}

function cases(): Case[] {
  const result: Case[] = [];
  for (const lengthPolicy of LENGTH) {
    for (const codePagePolicy of CODE_PAGE) {
      for (const unmatched of UNMATCHED) {
        result.push({
          label: `${lengthPolicy}/${codePagePolicy}/${unmatched}`,
          lengthPolicy,
          codePagePolicy,
          unmatched,
          profile: profileWith({
            timezone: 'America/New_York',
            length_policy: lengthPolicy,
            code_page_policy: codePagePolicy,
            status_map: {},
            items: { unmatched_sku_policy: unmatched, placeholder_class_id: 'WOO-NEW' },
            taxes: { rate_map: RATE_MAP, schedule_id: 'WOO-TAX' },
            currency_id: 'Z-US$',
          }),
        });
      }
    }
  }
  return result;
}

/** Windows-1252, written out independently of the mapper's own table. */
const CP1252_HIGH = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const inCp1252 = (c: string): boolean => {
  const code = c.codePointAt(0)!;
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0xa0 && code <= 0xff) ||
    CP1252_HIGH.has(c)
  );
};

/** What GP would refuse or mangle in one document, as readable problems (empty = fine). */
function gpProblems(document: EConnectDocument, warnings: MappingSuccess['warnings']): string[] {
  const problems: string[] = [];
  const replacedFields = new Set(
    warnings.filter((w) => w.code === 'unsupported_characters_replaced').map((w) => w.field),
  );
  for (const transaction of document.transactions) {
    for (const node of transaction.nodes) {
      for (const [element, value] of Object.entries(node.fields)) {
        const where = `${node.node}.${element}`;
        const type = parameterType(node.node, element);
        if (type.kind === 'char' || type.kind === 'varchar') {
          if (type.length !== undefined && [...value].length > type.length)
            problems.push(`${where} is ${[...value].length} > ${type.length}`);
          const outside = [...value].filter((c) => !inCp1252(c));
          if (outside.length > 0) problems.push(`${where} has ${outside.join('')} outside code page 1252`);
          if (value.includes('?') && !replacedFields.has(where))
            problems.push(`${where} = "${value}" has a '?' no warning explains`);
        } else if (type.kind === 'numeric') {
          if (!/^-?\d{1,14}(\.\d{1,5})?$/.test(value))
            problems.push(`${where} = "${value}" is not numeric(19,5) text`);
        } else if (type.kind === 'datetime') {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
            problems.push(`${where} = "${value}" is not a date`);
        } else if (!/^-?\d+$/.test(value)) {
          problems.push(`${where} = "${value}" is not an integer`);
        }
      }
    }
  }
  return problems;
}

const fieldsOf = (document: EConnectDocument, node: string) =>
  document.transactions.flatMap((t) => t.nodes.filter((n) => n.node === node).map((n) => n.fields));
const amount = (fields: Readonly<Record<string, string>> | undefined, name: string) =>
  dec(fields?.[name] ?? '0');

/** GP's own checks and WooCommerce's figures, recomputed from the SOP document alone. */
function totalsProblems(
  document: EConnectDocument,
  expected: { total: string; tax?: string; taxLines?: OrderPayload['tax_lines'] },
): string[] {
  const problems: string[] = [];
  const header = fieldsOf(document, 'taSopHdrIvcInsert')[0];
  const lines = fieldsOf(document, 'taSopLineIvcInsert');
  if (!header) return ['no taSopHdrIvcInsert'];
  if (lines.length === 0) problems.push('no lines (taSopLineIvcInsert_Items needs one)');
  for (const line of lines) {
    if (!amount(line, 'UNITPRCE').times(amount(line, 'QUANTITY')).eq(amount(line, 'XTNDPRCE')))
      problems.push(`rule 722 on line ${line['LNITMSEQ']}`);
  }
  if (!sum(lines.map((l) => amount(l, 'XTNDPRCE'))).eq(amount(header, 'SUBTOTAL'))) problems.push('rule 67');
  const parts = sum(
    ['SUBTOTAL', 'FREIGHT', 'MISCAMNT', 'TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((e) => amount(header, e)),
  ).minus(amount(header, 'TRDISAMT'));
  if (!parts.eq(amount(header, 'DOCAMNT')))
    problems.push(`rule 235: ${parts.toFixed()} ≠ DOCAMNT ${header['DOCAMNT']}`);
  if (!amount(header, 'DOCAMNT').eq(dec(expected.total).toDecimalPlaces(2)))
    problems.push(`DOCAMNT ${header['DOCAMNT']} ≠ WooCommerce ${expected.total}`);
  if (!sum(lines.map((l) => amount(l, 'TAXAMNT'))).eq(amount(header, 'TAXAMNT')))
    problems.push('header TAXAMNT ≠ Σ line TAXAMNT');
  if (expected.tax !== undefined) {
    const tax = sum(['TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((e) => amount(header, e)));
    if (!tax.eq(dec(expected.tax).toDecimalPlaces(2)))
      problems.push(`tax ${tax.toFixed()} ≠ WooCommerce ${expected.tax}`);
  }
  if (header['TRDISAMT'] === undefined)
    problems.push('TRDISAMT omitted (GP would apply the customer default)');
  const taxRows = fieldsOf(document, 'taSopLineIvcTaxInsert');
  for (const taxLine of expected.taxLines ?? []) {
    const detail = RATE_MAP[String(taxLine.rate_id) as keyof typeof RATE_MAP];
    const rows = taxRows.filter((r) => r['TAXDTLID'] === detail);
    const cart = sum(rows.filter((r) => r['TAXTYPE'] === '0').map((r) => amount(r, 'STAXAMNT'))).plus(
      sum(rows.filter((r) => r['TAXTYPE'] === '2').map((r) => amount(r, 'MSCTXAMT'))),
    );
    const shipping = sum(rows.filter((r) => r['TAXTYPE'] === '1').map((r) => amount(r, 'FRTTXAMT')));
    if (!cart.eq(dec(taxLine.tax_total).toDecimalPlaces(2)))
      problems.push(`rate ${taxLine.rate_id}: item tax ${cart.toFixed()} ≠ ${taxLine.tax_total}`);
    if (!shipping.eq(dec(taxLine.shipping_tax_total).toDecimalPlaces(2)))
      problems.push(
        `rate ${taxLine.rate_id}: shipping tax ${shipping.toFixed()} ≠ ${taxLine.shipping_tax_total}`,
      );
  }
  return problems;
}

/** The failures each policy allows; anything else (a totals or GP-rule failure on a real order) is a bug. */
function allowedFailures(c: Case, somethingUnknown: boolean): Set<string> {
  const allowed = new Set<string>(['field_too_long']); // keys (SKU > 30, SOP number) are refused whatever the policy
  if (c.codePagePolicy === 'reject') allowed.add('unsupported_characters');
  if (c.unmatched !== 'non_inventory') allowed.add('missing_sku');
  if (c.unmatched === 'hold' && somethingUnknown) allowed.add('unknown_sku');
  return allowed;
}

interface Outcome {
  readonly label: string;
  readonly result: MappingResult;
}

describe('every fixture under every policy combination', () => {
  const scenarios = wooScenarios();
  const allCases = cases();
  const outcomes: Array<
    Outcome & { order?: OrderPayload; refund?: RefundPayload; c: Case; somethingUnknown: boolean }
  > = [];
  for (const scenario of scenarios) {
    const order = wooOrder(scenario);
    const skus = order.lines.map((l) => l.sku.trim().toUpperCase()).filter((s) => s !== '');
    for (const c of allCases) {
      for (const knownAll of [true, false]) {
        const knownItems = new Set(knownAll ? skus : skus.slice(1));
        const somethingUnknown = !knownAll && skus.length > 0;
        for (const sales of SALES) {
          const action = sales === 'order' ? 'order' : 'invoice';
          const profile = { ...c.profile, status_map: { [order.status]: action } } as MappingProfile;
          const existingDocuments =
            sales === 'invoice-after-order' ? [sopRef(2, `WO${order.order_number}`, order.order_number)] : [];
          const result = mapOrder(
            order,
            profile,
            orderContext(order, profile, { knownItems, existingDocuments }),
          );
          outcomes.push({
            label: `${scenario} ${sales} ${c.label} ${knownAll ? 'all-known' : 'first-unknown'}`,
            result,
            order,
            c,
            somethingUnknown,
          });
        }
      }
    }
    for (const refund of wooRefunds(scenario)) {
      for (const c of allCases) {
        const invoice = sopRef(3, `WI${order.order_number}`, order.order_number, { posted: true });
        const result = mapRefund(refund, c.profile, refundContext(refund, c.profile, [invoice]));
        outcomes.push({
          label: `${scenario} refund-${refund.woo_refund_id} ${c.label}`,
          result,
          refund,
          c,
          somethingUnknown: false,
        });
      }
    }
  }

  it(`when ${scenarios.length} orders and their refunds are mapped under ${allCases.length} policy combinations, then every mapping gives a result`, () => {
    expect(scenarios).toHaveLength(24);
    expect(outcomes.length).toBe(24 * allCases.length * 2 * SALES.length + 3 * allCases.length);
    const successes = outcomes.filter((o) => o.result.ok).length;
    // Most combinations must succeed: the fixtures are real orders; only strict policies may refuse some.
    expect(successes).toBeGreaterThan(outcomes.length / 2);
    console.info(
      `policy matrix: ${outcomes.length} mappings, ${successes} successes, ${outcomes.length - successes} policy failures: ${JSON.stringify(Object.fromEntries([...new Set(outcomes.flatMap((o) => (o.result.ok ? [] : [o.result.code])))].map((code) => [code, outcomes.filter((o) => !o.result.ok && o.result.code === code).length])))}`,
    );
  });

  it('when a mapping fails, then the code is one the policies allow, with a message and the field', () => {
    const unexpected = outcomes.flatMap((o) => {
      if (o.result.ok) return [];
      const allowed = allowedFailures(o.c, o.somethingUnknown);
      const bad = !allowed.has(o.result.code) || o.result.message.trim() === '' || !o.result.field;
      return bad
        ? [`${o.label}: ${o.result.code} ${o.result.message} (${o.result.field ?? 'no field'})`]
        : [];
    });
    expect(unexpected).toEqual([]);
  });

  it('when a strict policy succeeds, then it did not quietly apply the lenient rule', () => {
    const leaks = outcomes.flatMap((o) => {
      if (!o.result.ok) return [];
      const codes = o.result.warnings.map((w) => w.code);
      const bad: string[] = [];
      if (o.c.lengthPolicy === 'reject' && codes.includes('truncated')) bad.push('truncated under reject');
      if (
        o.c.codePagePolicy === 'reject' &&
        (codes.includes('transliterated') || codes.includes('unsupported_characters_replaced'))
      )
        bad.push('transliterated under reject');
      if (
        o.c.unmatched === 'hold' &&
        (codes.includes('non_inventory_line') || codes.includes('placeholder_item'))
      )
        bad.push('unknown SKU accepted under hold');
      return bad.map((b) => `${o.label}: ${b}`);
    });
    expect(leaks).toEqual([]);
  });

  it('when a mapping succeeds, then every text fits its GP parameter and code page, numbers and dates are in GP form, and no ? goes unexplained', () => {
    const problems = outcomes.flatMap((o) =>
      o.result.ok
        ? o.result.documents.flatMap((d) =>
            gpProblems(d, (o.result as MappingSuccess).warnings).map((p) => `${o.label}: ${p}`),
          )
        : [],
    );
    expect(problems).toEqual([]);
  });

  it('when a sales document or return is produced, then GP rules 67/235/722 hold and it equals WooCommerce to the cent, per tax rate too', () => {
    const problems = outcomes.flatMap((o) => {
      if (!o.result.ok || o.result.documents.length === 0) return [];
      const sales = o.result.documents.at(-1)!;
      const expected = o.order
        ? { total: o.order.totals.total, tax: o.order.totals.total_tax, taxLines: o.order.tax_lines }
        : { total: o.refund!.amount };
      return totalsProblems(sales, expected).map((p) => `${o.label}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('when unknown SKUs are accepted, then non_inventory marks exactly those lines and create_placeholder creates them first', () => {
    const problems = outcomes.flatMap((o) => {
      if (!o.result.ok || !o.order || !o.somethingUnknown) return [];
      const unknownSku = o.order.lines.map((l) => l.sku.trim().toUpperCase()).find((s) => s !== '')!;
      const documents = o.result.documents;
      if (documents.length === 0) return [];
      const lines = fieldsOf(documents.at(-1)!, 'taSopLineIvcInsert');
      if (o.c.unmatched === 'non_inventory') {
        const flagged = lines.filter((l) => l['NONINVEN'] === '1').map((l) => l['ITEMNMBR']);
        return flagged.includes(unknownSku)
          ? []
          : [`${o.label}: ${unknownSku} not NONINVEN (flagged ${flagged.join(',')})`];
      }
      if (o.c.unmatched === 'create_placeholder') {
        const created =
          documents.length === 2
            ? fieldsOf(documents[0]!, 'taUpdateCreateItemRcd').map((i) => i['ITEMNMBR'])
            : [];
        return created.includes(unknownSku)
          ? []
          : [`${o.label}: no placeholder item ${unknownSku} before the sales document`];
      }
      return [`${o.label}: unknown SKU accepted under hold`];
    });
    expect(problems).toEqual([]);
  });

  it('when the same payload is mapped twice, then the XML is identical (a retry writes the same document)', () => {
    const order = wooOrder('non-latin-names-long-sku-special-company-ny');
    for (const c of allCases) {
      const profile = { ...c.profile, status_map: { [order.status]: 'order' as const } };
      const first = mapOrder(order, profile, orderContext(order, profile));
      const second = mapOrder(structuredClone(order), profile, orderContext(order, profile));
      expect(second).toEqual(first);
      if (first.ok && second.ok)
        expect(second.documents.map(toEConnectXml)).toEqual(first.documents.map(toEConnectXml));
    }
  });

  // Nothing but the schema check: without the schema it is skipped, not passed.
  it.skipIf(!ECONNECT_XSD_AVAILABLE)(
    'when every distinct document produced above is serialised, then all of them validate against eConnect.xsd',
    async () => {
      const seen = new Set<string>();
      const documents: Array<{ label: string; xml: string }> = [];
      for (const o of outcomes) {
        if (!o.result.ok) continue;
        for (const document of o.result.documents) {
          const xml = toEConnectXml(document);
          if (seen.has(xml)) continue;
          seen.add(xml);
          documents.push({ label: o.label, xml });
        }
      }
      expect(documents.length).toBeGreaterThan(100);
      console.info(`policy matrix: ${documents.length} distinct eConnect documents validated`);
      // Batches keep the WebAssembly heap small; each batch compiles the schema once.
      for (let i = 0; i < documents.length; i += 150)
        await expectAllValidEConnect(documents.slice(i, i + 150));
    },
    120_000,
  );
});

describe('purity', () => {
  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    }
    return value;
  }

  it('when payloads, profiles and contexts are deeply frozen, then every mapper still gives the same result (nothing is mutated)', () => {
    for (const scenario of wooScenarios()) {
      for (const c of cases()) {
        const order = wooOrder(scenario);
        const profile = { ...c.profile, status_map: { [order.status]: 'invoice' as const } };
        const open = [sopRef(2, `WO${order.order_number}`, order.order_number)];
        const expected = mapOrder(order, profile, orderContext(order, profile, { existingDocuments: open }));
        const frozenOrder = deepFreeze(structuredClone(order));
        const frozenProfile = deepFreeze(structuredClone(profile));
        const frozenContext = deepFreeze(
          orderContext(frozenOrder, frozenProfile, { existingDocuments: deepFreeze(structuredClone(open)) }),
        );
        expect(mapOrder(frozenOrder, frozenProfile, frozenContext)).toEqual(expected);
        for (const refund of wooRefunds(scenario)) {
          const docs = [sopRef(3, `WI${order.order_number}`, order.order_number, { posted: true })];
          const expectedReturn = mapRefund(refund, c.profile, refundContext(refund, c.profile, docs));
          const frozenRefund = deepFreeze(structuredClone(refund));
          expect(
            mapRefund(
              frozenRefund,
              frozenProfile,
              refundContext(frozenRefund, frozenProfile, deepFreeze(structuredClone(docs))),
            ),
          ).toEqual(expectedReturn);
        }
      }
    }
  });
});
