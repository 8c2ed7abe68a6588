import { CATALOGUE } from '../../../domain/econnect/catalogue.generated.js';
import type { ProcedureCall } from '../../procedure-call.js';
import { REQUIRED_ERRORS } from '../error-texts.js';
import type { SandboxDatabase } from '../database.js';

/**
 * The `@I_v…` inputs of one call as a sandbox procedure sees them. An element not sent takes the XSD default,
 * as the real procedures' parameter defaults do; strings are right-trimmed because GP char columns are.
 */
export class ProcedureArgs {
  private readonly values: ReadonlyMap<string, string>;

  constructor(
    readonly procedure: string,
    call: ProcedureCall,
  ) {
    this.values = new Map(call.parameters.map((p) => [p.name, p.value] as const));
  }

  has(element: string): boolean {
    return this.values.has(`I_v${element}`);
  }

  text(element: string): string {
    const given = this.values.get(`I_v${element}`);
    const value = given ?? CATALOGUE.nodes[this.procedure]?.find((e) => e.name === element)?.default ?? '';
    return value.replace(/\s+$/, '');
  }

  /** A decimal text, '0' when empty. */
  amount(element: string): string {
    return this.text(element) || '0';
  }

  int(element: string): number {
    const text = this.text(element);
    return text === '' ? 0 : Number.parseInt(text, 10);
  }

  /** Error numbers for required elements that are missing or blank. */
  missingRequired(): number[] {
    const missing: number[] = [];
    for (const element of CATALOGUE.nodes[this.procedure] ?? []) {
      if (!element.required || this.text(element.name) !== '') continue;
      // SOPNUMBE may be sent empty for GP to number the document; the sandbox has no numbering, it needs one.
      const code = REQUIRED_ERRORS.get(`${this.procedure}.${element.name}`);
      if (code !== undefined) missing.push(code);
    }
    return missing;
  }
}

export interface SandboxProcedureContext {
  readonly db: SandboxDatabase;
  /** DEX_ROW_TS for every row this call writes. */
  readonly now: string;
}

/** A sandbox procedure: writes its rows and returns GP error numbers (empty = success). */
export type SandboxProcedure = (args: ProcedureArgs, ctx: SandboxProcedureContext) => number[];
