import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';

/**
 * Validates eConnect XML against Microsoft's schema. The schema is Microsoft's and may not be copied into the
 * repository, so it is found at `GPSYNC_ECONNECT_XSD`, else at ../shared/econnect/eConnect.xsd beside the
 * repository. Without either, every schema check is skipped and the test file says so on one `SKIPPED` line;
 * the rest of each test (the mapping assertions) still runs. The 400 kB schema is read once per test file
 * (module scope) and handed to xmllint compiled to WebAssembly, so the check runs the same on any machine
 * without libxml2 installed.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fromEnv = process.env['GPSYNC_ECONNECT_XSD'];
export const ECONNECT_XSD_PATH = fromEnv
  ? resolve(fromEnv)
  : resolve(repoRoot, '../shared/econnect/eConnect.xsd');
if (fromEnv && !existsSync(ECONNECT_XSD_PATH)) {
  // Asked for explicitly: a wrong path is a mistake to report, not a reason to skip.
  throw new Error(`GPSYNC_ECONNECT_XSD=${fromEnv}: no such file (point it at Microsoft's eConnect.xsd)`);
}
/** False when the schema is nowhere to be found: schema checks are then skipped, loudly. */
export const ECONNECT_XSD_AVAILABLE = existsSync(ECONNECT_XSD_PATH);

let skipReported = false;
/** Prints, once per test file, that its schema checks did not run and how to make them run. */
function reportSchemaSkipped(): void {
  if (skipReported) return;
  skipReported = true;
  const testPath = expect.getState().testPath;
  const file = testPath ? relative(repoRoot, testPath) : 'this test file';
  console.log(
    `SKIPPED eConnect schema validation in ${file} (set GPSYNC_ECONNECT_XSD to Microsoft's eConnect.xsd; ../shared/econnect/eConnect.xsd does not exist)`,
  );
}

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
  if (!ECONNECT_XSD_AVAILABLE) return reportSchemaSkipped();
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
  if (!ECONNECT_XSD_AVAILABLE) {
    // Every document counts as checked with no messages; the file's SKIPPED line says no check ran.
    reportSchemaSkipped();
    return new Map(documents.map((d) => [d.name, []]));
  }
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
  if (!ECONNECT_XSD_AVAILABLE) return reportSchemaSkipped();
  const result = await validateEConnectAll(documents);
  expect(result.errors, 'eConnect XML not valid against eConnect.xsd').toEqual([]);
  expect(result.valid).toBe(true);
}
