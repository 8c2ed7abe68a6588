import type { OrderedNode } from '../domain/econnect/document.js';
import type { ParameterType } from '../domain/econnect/parameter-types.js';
import { GpValidationError } from '../ports/gp-validation-error.js';
import { firstCharacterOutsideCp1252 } from './code-page.js';
import type { ProcedureSignature } from './procedure-signature.js';

/** One `@I_v<ELEMENT>` input: the document's text value and the SQL type it travels as. */
export interface ProcedureParameter {
  readonly element: string;
  readonly name: string;
  readonly type: ParameterType;
  readonly value: string;
}

/** One eConnect procedure call, adapter-neutral: the sql adapter binds it, the sandbox runs it in JS. */
export interface ProcedureCall {
  readonly procedure: string;
  readonly parameters: readonly ProcedureParameter[];
}

const INTEGER_RANGE: Record<string, readonly [number, number]> = {
  tinyint: [0, 255],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
};

/**
 * Builds the call for one node and refuses, before anything reaches GP, every value SQL Server would
 * otherwise truncate, round or garble silently: too long for its char/varchar parameter, outside code page
 * 1252, more decimals than the numeric scale, an integer out of range, a date that is not a date. Elements the
 * procedure does not have in this database are reported too, never dropped.
 */
export function buildProcedureCall(node: OrderedNode, signature: ProcedureSignature): ProcedureCall {
  const parameters: ProcedureParameter[] = [];
  for (const [element, value] of node.fields) {
    const field = `${node.node}.${element}`;
    const type = signature.get(element);
    if (!type) {
      throw new GpValidationError(
        'missing_parameter',
        `${node.node} in this GP database has no parameter @I_v${element}; the document uses an element this GP version does not know`,
        field,
      );
    }
    checkValue(field, type, value);
    parameters.push({ element, name: `I_v${element}`, type, value });
  }
  return { procedure: node.node, parameters };
}

function checkValue(field: string, type: ParameterType, value: string): void {
  switch (type.kind) {
    case 'char':
    case 'varchar':
    case 'text': {
      const length = [...value].length;
      if (type.length !== undefined && length > type.length) {
        throw new GpValidationError(
          'too_long',
          `${field} is ${length} characters; GP accepts at most ${type.length}`,
          field,
          {
            length,
            max_length: type.length,
            value,
          },
        );
      }
      const bad = firstCharacterOutsideCp1252(value);
      if (bad !== null) {
        throw new GpValidationError(
          'code_page',
          `${field} contains "${bad}", which GP's code page (1252) cannot store`,
          field,
          {
            character: bad,
          },
        );
      }
      return;
    }
    case 'numeric':
      return checkNumeric(field, type, value);
    case 'int':
    case 'smallint':
    case 'tinyint': {
      const range = INTEGER_RANGE[type.kind] ?? [0, 0];
      const n = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < range[0] || n > range[1]) {
        throw new GpValidationError(
          'bad_value',
          `${field} must be a whole number from ${range[0]} to ${range[1]} (${type.kind}), got "${value}"`,
          field,
        );
      }
      return;
    }
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw new GpValidationError(
          'bad_value',
          `${field} must be a date YYYY-MM-DD (GP date columns hold midnight only), got "${value}"`,
          field,
        );
      }
      return;
  }
}

function checkNumeric(field: string, type: ParameterType, value: string): void {
  const match = /^-?(\d+)(?:\.(\d+))?$/.exec(value);
  const precision = type.precision ?? 19;
  const scale = type.scale ?? 5;
  if (!match)
    throw new GpValidationError('bad_value', `${field} must be a decimal number, got "${value}"`, field);
  const integerDigits = (match[1] ?? '').replace(/^0+(?=\d)/, '').length;
  const decimals = (match[2] ?? '').replace(/0+$/, '').length;
  if (decimals > scale || integerDigits > precision - scale) {
    throw new GpValidationError(
      'bad_value',
      `${field} = ${value} does not fit numeric(${precision},${scale}) without rounding`,
      field,
    );
  }
}
