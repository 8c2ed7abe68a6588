import { describe, expect, it } from 'vitest';
import { customerNumberFor, mapCustomer, toEConnectXml } from '../../src/domain/index.js';
import {
  expectSuccess,
  nodesOf,
  only,
  profileWith,
  syntheticCustomer,
  wooOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

const profile = profileWith({
  customers: {
    class_id: 'WEB',
    fields: [
      { from: 'meta:loyalty_tier', to: 'USERDEF1' },
      { from: 'meta:billing_vat', to: 'COMMENT1' },
      { from: 'field:display_name', to: 'USERDEF2' },
    ],
  },
});

describe('mapCustomer', () => {
  const alice = wooOrder('single-line-simple-ca').customer;

  it('when a registered customer is new, then GP gets the customer with the billing address as PRIMARY, the SHIP address and the e-mail', async () => {
    const result = expectSuccess(mapCustomer(alice, profile, { customerNumber: 'WC3', exists: false }));
    const document = result.documents[0]!;
    expect(result.gp).toEqual({ customer_number: 'WC3', outcome: 'created' });
    expect(only(document, 'taUpdateCreateCustomerRcd')).toMatchObject({
      CUSTNMBR: 'WC3',
      CUSTNAME: 'Gardner Design Studio',
      CNTCPRSN: 'Alice Gardner',
      ADRSCODE: 'PRIMARY',
      PRBTADCD: 'PRIMARY',
      STADDRCD: 'PRIMARY',
      PRSTADCD: 'SHIP',
      ADDRESS1: '500 Market Street',
      CITY: 'San Francisco',
      STATE: 'CA',
      ZIPCODE: '94105',
      CCode: 'US',
      COUNTRY: 'United States',
      PHNUMBR1: '14155550142',
      CUSTCLAS: 'WEB',
      UseCustomerClass: '1',
      UpdateIfExists: '1',
      CreateAddress: '1',
    });
    expect(
      nodesOf(document, 'taCreateCustomerAddress').map((n) => [n.fields['ADRSCODE'], n.fields['ADDRESS1']]),
    ).toEqual([
      ['PRIMARY', '500 Market Street'],
      ['SHIP', '88 Orchard Road'],
    ]);
    expect(only(document, 'taCreateInternetAddresses')).toEqual({
      Master_Type: 'CUS',
      Master_ID: 'WC3',
      ADRSCODE: 'PRIMARY',
      INET1: 'alice.gardner@example.com',
      EmailToAddress: 'alice.gardner@example.com',
    });
    await expectValidEConnect(toEConnectXml(document));
  });

  it('when the customer exists in GP, then it is updated and the class is not re-applied over GP users’ settings', () => {
    const result = expectSuccess(mapCustomer(alice, profile, { customerNumber: 'ALICE01', exists: true }));
    expect(result.gp.outcome).toBe('updated');
    expect(only(result.documents[0], 'taUpdateCreateCustomerRcd')['UseCustomerClass']).toBeUndefined();
  });

  it('when the name has Cyrillic and Greek letters, then GP gets them in Latin letters with a warning, and mapped fields are filled', async () => {
    const dmitri = syntheticCustomer('customer-cyrillic');
    const result = expectSuccess(
      mapCustomer(dmitri, profile, { customerNumber: customerNumberFor(dmitri, profile), exists: false }),
    );
    const master = only(result.documents[0], 'taUpdateCreateCustomerRcd');
    expect(master).toMatchObject({
      CUSTNMBR: 'WC42',
      CUSTNAME: 'Dmitriy Shostakovich',
      ADDRESS1: 'Nevskiy prospekt 28',
      CITY: 'Sankt-Peterburg',
      USERDEF1: 'Gold',
      COMMENT1: 'RU7830002293',
      USERDEF2: 'dmitri',
    });
    const ship = nodesOf(result.documents[0], 'taCreateCustomerAddress')[1]!.fields;
    expect(ship).toMatchObject({ ShipToName: 'Alexandros Papadopoulos', CITY: 'Athina', COUNTRY: 'Greece' });
    expect(only(result.documents[0], 'taCreateInternetAddresses')['INET1']).toBe(
      'dmitri.shostakovich@example.com',
    );
    expect(result.warnings.every((w) => w.code === 'transliterated')).toBe(true);
    await expectValidEConnect(toEConnectXml(result.documents[0]!));
  });

  it('when the code page policy is reject, then a Cyrillic name is unsupported_characters naming the element and the characters', () => {
    const dmitri = syntheticCustomer('customer-cyrillic');
    const result = mapCustomer(dmitri, profileWith({ code_page_policy: 'reject' }), {
      customerNumber: 'WC42',
      exists: false,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'unsupported_characters',
      field: 'taUpdateCreateCustomerRcd.CUSTNAME',
    });
    expect(result.ok ? [] : (result.details?.['characters'] as string[])).toContain('Д');
  });

  it('when a Japanese guest has no Latin name, then the name is written with ? and a warning says which characters were lost; no shipping address means PRSTADCD is the billing code', () => {
    const hanako = syntheticCustomer('customer-japanese-guest');
    const number = customerNumberFor(hanako, profile);
    const result = expectSuccess(mapCustomer(hanako, profile, { customerNumber: number, exists: false }));
    const master = only(result.documents[0], 'taUpdateCreateCustomerRcd');
    expect(number).toMatch(/^WG[0-9A-F]{12}$/);
    expect(master).toMatchObject({ CUSTNAME: '?? ??', PRSTADCD: 'PRIMARY', ZIPCODE: '100-0005' });
    expect(nodesOf(result.documents[0], 'taCreateCustomerAddress')).toHaveLength(1);
    expect(
      result.warnings.some(
        (w) =>
          w.code === 'unsupported_characters_replaced' && w.field === 'taUpdateCreateCustomerRcd.CUSTNAME',
      ),
    ).toBe(true);
  });

  it('when a company name has XML characters, then the value is kept raw and only escaped in the XML', () => {
    const bob = wooOrder('custom-checkout-fields-meta-ny').customer;
    const result = expectSuccess(
      mapCustomer(bob, profileWith({ length_policy: 'truncate' }), { customerNumber: 'WC4', exists: true }),
    );
    expect(only(result.documents[0], 'taUpdateCreateCustomerRcd')['CUSTNAME']).toBe(
      "O'Neil & Sons <Wholesale> Ltd.",
    );
    expect(toEConnectXml(result.documents[0]!)).toContain(
      '<CUSTNAME>O&apos;Neil &amp; Sons &lt;Wholesale&gt; Ltd.</CUSTNAME>',
    );
  });

  it('when the billing address is longer than GP allows under reject, then it is field_too_long naming the element and path', () => {
    const bob = wooOrder('custom-checkout-fields-meta-ny').customer;
    const reject = profileWith({ length_policy: 'reject' });
    expect(mapCustomer(bob, reject, { customerNumber: 'WC4', exists: true })).toMatchObject({
      ok: false,
      code: 'field_too_long',
      field: 'taUpdateCreateCustomerRcd.ADDRESS1',
      details: { path: 'customer.billing.address_1', limit: 60 },
    });
  });
});
