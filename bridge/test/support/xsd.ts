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
export async function validateEConnectBatch(
  documents: ReadonlyArray<{ name: string; xml: string }>,
): Promise<Map<string, string[]>> {
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

/**
 * Validates many documents in one xmllint run, so the 400 kB schema is compiled once rather than once per
 * document (about a second each on this machine). Each document is its own file; xmllint's messages start
 * with that file name, so the label says which document failed.
 */
export async function validateEConnectAll(
  documents: ReadonlyArray<{ label: string; xml: string }>,
): Promise<XsdResult> {
  if (documents.length === 0) return { valid: true, errors: [] };
  const result = await validateXML({
    xml: documents.map((d, i) => ({
      fileName: `doc${String(i).padStart(4, '0')}_${d.label.replace(/[^A-Za-z0-9._-]+/g, '_')}.xml`,
      contents: d.xml,
    })),
    schema: [{ fileName: 'eConnect.xsd', contents: schema() }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Asserts every document is schema-valid, in one xmllint run; the failures name the documents. */
export async function expectAllValidEConnect(
  documents: ReadonlyArray<{ label: string; xml: string }>,
): Promise<void> {
  const result = await validateEConnectAll(documents);
  expect(result.errors, 'eConnect XML not valid against eConnect.xsd').toEqual([]);
  expect(result.valid).toBe(true);
}
