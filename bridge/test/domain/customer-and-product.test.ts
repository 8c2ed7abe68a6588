import { describe, expect, it } from 'vitest';
import type { CustomerPayload } from '../../src/contracts/index.js';
import type { MappingFailure, MappingResult } from '../../src/domain/index.js';
import {
  customerNumberFor,
  itemNumberFor,
  mapCustomer,
  mapProduct,
  normaliseEmail,
  sopDocumentKey,
  toEConnectXml,
} from '../../src/domain/index.js';
import { MappingError } from '../../src/domain/mapping-error.js';
import {
  expectSuccess,
  nodesOf,
  only,
  profileWith,
  syntheticCustomer,
  syntheticProduct,
  wooOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

/**
 * Customers and products → RMCustomerMasterType / IVItemMasterType, and the deterministic GP keys
 * (customer number, SOP number, item number) that make a repeated message find what the first one wrote.
 */
function failureOf(result: MappingResult): MappingFailure {
  if (result.ok) throw new Error('expected a mapping failure, got success');
  return result;
}

function thrown(body: () => unknown): MappingError {
  try {
    body();
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error('expected a MappingError');
}

const registered = (): CustomerPayload => structuredClone(wooOrder('single-line-simple-ca').customer);
const guest = (): CustomerPayload => structuredClone(wooOrder('guest-checkout-ca').customer);

describe('customer numbers and e-mail keys', () => {
  const profile = profileWith();

  it('when an e-mail has spaces and capitals, then its key is trimmed and lower case', () => {
    expect(normaliseEmail('  Dmitri.Shostakovich@Example.COM ')).toBe('dmitri.shostakovich@example.com');
  });

  it('when the customer is registered, then the number is the prefix and the Woo user id, upper case', () => {
    expect(customerNumberFor(registered(), profileWith({ customers: { number_prefix: 'wc-' } }))).toBe(
      'WC-3',
    );
  });

  it('when the customer is a guest, then the number is the guest prefix and a hash of the normalised e-mail, the same however the e-mail is typed', () => {
    const a = guest();
    const b = { ...guest(), email: `  ${a.email.toUpperCase()} ` };
    const number = customerNumberFor(a, profile);
    expect(a.woo_customer_id).toBeNull();
    expect(number).toMatch(/^WG[0-9A-F]{12}$/);
    expect(number.length).toBeLessThanOrEqual(15);
    expect(customerNumberFor(b, profile)).toBe(number);
    expect(customerNumberFor({ ...a, email: 'someone.else@example.com' }, profile)).not.toBe(number);
  });

  it('when the guest prefix leaves fewer than 8 characters for the hash, then it is refused rather than risking two guests on one number', () => {
    const error = thrown(() =>
      customerNumberFor(guest(), profileWith({ customers: { guest_prefix: 'WOOGUESTS' } })),
    );
    expect(error.code).toBe('field_too_long');
  });

  it('when prefix and user id exceed 15 characters, then field_too_long names CUSTNMBR and the limit', () => {
    const error = thrown(() =>
      customerNumberFor(
        { ...registered(), woo_customer_id: 123456789 },
        profileWith({ customers: { number_prefix: 'WOOSTORE-' } }),
      ),
    );
    expect(error.code).toBe('field_too_long');
    expect(error.field).toBe('taUpdateCreateCustomerRcd.CUSTNMBR');
    expect(error.details).toMatchObject({ limit: 15, length: 18 });
  });
});

describe('SOP document numbers and item numbers', () => {
  const profile = profileWith({
    documents: { order_prefix: 'wo', invoice_prefix: 'WI', return_prefix: 'WR' },
  });

  it('when keys are built for an order, an invoice and a refund, then they carry the prefix, upper case, with the SOP type', () => {
    expect(sopDocumentKey('order', '1042', profile)).toEqual({ sopType: 2, sopNumber: 'WO1042' });
    expect(sopDocumentKey('invoice', '1042', profile)).toEqual({ sopType: 3, sopNumber: 'WI1042' });
    expect(sopDocumentKey('return', '1042-98', profile)).toEqual({ sopType: 4, sopNumber: 'WR1042-98' });
  });

  it('when the number would exceed 21 characters, then a clear field_too_long is raised instead of a cut (two orders could collide)', () => {
    const error = thrown(() => sopDocumentKey('return', 'STORE-2026-000001042-98', profile));
    expect(error.code).toBe('field_too_long');
    expect(error.details).toMatchObject({ limit: 21, length: 25 });
  });

  it('when a SKU has surrounding spaces and lower case, then the item number is trimmed and upper case', () => {
    expect(itemNumberFor('  wcgp-tee-m ')).toBe('WCGP-TEE-M');
  });

  it('when a SKU is longer than 30 characters, then field_too_long; when it is empty, then missing_sku', () => {
    expect(thrown(() => itemNumberFor('WCGP-SHELF-BRACKET-HD-STEEL-BLK-350')).code).toBe('field_too_long');
    expect(thrown(() => itemNumberFor('   ')).code).toBe('missing_sku');
  });
});

describe('customers → RMCustomerMasterType', () => {
  it('when a registered customer with a separate shipping address is mapped, then the record, both address codes and the e-mail are written and validate', async () => {
    const profile = profileWith({ customers: { class_id: 'RETAIL' } });
    const customer = registered();
    const result = expectSuccess(mapCustomer(customer, profile, { customerNumber: 'WC3', exists: false }));
    const document = result.documents[0];
    const master = only(document, 'taUpdateCreateCustomerRcd');
    expect(master).toMatchObject({
      CUSTNMBR: 'WC3',
      CUSTNAME: 'Gardner Design Studio',
      ADRSCODE: 'PRIMARY',
      PRBTADCD: 'PRIMARY',
      PRSTADCD: 'SHIP',
      CUSTCLAS: 'RETAIL',
      UseCustomerClass: '1',
      UpdateIfExists: '1',
      CreateAddress: '1',
      ADDRESS1: '500 Market Street',
      CCode: 'US',
      COUNTRY: 'United States',
      PHNUMBR1: '14155550142',
    });
    expect(
      nodesOf(document, 'taCreateCustomerAddress').map((a) => [a.fields['ADRSCODE'], a.fields['CITY']]),
    ).toEqual([
      ['PRIMARY', 'San Francisco'],
      ['SHIP', 'Fresno'],
    ]);
    const internet = only(document, 'taCreateInternetAddresses');
    expect(internet).toMatchObject({
      Master_Type: 'CUS',
      Master_ID: 'WC3',
      INET1: 'alice.gardner@example.com',
      EmailToAddress: 'alice.gardner@example.com',
    });
    expect(result.gp).toEqual({ customer_number: 'WC3', outcome: 'created' });
    await expectValidEConnect(toEConnectXml(document!));
  });

  it('when the customer already exists in GP, then the class is not re-applied (it would overwrite what GP users set) and the outcome is updated', () => {
    const profile = profileWith({ customers: { class_id: 'RETAIL' } });
    const result = expectSuccess(mapCustomer(registered(), profile, { customerNumber: 'WC3', exists: true }));
    const master = only(result.documents[0], 'taUpdateCreateCustomerRcd');
    expect(master['CUSTCLAS']).toBeUndefined();
    expect(master['UseCustomerClass']).toBeUndefined();
    expect(result.gp.outcome).toBe('updated');
  });

  it('when a guest has no company and no shipping address, then the name is first + last and only the billing address code is written', async () => {
    const customer = {
      ...guest(),
      shipping: {
        ...guest().shipping,
        first_name: '',
        last_name: '',
        company: '',
        address_1: '',
        city: '',
        postcode: '',
      },
    };
    customer.billing.company = '';
    const result = expectSuccess(
      mapCustomer(customer, profileWith(), {
        customerNumber: customerNumberFor(customer, profileWith()),
        exists: false,
      }),
    );
    const master = only(result.documents[0], 'taUpdateCreateCustomerRcd');
    expect(master['CUSTNAME']).toBe(`${customer.billing.first_name} ${customer.billing.last_name}`.trim());
    expect(master['PRSTADCD']).toBe('PRIMARY');
    expect(nodesOf(result.documents[0], 'taCreateCustomerAddress')).toHaveLength(1);
    await expectValidEConnect(toEConnectXml(result.documents[0]!));
  });

  it('when names and addresses are Cyrillic and Greek, then GP gets readable Latin forms with warnings; under reject it is unsupported_characters', async () => {
    const customer = syntheticCustomer('customer-cyrillic');
    const result = expectSuccess(
      mapCustomer(customer, profileWith(), { customerNumber: 'WC42', exists: false }),
    );
    const document = result.documents[0];
    expect(only(document, 'taUpdateCreateCustomerRcd')['CUSTNAME']).toBe('Dmitriy Shostakovich');
    expect(only(document, 'taUpdateCreateCustomerRcd')['CITY']).toBe('Sankt-Peterburg');
    expect(nodesOf(document, 'taCreateCustomerAddress')[1]?.fields['ShipToName']).toBe(
      'Alexandros Papadopoulos',
    );
    expect(only(document, 'taCreateInternetAddresses')['INET1']).toBe('dmitri.shostakovich@example.com');
    expect(result.warnings.filter((w) => w.code === 'transliterated').length).toBeGreaterThan(0);
    await expectValidEConnect(toEConnectXml(document!));

    const failure = failureOf(
      mapCustomer(customer, profileWith({ code_page_policy: 'reject' }), {
        customerNumber: 'WC42',
        exists: false,
      }),
    );
    expect(failure.code).toBe('unsupported_characters');
    expect(failure.field).toBe('taUpdateCreateCustomerRcd.CUSTNAME');
  });

  it('when a guest name is Japanese (no Latin form), then it is never silently turned into ?: a warning says what was replaced', () => {
    const customer = syntheticCustomer('customer-japanese-guest');
    const result = expectSuccess(
      mapCustomer(customer, profileWith(), {
        customerNumber: customerNumberFor(customer, profileWith()),
        exists: false,
      }),
    );
    const replaced = result.warnings.filter((w) => w.code === 'unsupported_characters_replaced');
    expect(replaced.map((w) => w.field)).toContain('taUpdateCreateCustomerRcd.CUSTNAME');
  });

  it('when the profile maps customer meta and fields to GP user fields and comments, then they are written; a missing source leaves GP alone', async () => {
    const customer = syntheticCustomer('customer-cyrillic');
    const profile = profileWith({
      customers: {
        fields: [
          { from: 'meta:loyalty_tier', to: 'USERDEF1' },
          { from: 'meta:billing_vat', to: 'USERDEF2' },
          { from: 'field:billing.postcode', to: 'COMMENT1' },
          { from: 'meta:absent', to: 'COMMENT2' },
        ],
      },
    });
    const result = expectSuccess(mapCustomer(customer, profile, { customerNumber: 'WC42', exists: true }));
    const master = only(result.documents[0], 'taUpdateCreateCustomerRcd');
    expect([master['USERDEF1'], master['USERDEF2'], master['COMMENT1'], master['COMMENT2']]).toEqual([
      'Gold',
      'RU7830002293',
      '191186',
      undefined,
    ]);
    await expectValidEConnect(toEConnectXml(result.documents[0]!));
  });

  it('when an address line is longer than 60 characters, then reject gives field_too_long with the payload path and truncate cuts it with a warning', () => {
    const customer = registered();
    customer.billing.address_1 = 'Unit 4B, The Old Granary Business Park, Long Meadow Industrial Estate West';
    const failure = failureOf(
      mapCustomer(customer, profileWith({ length_policy: 'reject' }), {
        customerNumber: 'WC3',
        exists: true,
      }),
    );
    expect(failure).toMatchObject({
      code: 'field_too_long',
      field: 'taUpdateCreateCustomerRcd.ADDRESS1',
      details: { path: 'customer.billing.address_1', limit: 60, length: customer.billing.address_1.length },
    });
    const result = expectSuccess(
      mapCustomer(customer, profileWith({ length_policy: 'truncate' }), {
        customerNumber: 'WC3',
        exists: true,
      }),
    );
    expect(only(result.documents[0], 'taUpdateCreateCustomerRcd')['ADDRESS1']).toBe(
      customer.billing.address_1.slice(0, 60).trimEnd(),
    );
    expect(result.warnings.map((w) => w.code)).toContain('truncated');
  });
});

describe('products → IVItemMasterType', () => {
  it('when a variation with attributes is mapped, then the SKU is the item number and attributes/meta fill the user categories', async () => {
    const product = syntheticProduct('product-variation-attributes');
    const profile = profileWith({
      items: {
        class_id: 'APPAREL',
        fields: [
          { from: 'attribute:size', to: 'USCATVLS_1' },
          { from: 'attribute:Material', to: 'USCATVLS_2' },
          { from: 'meta:origin', to: 'USCATVLS_3' },
          { from: 'attribute:colour', to: 'USCATVLS_4' },
        ],
      },
      length_policy: 'truncate',
    });
    const result = expectSuccess(mapProduct(product, profile));
    const document = result.documents[0];
    const item = only(document, 'taUpdateCreateItemRcd');
    expect(item).toMatchObject({
      ITEMNMBR: 'WCGP-TEE-M',
      ITEMDESC: 'Organic Cotton T-Shirt - Medium',
      ITMSHNAM: 'Organic Cotton',
      ITMCLSCD: 'APPAREL',
      UseItemClass: '1',
      UOMSCHDL: 'EACH',
      LISTPRCE: '15.99',
      UpdateIfExists: '1',
      USCATVLS_1: 'Medium',
      USCATVLS_3: 'PT',
    });
    // "Organic cotton" is 14 characters; USCATVLS is char(10): cut under truncate, with a warning.
    expect(item['USCATVLS_2']).toBe('Organic co');
    expect(item['USCATVLS_4']).toBeUndefined();
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'truncated', field: 'taUpdateCreateItemRcd.USCATVLS_2' }),
    );
    expect(only(document, 'taIVCreateItemPriceListHeader')).toMatchObject({
      ITEMNMBR: 'WCGP-TEE-M',
      UOFM: 'EACH',
    });
    expect(result.gp.item_number).toBe('WCGP-TEE-M');
    await expectValidEConnect(toEConnectXml(document!));
  });

  it('when a product has no SKU, then the failure is missing_sku and nothing is written', () => {
    const product = { ...syntheticProduct('product-variation-attributes'), sku: '' };
    expect(failureOf(mapProduct(product, profileWith()))).toMatchObject({
      code: 'missing_sku',
      field: 'sku',
    });
  });

  it('when an attribute value is longer than its category under reject, then field_too_long names the attribute', () => {
    const product = syntheticProduct('product-variation-attributes');
    const profile = profileWith({
      length_policy: 'reject',
      items: { fields: [{ from: 'attribute:Material', to: 'USCATVLS_2' }] },
    });
    expect(failureOf(mapProduct(product, profile))).toMatchObject({
      code: 'field_too_long',
      field: 'taUpdateCreateItemRcd.USCATVLS_2',
      details: { limit: 10, length: 14 },
    });
  });

  it('when a product has no regular price, then LISTPRCE falls back to the price, and with neither it is left to GP', () => {
    const product = { ...syntheticProduct('product-variation-attributes'), regular_price: null };
    expect(
      only(expectSuccess(mapProduct(product, profileWith())).documents[0], 'taUpdateCreateItemRcd')[
        'LISTPRCE'
      ],
    ).toBe('13.99');
    expect(
      only(
        expectSuccess(mapProduct({ ...product, price: null }, profileWith())).documents[0],
        'taUpdateCreateItemRcd',
      )['LISTPRCE'],
    ).toBeUndefined();
  });
});
