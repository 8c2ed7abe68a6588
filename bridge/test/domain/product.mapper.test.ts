import { describe, expect, it } from 'vitest';
import { mapProduct, toEConnectXml } from '../../src/domain/index.js';
import { expectSuccess, only, profileWith, syntheticProduct } from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

const profile = profileWith({
  items: {
    class_id: 'APPAREL',
    uom_schedule: 'EACH',
    unit_of_measure: 'EACH',
    fields: [
      { from: 'attribute:size', to: 'USCATVLS_1' },
      { from: 'attribute:Material', to: 'NOTETEXT' },
      { from: 'meta:origin', to: 'USCATVLS_2' },
    ],
  },
});

describe('mapProduct', () => {
  const tee = syntheticProduct('product-variation-attributes');

  it('when a variation with attributes is mapped, then the item is keyed by the upper-cased SKU with class, list price and attribute fields', async () => {
    const result = expectSuccess(mapProduct(tee, profile));
    const document = result.documents[0]!;
    expect(result.gp).toEqual({ item_number: 'WCGP-TEE-M', outcome: 'updated' });
    expect(only(document, 'taUpdateCreateItemRcd')).toEqual({
      ITEMNMBR: 'WCGP-TEE-M',
      ITEMDESC: 'Organic Cotton T-Shirt - Medium',
      ITMSHNAM: 'Organic Cotton',
      ITMCLSCD: 'APPAREL',
      UseItemClass: '1',
      UOMSCHDL: 'EACH',
      LISTPRCE: '15.99',
      USCATVLS_1: 'Medium',
      USCATVLS_2: 'PT',
      NOTETEXT: 'Organic cotton',
      UpdateIfExists: '1',
    });
    expect(only(document, 'taIVCreateItemPriceListHeader')).toEqual({
      ITEMNMBR: 'WCGP-TEE-M',
      UOFM: 'EACH',
      UpdateIfExists: '1',
    });
    await expectValidEConnect(toEConnectXml(document));
  });

  it('when the product has no SKU, then it is missing_sku and nothing is guessed', () => {
    expect(mapProduct({ ...tee, sku: '  ' }, profile)).toMatchObject({
      ok: false,
      code: 'missing_sku',
      field: 'sku',
    });
  });

  it('when the SKU is longer than 30 characters, then it is field_too_long even under truncate (a cut key would be another item)', () => {
    expect(
      mapProduct(
        { ...tee, sku: 'WCGP-SHELF-BRACKET-HD-STEEL-BLK-350' },
        profileWith({ length_policy: 'truncate' }),
      ),
    ).toMatchObject({
      ok: false,
      code: 'field_too_long',
      field: 'taUpdateCreateItemRcd.ITEMNMBR',
      details: { limit: 30, length: 35 },
    });
  });

  it('when an attribute value is longer than a user category (10), then reject refuses and truncate cuts with a warning', () => {
    const long = { ...tee, attributes: [{ name: 'pa_size', label: 'Size', values: ['Extra extra large'] }] };
    expect(mapProduct(long, profileWith({ ...profile, length_policy: 'reject' }))).toMatchObject({
      ok: false,
      code: 'field_too_long',
      field: 'taUpdateCreateItemRcd.USCATVLS_1',
      details: { path: 'attributes[pa_size]', limit: 10, length: 17 },
    });
    const truncating = profileWith({ ...profile, length_policy: 'truncate' });
    const result = expectSuccess(mapProduct(long, truncating));
    expect(only(result.documents[0], 'taUpdateCreateItemRcd')['USCATVLS_1']).toBe('Extra extr');
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'truncated', field: 'taUpdateCreateItemRcd.USCATVLS_1' }),
    ]);
  });

  it('when the product has no price, then LISTPRCE is left to GP', () => {
    expect(
      only(
        expectSuccess(mapProduct({ ...tee, regular_price: null, price: null }, profile)).documents[0],
        'taUpdateCreateItemRcd',
      )['LISTPRCE'],
    ).toBeUndefined();
  });
});
