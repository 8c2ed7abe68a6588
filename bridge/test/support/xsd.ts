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
