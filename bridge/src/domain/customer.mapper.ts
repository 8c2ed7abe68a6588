import type { CustomerPayload, MappingProfile } from '../contracts/index.js';
import { addresseeName, isBlankAddress, personName, writeAddress } from './address.js';
import type { EConnectNode } from './econnect/document.js';
import { readSource } from './field-sources.js';
import { GpValues, NodeBuilder } from './gp/gp-values.js';
import { normaliseEmail } from './keys.js';
import { asResult } from './mapping-error.js';
import type { CustomerContext, MappingResult } from './mapping-types.js';

/**
 * Customer → RMCustomerMasterType (FACTS §3): the customer record with the billing address as its primary
 * address (taUpdateCreateCustomerRcd, UpdateIfExists=1 so a repeat updates), the billing and shipping address
 * codes (taCreateCustomerAddress) and the e-mail in GP's internet addresses (taCreateInternetAddresses,
 * Master_Type CUS), which is where the bridge looks customers up by e-mail.
 */
export function mapCustomer(
  payload: CustomerPayload,
  profile: MappingProfile,
  ctx: CustomerContext,
): MappingResult {
  return asResult(() => {
    const values = new GpValues(profile);
    const nodes = customerNodes(payload, profile, ctx, values);
    return {
      ok: true as const,
      documents: [{ transactions: [{ type: 'RMCustomerMasterType' as const, nodes }] }],
      gp: {
        customer_number: ctx.customerNumber,
        outcome: ctx.exists ? ('updated' as const) : ('created' as const),
      },
      warnings: values.warnings,
    };
  });
}

/** The customer's name in GP: company, else first + last name, else the WordPress display name. */
export function customerName(payload: CustomerPayload): string {
  const company = payload.billing.company.trim();
  if (company !== '') return company;
  const person = personName(payload.first_name || payload.last_name ? payload : payload.billing);
  if (person !== '') return person;
  return payload.display_name.trim() !== '' ? payload.display_name.trim() : normaliseEmail(payload.email);
}

/**
 * The GP address code a document's PRSTADCD names: the shipping code only when the customer record has a
 * shipping address (mapCustomer creates that code only then), else the billing code. A code GP does not have
 * would fail the document; the order's own ship-to address still travels in the header's address elements.
 */
export function shipToAddressCode(customer: CustomerPayload, profile: MappingProfile): string {
  return isBlankAddress(customer.shipping)
    ? profile.customers.billing_address_code
    : profile.customers.shipping_address_code;
}

export function customerNodes(
  payload: CustomerPayload,
  profile: MappingProfile,
  ctx: CustomerContext,
  values: GpValues,
): EConnectNode[] {
  const {
    billing_address_code: billingCode,
    shipping_address_code: shippingCode,
    class_id: classId,
  } = profile.customers;
  const hasShipping = !isBlankAddress(payload.shipping);
  const number = ctx.customerNumber;
  const email = normaliseEmail(payload.email);

  const master = new NodeBuilder(values, 'taUpdateCreateCustomerRcd')
    .text('CUSTNMBR', number, 'customer')
    .text('CUSTNAME', customerName(payload), 'customer.billing.company|first_name+last_name|display_name')
    .text('ADRSCODE', billingCode, 'profile.customers.billing_address_code')
    .text('PRBTADCD', billingCode, 'profile.customers.billing_address_code')
    .text('STADDRCD', billingCode, 'profile.customers.billing_address_code')
    .text('PRSTADCD', shipToAddressCode(payload, profile), 'profile.customers.shipping_address_code')
    .value('CreateAddress', 1)
    .value('UpdateIfExists', 1);
  writeAddress(master, payload.billing, 'customer.billing', { phone: 'PHNUMBR1', countryCode: true });
  // The class fills GP defaults (terms, accounts) only when the customer is created; on update it would
  // overwrite what GP users set since.
  if (classId.trim() !== '' && !ctx.exists)
    master.text('CUSTCLAS', classId, 'profile.customers.class_id').value('UseCustomerClass', 1);
  for (const { from, to } of profile.customers.fields) {
    const source = readSource(from, { payload, meta: payload.meta });
    if (source) master.text(to, source.value, `customer.${source.path}`);
  }

  const nodes: EConnectNode[] = [master.build()];
  nodes.push(addressNode(values, number, billingCode, payload.billing, 'customer.billing'));
  if (hasShipping)
    nodes.push(addressNode(values, number, shippingCode, payload.shipping, 'customer.shipping'));
  nodes.push(
    new NodeBuilder(values, 'taCreateInternetAddresses')
      .text('Master_Type', 'CUS')
      .text('Master_ID', number, 'customer')
      .text('ADRSCODE', billingCode, 'profile.customers.billing_address_code')
      .text('INET1', email, 'customer.email')
      .text('EmailToAddress', email, 'customer.email')
      .build(),
  );
  return nodes;
}

function addressNode(
  values: GpValues,
  number: string,
  code: string,
  address: CustomerPayload['billing'],
  path: string,
): EConnectNode {
  const builder = new NodeBuilder(values, 'taCreateCustomerAddress')
    .text('CUSTNMBR', number, 'customer')
    .text('ADRSCODE', code, 'profile.customers')
    .text('ShipToName', addresseeName(address), `${path}.company|first_name+last_name`)
    .value('UpdateIfExists', 1);
  writeAddress(builder, address, path, { phone: 'PHNUMBR1', countryCode: true });
  return builder.build();
}
