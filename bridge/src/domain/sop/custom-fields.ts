import type { MappingProfile, OrderPayload } from '../../contracts/index.js';
import type { EConnectNode } from '../econnect/document.js';
import { readSource } from '../field-sources.js';
import { type GpValues, NodeBuilder } from '../gp/gp-values.js';
import { customFieldDate } from '../store-date.js';

/**
 * Custom checkout fields → GP (SPEC §3 "Custom fields"). Comments and the note are header elements
 * (taSopHdrIvcInsert stores them in SOP10106); User-Defined 1–5, the three list fields and the two dates go
 * through taSopUserDefined (FACTS §5.4). Dates must be real dates; a wrong one is refused, not guessed.
 */
const HEADER_TARGETS = new Set(['COMMENT_1', 'COMMENT_2', 'COMMENT_3', 'COMMENT_4', 'NOTETEXT']);

export function orderCustomFields(
  payload: OrderPayload,
  profile: MappingProfile,
  values: GpValues,
  key: { sopType: number; sopNumber: string },
): { headerText: Array<{ element: string; value: string; path: string }>; userDefined?: EConnectNode } {
  const headerText: Array<{ element: string; value: string; path: string }> = [];
  const userDefined = new NodeBuilder(values, 'taSopUserDefined')
    .value('SOPTYPE', key.sopType)
    .text('SOPNUMBE', key.sopNumber);
  let hasUserDefined = false;
  for (const { from, to } of profile.orders.fields) {
    const source = readSource(from, { payload, meta: payload.meta });
    if (!source) continue;
    if (HEADER_TARGETS.has(to)) {
      headerText.push({ element: to, value: source.value, path: source.path });
    } else if (to === 'USRDAT01' || to === 'USRDAT02') {
      userDefined.value(to, customFieldDate(source.value, profile.timezone, source.path));
      hasUserDefined = true;
    } else {
      userDefined.text(to, source.value, source.path);
      hasUserDefined = true;
    }
  }
  return hasUserDefined ? { headerText, userDefined: userDefined.build() } : { headerText };
}
