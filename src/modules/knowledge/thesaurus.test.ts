import { describe, expect, it } from 'vitest';
import { entriesOf, expandFromThesaurus, parseThesaurus, stemsToLookUp, synonymsOf } from './thesaurus.ts';
import { loadThesauri, thesaurusOf } from './thesaurus-data.ts';

const thesaurus = parseThesaurus(
  [
    'pieza/piez\testancia/estanci habitacion/habitacion cuarto/cuart',
    'saber/sab\tconocer/conoc',
    'plata/plat\tdinero/diner metal/metal',
    'flight/flight\tvuelo/vuel',
  ].join('\n'),
);
const options = { maxShare: 0.05, maxPerWord: 3 };

describe('thesaurus', () => {
  it('finds the headword of an inflected query word, but not one that shares only the stem', () => {
    expect(synonymsOf(thesaurus, { word: 'piezas', stems: ['piez'] }).map((e) => e.word)).toContain(
      'habitacion',
    );
    expect(synonymsOf(thesaurus, { word: 'sabado', stems: ['sab'] })).toEqual([]);
  });

  it('expands a word no article uses only into words the articles use', () => {
    const df = new Map([['habitacion', 4]]);
    expect(expandFromThesaurus(thesaurus, [{ word: 'pieza', stems: ['piez'] }], df, 60, options)).toBe(
      'habitacion',
    );
  });

  it('leaves a word alone when it matches more than its share of the articles', () => {
    const df = new Map([
      ['plat', 10],
      ['diner', 5],
    ]);
    expect(expandFromThesaurus(thesaurus, [{ word: 'plata', stems: ['plat'] }], df, 60, options)).toBe('');
    expect(
      expandFromThesaurus(thesaurus, [{ word: 'plata', stems: ['plat'] }], df, 60, {
        ...options,
        maxShare: 1,
      }),
    ).toBe('dinero');
  });

  it('takes at most the given number of synonyms per word, and none the query already has', () => {
    const df = new Map([
      ['estanci', 1],
      ['habitacion', 4],
      ['cuart', 2],
    ]);
    const words = [
      { word: 'pieza', stems: ['piez'] },
      { word: 'cuarto', stems: ['cuart'] },
    ];
    expect(expandFromThesaurus(thesaurus, words, df, 60, { ...options, maxPerWord: 1 })).toBe('estancia');
  });

  it('asks for the frequencies of the query words and their synonyms only', () => {
    expect(
      stemsToLookUp(thesaurus, [
        { word: 'flight', stems: ['flight'] },
        { word: 'tour', stems: ['tour'] },
      ]),
    ).toEqual(['flight', 'vuel']);
  });

  it('brings the infinitive of a verb form the stemmer cuts apart, then its synonyms', () => {
    const withForms = parseThesaurus(
      'devolver/devolv\treintegrar/reintegr restituir/restitu\n',
      'devuelven\tdevolver/devolv\n',
    );
    const df = new Map([
      ['devolv', 3],
      ['restitu', 1],
    ]);
    const words = [{ word: 'devuelven', stems: ['devuelv'] }];
    expect(synonymsOf(withForms, words[0]!).map((e) => e.word)).toEqual([
      'devolver',
      'reintegrar',
      'restituir',
    ]);
    expect(expandFromThesaurus(withForms, words, df, 60, options)).toBe('devolver restituir');
  });

  it('ships a Spanish thesaurus with English words of travel', () => {
    const es = thesaurusOf('es');
    expect(entriesOf(es, 'pieza').map((e) => e.word)).toContain('habitacion');
    expect(entriesOf(es, 'flight').map((e) => e.word)).toContain('vuelo');
    expect(synonymsOf(es, { word: 'devuelven', stems: ['devuelv'] })[0]?.word).toBe('devolver');
    expect(thesaurusOf('en').lines.size).toBe(0);
  });
});

describe('loadThesauri', () => {
  it('reads every shipped thesaurus once: later calls get the same one', () => {
    loadThesauri();
    const es = thesaurusOf('es');
    expect(es.lines.size).toBeGreaterThan(1000);
    expect(thesaurusOf('es')).toBe(es);
    expect(thesaurusOf('en').lines.size).toBe(0);
  });
});
