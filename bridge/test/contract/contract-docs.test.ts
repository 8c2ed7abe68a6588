import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Every bridge source file except the list itself: a code is "sent" when one of them names it as a literal. */
const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));
const sources = readdirSync(srcRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('error-codes.ts'))
  .map((file) => readFileSync(join(srcRoot, file), 'utf8'));
const sourcesSending = (code: string) => sources.filter((text) => text.includes(`'${code}'`));

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

  it.each([
    ['## Errors of a whole request', REQUEST_ERROR_CODES],
    ['### `retry` codes', MESSAGE_RETRY_CODES],
    ['### `dead` codes', MESSAGE_DEAD_CODES],
  ] as const)(
    'when the %s table documents a code, then the bridge has that code (no promise it cannot keep)',
    (heading, codes) => {
      const documented = [...section(heading).matchAll(/^\|[^|`]*`([a-z_]+)`\s*\|/gm)].map((m) => m[1]);
      expect(documented.length).toBeGreaterThan(0);
      expect(documented.filter((code) => !(codes as readonly string[]).includes(code ?? ''))).toEqual([]);
    },
  );

  it.each([...new Set([...REQUEST_ERROR_CODES, ...MESSAGE_RETRY_CODES, ...MESSAGE_DEAD_CODES])])(
    'when the code %s is in the list, then some bridge code outside the list sends it',
    (code) => {
      expect(sourcesSending(code), `no file of bridge/src but error-codes.ts names '${code}'`).not.toEqual(
        [],
      );
    },
  );

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
