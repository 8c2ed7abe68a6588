import sql from 'mssql';
import type { ParameterType } from '../../domain/econnect/parameter-types.js';
import type { SqlType } from './sql-driver.js';

/** The mssql type of a procedure parameter: `char(15)` → sql.Char(15), numeric(19,5) → sql.Numeric(19,5) … */
export function toSqlType(type: ParameterType): SqlType {
  switch (type.kind) {
    case 'char':
      return sql.Char(type.length ?? 1);
    case 'varchar':
      return sql.VarChar(type.length === undefined || type.length > 8000 ? sql.MAX : type.length);
    case 'text':
      return sql.Text;
    case 'numeric':
      return sql.Numeric(type.precision ?? 19, type.scale ?? 5);
    case 'int':
      return sql.Int;
    case 'smallint':
      return sql.SmallInt;
    case 'tinyint':
      return sql.TinyInt;
    case 'datetime':
      return sql.DateTime;
  }
}

/**
 * The JS value mssql sends. Decimals stay the document's decimal string: tedious turns the string into the
 * scaled integer numeric(19,5) travels as, and for up to 5 decimals and GP's magnitudes that conversion is
 * exact, so no amount is ever computed in binary floating point here. Dates are UTC midnight (useUTC).
 */
export function toSqlValue(type: ParameterType, value: string): unknown {
  switch (type.kind) {
    case 'int':
    case 'smallint':
    case 'tinyint':
      return Number.parseInt(value, 10);
    case 'datetime':
      return new Date(`${value}T00:00:00.000Z`);
    default:
      return value;
  }
}

/** Reads a sys.parameters row (TYPE_NAME, max_length in bytes, precision, scale) as a ParameterType. */
export function fromSysParameter(
  typeName: string,
  maxLength: number,
  precision: number,
  scale: number,
): ParameterType {
  switch (typeName.toLowerCase()) {
    case 'char':
      return { kind: 'char', length: maxLength };
    case 'nchar':
      return { kind: 'char', length: maxLength / 2 };
    case 'varchar':
      return maxLength === -1 ? { kind: 'varchar' } : { kind: 'varchar', length: maxLength };
    case 'nvarchar':
      return maxLength === -1 ? { kind: 'varchar' } : { kind: 'varchar', length: maxLength / 2 };
    case 'text':
    case 'ntext':
      return { kind: 'text' };
    case 'numeric':
    case 'decimal':
      return { kind: 'numeric', precision, scale };
    case 'money':
      return { kind: 'numeric', precision: 19, scale: 4 };
    case 'int':
      return { kind: 'int' };
    case 'smallint':
      return { kind: 'smallint' };
    case 'tinyint':
    case 'bit':
      return { kind: 'tinyint' };
    case 'datetime':
    case 'smalldatetime':
    case 'date':
    case 'datetime2':
      return { kind: 'datetime' };
    default:
      return { kind: 'varchar', length: 8000 };
  }
}
