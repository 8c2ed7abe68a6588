import type { EConnectDocument } from '../econnect/document.js';
import type { SopDocumentRef } from '../mapping-types.js';

/**
 * Brings an unposted SOP document up to date under its own number: the documents that write it again are
 * preceded by the deletion of the current one, and all run in one GP transaction (FACTS §5: eConnect updates
 * a header with UpdateExisting but has no way to remove lines it no longer has, so delete + insert is the one
 * path that also drops removed lines). A failure rolls back to the document as it was.
 * The sales document is the last of `documents` (placeholder items, when any, come first).
 */
export function replacingDocuments(
  documents: readonly EConnectDocument[],
  current: SopDocumentRef,
): EConnectDocument[] {
  const deletion: EConnectDocument = {
    transactions: [
      {
        type: 'SOPDeleteDocumentType',
        nodes: [
          {
            node: 'taSopDeleteDocument',
            fields: { SOPTYPE: String(current.sopType), SOPNUMBE: current.sopNumber },
          },
        ],
      },
    ],
  };
  return [...documents.slice(0, -1), deletion, ...documents.slice(-1)];
}
