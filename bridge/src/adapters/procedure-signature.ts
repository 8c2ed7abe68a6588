import { CATALOGUE } from '../domain/econnect/catalogue.generated.js';
import { parameterType, type ParameterType } from '../domain/econnect/parameter-types.js';

/**
 * The parameter list of one eConnect procedure: element name (without `@I_v`) → SQL type. The `sql` adapter
 * reads it from the target database (sys.parameters) because GP versions differ; the sandbox uses the
 * committed default table (parameter-types.ts), which is what the sandbox enforces.
 */
export type ProcedureSignature = ReadonlyMap<string, ParameterType>;

export interface SignatureSource {
  /** Parameters of `procedure`, or null when the database has no such procedure. */
  signatureOf(procedure: string): Promise<ProcedureSignature | null>;
}

/** Signatures from the XSD catalogue + parameter-types.ts: every element the schema allows on the node. */
const defaultSignatures = new Map<string, ProcedureSignature>();

export function defaultSignatureOf(procedure: string): ProcedureSignature | null {
  const cached = defaultSignatures.get(procedure);
  if (cached) return cached;
  const elements = CATALOGUE.nodes[procedure];
  if (!elements) return null;
  // Built once per procedure: the catalogue and the parameter table never change at run time.
  const signature: ProcedureSignature = new Map(
    elements.map((e) => [e.name, parameterType(procedure, e.name)] as const),
  );
  defaultSignatures.set(procedure, signature);
  return signature;
}

export const DEFAULT_SIGNATURES: SignatureSource = {
  signatureOf: (procedure) => Promise.resolve(defaultSignatureOf(procedure)),
};
