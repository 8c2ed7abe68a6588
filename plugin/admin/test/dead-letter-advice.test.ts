import { adviceFor } from '../src/dead-letter-advice';
import type { QueueRow } from '../src/api';

const base: QueueRow = {
  id: 1,
  message_id: 'm',
  kind: 'order',
  entity_id: 40,
  event: 'created',
  status: 'dead',
  attempts: 1,
  unavailable_attempts: 0,
  next_attempt_at_gmt: '',
  last_error_code: null,
  last_error_message: null,
  last_error_field: null,
  gp_ids: null,
  created_at_gmt: '',
  updated_at_gmt: '',
};
const admin = 'http://shop.test/wp-admin/';

describe('dead-letter advice', () => {
  it('sends an unknown SKU on an order line to that product’s GP item number field', () => {
    const advice = adviceFor({
      ...base,
      last_error_code: 'unknown_sku',
      last_error_field: 'lines[0].product_id:77',
      last_error_message: 'SKU ABC not in GP',
    });
    expect(advice?.href).toBe(`${admin}post.php?post=77&action=edit#_gpsync_item_number`);
  });

  it('sends an address too long on an HPOS order to the order screen', () => {
    const advice = adviceFor({
      ...base,
      last_error_code: 'field_too_long',
      last_error_field: 'billing.address_1',
    });
    expect(advice?.href).toBe(`${admin}admin.php?page=wc-orders&action=edit&id=40`);
    expect(advice?.linkText).toBe('Edit the address');
  });

  it('sends an address too long on a customer to the user profile', () => {
    const advice = adviceFor({
      ...base,
      kind: 'customer',
      entity_id: 9,
      last_error_code: 'field_too_long',
      last_error_field: 'address.city',
    });
    expect(advice?.href).toBe(`${admin}user-edit.php?user_id=9`);
  });

  it('uses the legacy post screen when orders are stored as posts', () => {
    window.gpsyncAdmin = { ...window.gpsyncAdmin, hpos: false };
    const advice = adviceFor({
      ...base,
      last_error_code: 'field_too_long',
      last_error_field: 'shipping.address_2',
    });
    expect(advice?.href).toBe(`${admin}post.php?post=40&action=edit`);
  });

  it('sends a missing mapping to the Mappings tab', () => {
    const advice = adviceFor({
      ...base,
      last_error_code: 'gp_validation',
      last_error_field: 'profile.taxes.rate_map.3',
    });
    expect(advice?.href).toBe(`${admin}admin.php?page=gp-sync&tab=mappings`);
  });

  it('explains an order changed after GP posted it', () => {
    const advice = adviceFor({ ...base, last_error_code: 'changed_after_posting' });
    expect(advice?.text).toMatch(/already posted/);
  });

  it('gives no advice for a row without an error', () => {
    expect(adviceFor(base)).toBeNull();
  });
});

describe('dead-letter advice without a product id', () => {
  it('searches the product list for the SKU the error names', () => {
    const advice = adviceFor({
      ...base,
      last_error_code: 'unknown_sku',
      last_error_message: 'SKU "HOODIE-XL" is not an item in GP',
    });
    expect(advice?.href).toBe(`${admin}edit.php?post_type=product&s=HOODIE-XL`);
  });
});
