import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_DIR, renderContractFiles } from '../../src/contracts/export-json-schema.js';

const REGENERATE = 'Regenerate with `npm run contract -w bridge` and commit contract/.';

describe('contract/*.schema.json', () => {
  const expected = renderContractFiles();

  it.each([...expected.keys()])(
    'when %s is compared with the zod contract, then it is up to date',
    (file) => {
      const path = join(CONTRACT_DIR, file);
      expect(existsSync(path), `contract/${file} is missing. ${REGENERATE}`).toBe(true);
      expect(readFileSync(path, 'utf8'), `contract/${file} is stale. ${REGENERATE}`).toBe(expected.get(file));
    },
  );

  it('when contract/ is listed, then it holds no schema the bridge no longer exports', () => {
    const onDisk = readdirSync(CONTRACT_DIR).filter((name) => name.endsWith('.schema.json'));
    expect(onDisk.sort(), `contract/ has files the bridge does not export. ${REGENERATE}`).toEqual(
      [...expected.keys()].sort(),
    );
  });

  it('when the batch schema is read, then it caps a batch at 500 messages and pins schema_version 1', () => {
    const batch = JSON.parse(expected.get('message-batch.schema.json') ?? '{}') as {
      properties: { messages: { maxItems: number }; schema_version: { const: number } };
    };
    expect(batch.properties.messages.maxItems).toBe(500);
    expect(batch.properties.schema_version.const).toBe(1);
  });
});
