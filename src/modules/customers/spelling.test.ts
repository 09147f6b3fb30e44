import { describe, expect, it } from 'vitest';
import {
  alternativesFor,
  buildDictionary,
  corrections,
  editDistance,
  tsQueries,
  wordsOf,
} from './spelling.ts';

const dictionary = buildDictionary([
  'jose',
  'josefa',
  'rodriguez',
  'rodrigo',
  'carlos',
  'carolina',
  'laura',
  'lina',
  'diana',
  'ivan',
  'figueroa',
  'salazar',
  'gomez',
  'hotel',
  'chicamocha',
  'ana',
  'mariana',
]);

describe('edit distance', () => {
  it('counts a dropped, added or changed letter, and two swapped letters, as one edit', () => {
    expect(editDistance('calros', 'carlos', 2)).toBe(1);
    expect(editDistance('dina', 'diana', 2)).toBe(1);
    expect(editDistance('rodriges', 'rodriguez', 2)).toBe(2);
    expect(editDistance('gomez', 'gomes', 2)).toBe(1);
    expect(editDistance('ana', 'carolina', 2)).toBe(3);
  });
});

describe('correcting a query word', () => {
  it('finds the word meant one typo away, or two in longer words', () => {
    expect(corrections('calros', dictionary)).toContain('carlos');
    expect(corrections('figeuroa', dictionary)).toContain('figueroa');
    expect(corrections('rodriges', dictionary)).toContain('rodriguez');
    expect(corrections('lura', dictionary)).toContain('laura');
    expect(corrections('ivn', dictionary)).toContain('ivan');
    expect(corrections('slazar', dictionary)).toContain('salazar');
  });

  it('keeps the word itself first, and offers the words it begins', () => {
    expect(corrections('rodri', dictionary)).toEqual(['rodri', 'rodrigo', 'rodriguez']);
    expect(corrections('hotel', dictionary)[0]).toBe('hotel');
    expect(corrections('zzz', dictionary)).toEqual(['zzz']);
  });
});

describe('words run together', () => {
  it('count as the two dictionary words they join', () => {
    expect(alternativesFor(['carolinasalazar', 'jose'], dictionary)).toEqual([
      corrections('carolina', dictionary),
      corrections('salazar', dictionary),
      corrections('jose', dictionary),
    ]);
    expect(alternativesFor(['zzzzzzzz'], dictionary)).toEqual([['zzzzzzzz']]);
  });
});

describe('full-text queries', () => {
  it('require every word, any of its corrections, and offer the words in order', () => {
    expect(tsQueries([['ana'], ['correa', 'correo']])).toEqual({
      all: "('ana') & ('correa' | 'correo')",
      phrase: "('ana') <-> ('correa' | 'correo')",
    });
    expect(tsQueries([])).toBeNull();
  });

  it('split text into folded words as the database does', () => {
    expect(wordsOf('José Rodríguez-Pérez, 3a')).toEqual(['jose', 'rodriguez', 'perez']);
  });
});
