import { describe, expect, it } from 'vitest';
import { firstCharacterOutsideCp1252 } from '../../src/adapters/code-page.js';
import { parseErrorNumbers } from '../../src/adapters/error-string.js';
import { buildProcedureCall } from '../../src/adapters/procedure-call.js';
import { defaultSignatureOf } from '../../src/adapters/procedure-signature.js';
import { GpValidationError } from '../../src/ports/gp-validation-error.js';

const signature = (procedure: string) => {
  const found = defaultSignatureOf(procedure);
  if (!found) throw new Error(`no ${procedure}`);
  return found;
};

const call = (element: string, value: string, node = 'taSopHdrIvcInsert') =>
  buildProcedureCall(
    { transaction: 'SOPTransactionType', node, container: null, fields: [[element, value]] },
    signature(node),
  );

function refusal(element: string, value: string, node?: string): GpValidationError {
  try {
    call(element, value, node);
  } catch (error) {
    if (error instanceof GpValidationError) return error;
    throw error;
  }
  throw new Error(`${element}=${value} was accepted`);
}

describe('procedure call: values GP would otherwise truncate, round or garble', () => {
  it.each([
    ['CSTPONBR', 'x'.repeat(21), 'too_long'],
    ['CUSTNAME', 'Café 抹茶', 'code_page'],
    ['DOCAMNT', '10.123456', 'bad_value'],
    ['DOCAMNT', '123456789012345.5', 'bad_value'],
    ['DOCAMNT', '1e3', 'bad_value'],
    ['SOPTYPE', '40000', 'bad_value'],
    ['SOPTYPE', '2.5', 'bad_value'],
    ['DOCDATE', '2026-11-29T10:00:00', 'bad_value'],
    ['DOCDATE', '2026-13-45', 'bad_value'],
    ['NOSUCHELEMENT', 'x', 'missing_parameter'],
  ])('when %s = %j, then it is refused as %s with the field named', (element, value, reason) => {
    const error = refusal(element, value);
    expect(error.reason).toBe(reason);
    expect(error.kind).toBe('validation');
    expect(error.field).toBe(`taSopHdrIvcInsert.${element}`);
  });

  it.each([
    ['CSTPONBR', 'x'.repeat(20)],
    ['CUSTNAME', 'Café Crème – “Größe” €'],
    ['DOCAMNT', '1234567890.12345'],
    ['DOCAMNT', '55.7800000'],
    ['SOPTYPE', '3'],
    ['DOCDATE', '2026-02-28'],
  ])('when %s = %j, then it passes with its parameter name and type', (element, value) => {
    const built = call(element, value);
    expect(built.parameters).toHaveLength(1);
    expect(built.parameters[0]?.name).toBe(`I_v${element}`);
    expect(built.parameters[0]?.value).toBe(value);
  });

  it('when a char value is too long, then the details carry length and limit for the admin', () => {
    expect(refusal('ZIPCODE', '12345-67890').details).toMatchObject({ length: 11, max_length: 10 });
  });
});

describe('error string and code page helpers', () => {
  it.each([
    [' 67 235', [67, 235]],
    ['670', [670]],
    ['  722  722 ', [722]],
    ['', []],
    ['Error 67 x', [67]],
  ])('when @oErrString is %j, then the numbers are %j', (text, numbers) => {
    expect(parseErrorNumbers(text)).toEqual(numbers);
  });

  it('when text has characters outside Windows-1252, then the first one is reported', () => {
    expect(firstCharacterOutsideCp1252('Œuvre – “ok” €')).toBeNull();
    expect(firstCharacterOutsideCp1252('Иван')).toBe('И');
  });
});
