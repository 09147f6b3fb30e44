import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanQuery, expandSynonyms, MAX_QUERY_CHARS, markdownToText, queryKey } from './text.ts';

describe('query text', () => {
  it('cleans control characters and whitespace, and bounds the length', () => {
    expect(cleanQuery('  ¿Cómo\u0000 cambio\n mi   vuelo?  ')).toBe('¿Cómo cambio mi vuelo?');
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const q = cleanQuery(s);
        expect(q.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(q).toBe(q.trim());
        expect(q).not.toMatch(/\p{Cc}/u);
      }),
    );
  });

  it('groups the same query typed differently', () => {
    expect(queryKey('¿Cómo CAMBIO mi vuelo?')).toBe(queryKey('como cambio mi vuelo'));
  });

  it('keeps the words of Markdown without its syntax', () => {
    expect(markdownToText('# Título\n\nUse **agua fría** [aquí](https://x.co) ![foto](a.png) <b>x</b>')).toBe(
      'Título\n\nUse agua fría aquí foto x',
    );
  });

  it('expands synonyms in both directions, on whole words only', () => {
    const synonyms = [{ phrase: 'cable car', alternatives: ['teleferico'] }];
    expect(expandSynonyms('cable car hours', synonyms)).toBe('teleferico');
    expect(expandSynonyms('horario del teleférico', synonyms)).toBe('cable car');
    expect(expandSynonyms('cablecar', synonyms)).toBe('');
  });
});
