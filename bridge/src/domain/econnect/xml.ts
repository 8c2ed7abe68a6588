import { CATALOGUE } from './catalogue.generated.js';
import { type EConnectDocument, orderedNodes } from './document.js';

/**
 * Serialises a document to eConnect XML: `<eConnect>`, one element per transaction, nodes in schema order
 * (orderedNodes, the same list the executor runs), consecutive nodes of one `_Items` slot grouped in their
 * container. Values are escaped; nothing else is changed, so the XML shows exactly what ran (SPEC §6).
 */
export function toEConnectXml(document: EConnectDocument): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<eConnect xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  ];
  const nodes = orderedNodes(document);
  // orderedNodes flattens transactions; a transaction boundary is where the type changes or, for two
  // transactions of one type, where the slot order starts again. Walking the document's transactions in the
  // same sorted order keeps both cases right.
  let index = 0;
  for (const transaction of [...document.transactions].sort(
    (a, b) => rootPosition(a.type) - rootPosition(b.type),
  )) {
    parts.push(`<${transaction.type}>`);
    let openContainer: string | null = null;
    for (let n = 0; n < transaction.nodes.length; n += 1) {
      const node = nodes[index++];
      if (!node) throw new Error('orderedNodes returned fewer nodes than the document holds');
      if (node.container !== openContainer) {
        if (openContainer) parts.push(`</${openContainer}>`);
        if (node.container) parts.push(`<${node.container}>`);
        openContainer = node.container;
      }
      parts.push(
        `<${node.node}>${node.fields.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('')}</${node.node}>`,
      );
    }
    if (openContainer) parts.push(`</${openContainer}>`);
    parts.push(`</${transaction.type}>`);
  }
  parts.push('</eConnect>');
  return parts.join('\n');
}

function rootPosition(type: string): number {
  return CATALOGUE.transactions[type]?.rootPosition ?? Number.MAX_SAFE_INTEGER;
}

/** Characters XML 1.0 cannot carry at all, escaped or not. GpValues never lets them through; this is the backstop. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function escapeXml(value: string): string {
  if (NOT_XML.test(value))
    throw new Error(`a value holds a character XML 1.0 cannot carry: ${JSON.stringify(value)}`);
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
