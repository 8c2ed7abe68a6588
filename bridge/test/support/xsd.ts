import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';

/**
 * Validates eConnect XML against Microsoft's schema (../shared/econnect/eConnect.xsd from the repository
 * root, never copied into the repo). The 400 kB schema is read once per test file (module scope) and handed
 * to xmllint compiled to WebAssembly, so the check runs the same on any machine without libxml2 installed.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ECONNECT_XSD_PATH = resolve(repoRoot, '../shared/econnect/eConnect.xsd');

let schemaText: string | undefined;
function schema(): string {
  schemaText ??= readFileSync(ECONNECT_XSD_PATH, 'utf8');
  return schemaText;
}

export interface XsdResult {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

export async function validateEConnect(xml: string): Promise<XsdResult> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: 'eConnect.xsd', contents: schema() }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Asserts the XML is schema-valid, printing xmllint's messages when it is not. */
export async function expectValidEConnect(xml: string): Promise<void> {
  const result = await validateEConnect(xml);
  expect(result.errors, `eConnect XML is not valid against eConnect.xsd:\n${xml}`).toEqual([]);
  expect(result.valid).toBe(true);
}

/**
 * Validates many documents in one xmllint run (the schema is compiled once per run, which is most of the
 * cost): file name → xmllint's messages for that file, empty when valid.
 */
export async function validateEConnectBatch(documents: ReadonlyArray<{ name: string; xml: string }>): Promise<Map<string, string[]>> {
  const names = documents.map((d, i) => `doc-${i}.xml`);
  const result = await validateXML({
    xml: documents.map((d, i) => ({ fileName: names[i]!, contents: d.xml })),
    schema: [{ fileName: 'eConnect.xsd', contents: schema() }],
  });
  const byName = new Map<string, string[]>(documents.map((d) => [d.name, []]));
  for (const error of result.errors) {
    const index = error.loc ? names.indexOf(error.loc.fileName) : -1;
    const name = index >= 0 ? documents[index]!.name : '(unattributed)';
    byName.set(name, [...(byName.get(name) ?? []), error.rawMessage]);
  }
  if (!result.valid && result.errors.length === 0) byName.set('(unattributed)', [result.rawOutput]);
  return byName;
}
