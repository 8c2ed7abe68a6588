import { taCreateCustomerAddress, taCreateInternetAddresses, taUpdateCreateCustomerRcd } from './customer.js';
import { taIVCreateItemPriceListHeader, taUpdateCreateItemRcd } from './item.js';
import type { SandboxProcedure } from './procedure-args.js';
import { taCreateSopPaymentInsertRecord, taSopLineIvcTaxInsert, taSopUserDefined } from './sop-extras.js';
import { taSopHdrIvcInsert } from './sop-header.js';
import { taSopLineIvcInsert } from './sop-line.js';
import { taSopDeleteDocument, taSopVoidDocument } from './sop-void.js';

/** The sandbox's stored procedures, by node name (= procedure name, FACTS §1). */
export const SANDBOX_PROCEDURE_TABLE: Readonly<Record<string, SandboxProcedure>> = {
  taUpdateCreateCustomerRcd,
  taCreateCustomerAddress,
  taCreateInternetAddresses,
  taUpdateCreateItemRcd,
  taIVCreateItemPriceListHeader,
  taSopLineIvcInsert,
  taSopLineIvcTaxInsert,
  taSopUserDefined,
  taCreateSopPaymentInsertRecord,
  taSopHdrIvcInsert,
  taSopVoidDocument,
  taSopDeleteDocument,
};
