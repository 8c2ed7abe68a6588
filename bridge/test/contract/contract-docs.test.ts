import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGE_DEAD_CODES, MESSAGE_RETRY_CODES, REQUEST_ERROR_CODES } from '../../src/contracts/index.js';
import { signRequest } from '../../src/http/signing.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/contract.md', import.meta.url)), 'utf8');

/** The table section of the doc that starts at `heading`, up to the next heading of the same level. */
function section(heading: string): string {
  const start = doc.indexOf(heading);
  expect(start, `docs/contract.md has no "${heading}" section`).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0] ?? '##';
  const end = doc.indexOf(`\n${level} `, start + heading.length);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** A table row whose first cell is exactly this code (Prettier pads cells, so spaces vary). */
const tableRow = (code: string) => new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm');

describe('docs/contract.md', () => {
  it.each(REQUEST_ERROR_CODES)(
    'when the request error code %s exists, then the errors table documents it',
    (code) => {
      expect(section('## Errors of a whole request')).toContain(`\`${code}\``);
    },
  );

  it.each(MESSAGE_RETRY_CODES)('when the retry code %s exists, then the retry table documents it', (code) => {
    expect(section('### `retry` codes')).toMatch(tableRow(code));
  });

  it.each(MESSAGE_DEAD_CODES)('when the dead code %s exists, then the dead table documents it', (code) => {
    expect(section('### `dead` codes')).toMatch(tableRow(code));
  });

  it('when the worked signing example is recomputed with signRequest, then the documented headers match', () => {
    const body = /^body {7}(.+)$/m.exec(doc)?.[1] ?? '';
    const headers = signRequest({
      secret: 'docs-example-secret-0123456789abcdef',
      method: 'POST',
      pathAndQuery: '/v1/messages',
      body,
      timestamp: 1764374400,
    });
    expect(body).toContain('"schema_version":1');
    expect(doc).toContain(`X-GPSync-Signature: ${headers['X-GPSync-Signature']}`);
  });
});
