import { describe, expect, it } from 'vitest';
import { toCp1252 } from '../../src/domain/index.js';
import { GpValues } from '../../src/domain/gp/gp-values.js';
import { profileWith } from '../support/domain-fixtures.js';

describe('toCp1252', () => {
  it('when text is already in code page 1252 (accents, €, en dash, curly quotes), then it is unchanged', () => {
    expect(toCp1252('Café Crème – Größe XL “€5” Œuvre')).toEqual({
      text: 'Café Crème – Größe XL “€5” Œuvre',
      transliterated: [],
      unsupported: [],
    });
  });

  it('when letters are outside 1252 but have a Latin form, then they are transliterated and listed', () => {
    expect(toCp1252('Łódź Dvořák')).toMatchObject({ text: 'Lódz Dvorák', transliterated: ['Ł', 'ź', 'ř'] });
    expect(toCp1252('Щукин Жанна').text).toBe('Shchukin Zhanna');
    expect(toCp1252('（10本）').text).toBe('(10?)');
  });

  it('when characters have no Latin form (CJK, emoji, control codes), then they become ? and are reported', () => {
    expect(toCp1252('抹茶 🎉\u0007')).toEqual({
      text: '?? ??',
      transliterated: [],
      unsupported: ['抹', '茶', '🎉', '\u0007'],
    });
  });
});

describe('GpValues', () => {
  it('when a value fits, then it passes unchanged and nothing is warned', () => {
    const values = new GpValues(profileWith());
    expect(values.text('taSopHdrIvcInsert', 'CITY', 'San Francisco')).toBe('San Francisco');
    expect(values.warnings).toEqual([]);
  });

  it('when a value is too long for a key element, then it is refused even under truncate', () => {
    const values = new GpValues(profileWith({ length_policy: 'truncate' }));
    expect(() => values.text('taSopHdrIvcInsert', 'CSTPONBR', 'X'.repeat(21), 'order_number')).toThrow(
      /CSTPONBR .*21 characters; GP accepts 20/,
    );
  });

  it('when transliteration makes a value longer (Щ → Shch), then the length rule applies to the text GP receives', () => {
    const values = new GpValues(profileWith({ length_policy: 'reject' }));
    expect(() => values.text('taUpdateCreateItemRcd', 'USCATVLS_1', 'ЩЩЩ')).toThrow(
      /12 characters; GP accepts 10/,
    );
  });
});
