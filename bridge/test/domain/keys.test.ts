import { describe, expect, it } from 'vitest';
import {
  customerNumberFor,
  itemNumberFor,
  MappingError,
  normaliseEmail,
  sopDocumentKey,
} from '../../src/domain/index.js';
import { profileWith, syntheticCustomer } from '../support/domain-fixtures.js';

const profile = profileWith();
const guest = syntheticCustomer('customer-japanese-guest');

function thrown(body: () => unknown): MappingError {
  try {
    body();
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error('expected a MappingError');
}

describe('normaliseEmail', () => {
  it('when an e-mail has spaces and capitals, then the key is trimmed lower case', () => {
    expect(normaliseEmail('  Alice.Gardner@Example.COM ')).toBe('alice.gardner@example.com');
  });
});

describe('customerNumberFor', () => {
  it('when the customer is registered, then the number is the prefix and the Woo user id, upper case', () => {
    expect(
      customerNumberFor(
        syntheticCustomer('customer-cyrillic'),
        profileWith({ customers: { number_prefix: 'web-' } }),
      ),
    ).toBe('WEB-42');
  });

  it('when a guest comes back with the same e-mail in other case, then the number is the same; another e-mail gives another number', () => {
    const first = customerNumberFor(guest, profile);
    expect(customerNumberFor({ ...guest, email: 'Hanako.Yamada@EXAMPLE.com' }, profile)).toBe(first);
    expect(customerNumberFor({ ...guest, email: 'taro.yamada@example.com' }, profile)).not.toBe(first);
    expect(first).toHaveLength(14);
    expect(first.startsWith('WG')).toBe(true);
  });

  it('when the prefix and user id exceed 15 characters, then it is field_too_long rather than a cut number', () => {
    const error = thrown(() =>
      customerNumberFor(
        { ...guest, woo_customer_id: 123456789 },
        profileWith({ customers: { number_prefix: 'WOOSTORE-' } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'field_too_long',
      field: 'taUpdateCreateCustomerRcd.CUSTNMBR',
      details: { limit: 15, length: 18 },
    });
  });

  it('when the guest prefix leaves less than 8 characters for the hash, then it is refused', () => {
    expect(
      thrown(() => customerNumberFor(guest, profileWith({ customers: { guest_prefix: 'WOOGUEST' } }))).code,
    ).toBe('field_too_long');
  });
});

describe('sopDocumentKey', () => {
  it('when keys are made for each kind, then they carry the profile prefix, upper case, and the SOP type', () => {
    expect(sopDocumentKey('order', 'a-1001', profile)).toEqual({ sopType: 2, sopNumber: 'WOA-1001' });
    expect(sopDocumentKey('invoice', '1001', profile)).toEqual({ sopType: 3, sopNumber: 'WI1001' });
    expect(sopDocumentKey('return', '1001-94', profile)).toEqual({ sopType: 4, sopNumber: 'WR1001-94' });
  });

  it('when the number would pass 21 characters, then it is a clear field_too_long', () => {
    const error = thrown(() => sopDocumentKey('return', '2026-000000123456-99999', profile));
    expect(error).toMatchObject({
      code: 'field_too_long',
      field: 'taSopHdrIvcInsert.SOPNUMBE',
      details: { limit: 21, length: 25 },
    });
    expect(error.message).toContain('GP accepts 21');
  });
});

describe('itemNumberFor', () => {
  it('when a SKU has spaces and lower case, then the item number is trimmed upper case', () => {
    expect(itemNumberFor(' wcgp-mug-001 ')).toBe('WCGP-MUG-001');
  });

  it('when a SKU is empty, too long or not ASCII, then it is refused with the matching code', () => {
    expect(thrown(() => itemNumberFor('')).code).toBe('missing_sku');
    expect(thrown(() => itemNumberFor('X'.repeat(31))).code).toBe('field_too_long');
    expect(thrown(() => itemNumberFor('MATCHA-抹茶')).code).toBe('unsupported_characters');
  });
});
