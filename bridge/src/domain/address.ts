import type { Address } from '../contracts/index.js';
import type { NodeBuilder } from './gp/gp-values.js';

/**
 * WooCommerce address → GP address elements, shared by the customer, address and SOP header nodes.
 * GP keeps the country as a name (COUNTRY) and, on customer addresses, a code (CCode); WooCommerce keeps the
 * ISO code, so the name comes from Node's ICU data. Phones go in as digits: GP's phone fields are masked digit
 * strings, and "+1 (718) 555-0199 ext. 42" would not fit its 21 characters as typed. A street longer than GP's
 * ADDRESS1 spills into ADDRESS2 and ADDRESS3 under length_policy `fit` (GpValues#addressLines).
 */
export function personName(address: Pick<Address, 'first_name' | 'last_name'>): string {
  return `${address.first_name.trim()} ${address.last_name.trim()}`.trim();
}

/** Who the goods go to: the company when there is one, else the person. */
export function addresseeName(address: Address): string {
  return address.company.trim() !== '' ? address.company.trim() : personName(address);
}

export function isBlankAddress(address: Address): boolean {
  return [
    address.address_1,
    address.city,
    address.postcode,
    address.first_name,
    address.last_name,
    address.company,
  ].every((v) => v.trim() === '');
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  const trimmed = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(trimmed)) return trimmed;
  try {
    return regionNames.of(trimmed) ?? trimmed;
  } catch {
    return trimmed;
  }
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

export interface AddressElementNames {
  /** `PHNUMBR1` on customer, address and header nodes; `PHONE1` on SOP lines. */
  readonly phone: 'PHNUMBR1' | 'PHONE1';
  /** Only customer and address nodes have CCode. */
  readonly countryCode: boolean;
}

export function writeAddress(
  builder: NodeBuilder,
  address: Address,
  path: string,
  names: AddressElementNames,
): void {
  const [line1, line2, line3] = builder.addressLines(address.address_1, address.address_2, path);
  builder
    .text('CNTCPRSN', personName(address), `${path}.first_name+last_name`)
    .text('ADDRESS1', line1, `${path}.address_1`)
    .text('ADDRESS2', line2, `${path}.address_2`);
  // ADDRESS3 only carries a spilled street (WooCommerce has two lines); left out otherwise.
  if (line3 !== '') builder.text('ADDRESS3', line3, `${path}.address_1+address_2`);
  builder
    .text('CITY', address.city, `${path}.city`)
    .text('STATE', address.state, `${path}.state`)
    .text('ZIPCODE', address.postcode, `${path}.postcode`)
    .text('COUNTRY', countryName(address.country), `${path}.country`)
    .text(names.phone, phoneDigits(address.phone), `${path}.phone`);
  if (names.countryCode) builder.text('CCode', address.country.trim().toUpperCase(), `${path}.country`);
}
