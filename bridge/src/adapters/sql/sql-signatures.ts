import sql from 'mssql';
import type { ParameterType } from '../../domain/econnect/parameter-types.js';
import type { ProcedureSignature, SignatureSource } from '../procedure-signature.js';
import type { SqlPool } from './sql-driver.js';
import { fromSysParameter } from './sql-types.js';

export const SIGNATURE_QUERY =
  'SELECT p.name, TYPE_NAME(p.user_type_id) AS type_name, p.max_length, p.precision, p.scale FROM sys.parameters p WHERE p.object_id = OBJECT_ID(@proc) ORDER BY p.parameter_id';

/**
 * The real parameter lists of the target database's eConnect procedures (FACTS §1: versions differ, e.g. a
 * header proc without Print_Phone_NumberGB). Read once per procedure and kept for the pool's lifetime; works
 * for GP's encrypted procedures because sys.parameters is metadata.
 */
export function sqlSignatures(pool: () => Promise<SqlPool>): SignatureSource {
  const cache = new Map<string, Promise<ProcedureSignature | null>>();
  const load = async (procedure: string): Promise<ProcedureSignature | null> => {
    const result = await (
      await pool()
    )
      .request()
      .input('proc', sql.NVarChar(776), procedure)
      .query(SIGNATURE_QUERY);
    const rows = (result.recordset ?? []) as Array<{
      name: string;
      type_name: string;
      max_length: number;
      precision: number;
      scale: number;
    }>;
    if (rows.length === 0) return null;
    const signature = new Map<string, ParameterType>();
    for (const row of rows) {
      if (!row.name.startsWith('@I_v')) continue;
      signature.set(
        row.name.slice('@I_v'.length),
        fromSysParameter(row.type_name, row.max_length, row.precision, row.scale),
      );
    }
    return signature;
  };
  return {
    signatureOf(procedure) {
      let entry = cache.get(procedure);
      if (!entry) {
        entry = load(procedure);
        // A failed read (GP down) must not be remembered: the next call asks again.
        entry.catch(() => cache.delete(procedure));
        cache.set(procedure, entry);
      }
      return entry;
    },
  };
}
