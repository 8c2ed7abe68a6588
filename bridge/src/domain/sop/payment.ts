import type { MappingProfile, OrderPayload } from '../../contracts/index.js';
import type { EConnectNode } from '../econnect/document.js';
import { type GpValues, NodeBuilder } from '../gp/gp-values.js';
import { dec, type Dec, formatFixed } from '../money.js';
import { ownValue } from '../lookup.js';
import { storeDate } from '../store-date.js';

/**
 * The payment of a paid order as a SOP payment record (FACTS §5.5), when the profile asks for it. GP allows
 * deposits (types 1–3) on orders and payments (4–6) on invoices; the profile names one type per gateway, so
 * it is moved to the deposit or payment form of the same kind (cash, check, card) for the document type.
 * An unmapped gateway or a missing checkbook is a warning, not a guess: the order still goes to GP.
 */
export function paymentFor(payload: OrderPayload, profile: MappingProfile, values: GpValues, places: number) {
  return (header: {
    sopType: number;
    sopNumber: string;
    customerNumber: string;
    customerName: string;
  }): { node: EConnectNode; amount: Dec } | undefined => {
    const { record_payments: record, checkbook_id: checkbook, payment_types: types } = profile.orders;
    if (!record || payload.payment.paid_at === null || header.sopType === 4) return undefined;
    const configured = ownValue(types, payload.payment.method);
    if (configured === undefined || checkbook.trim() === '') {
      values.warn(
        'payment_not_recorded',
        configured === undefined
          ? `payment method "${payload.payment.method}" has no GP payment type in profile.orders.payment_types; the payment was not recorded`
          : 'profile.orders.checkbook_id is blank; the payment was not recorded',
        'payment.method',
      );
      return undefined;
    }
    const kind = (configured - 1) % 3; // 0 cash, 1 check, 2 credit card
    const paymentType = header.sopType === 2 ? kind + 1 : kind + 4;
    const amount = dec(payload.totals.total).toDecimalPlaces(places);
    const node = new NodeBuilder(values, 'taCreateSopPaymentInsertRecord')
      .value('SOPTYPE', header.sopType)
      .text('SOPNUMBE', header.sopNumber)
      .text('CUSTNMBR', header.customerNumber)
      .text('CUSTNAME', header.customerName, 'customer')
      .value('DOCDATE', storeDate(payload.payment.paid_at, profile.timezone, 'payment.paid_at'))
      .value('DOCAMNT', formatFixed(amount, places))
      .text('CHEKBKID', checkbook, 'profile.orders.checkbook_id')
      .value('PYMTTYPE', paymentType)
      .value('Action', 1)
      .build();
    return { node, amount };
  };
}
