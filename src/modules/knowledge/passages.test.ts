import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPassage, highlight, MAX_PASSAGE, splitPassages } from './passages.ts';

const lower = (w: string) => [w.toLowerCase()];

describe('passages', () => {
  it('cuts paragraphs, and long paragraphs into sentences no longer than the limit', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Frase número ${i} del párrafo.`).join(' ');
    const parts = splitPassages(`Uno.\n\nDos.\n\n${long}`);
    expect(parts.slice(0, 2)).toEqual(['Uno.', 'Dos.']);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_PASSAGE + 1);
  });

  it('picks the passage that shares the most query words', () => {
    const passages = ['Horario de oficina.', 'Lave con agua fría y seque a baja temperatura.', 'Agua.'];
    expect(bestPassage(passages, lower, new Set(['agua', 'fría', 'seque']))).toBe(1);
    expect(bestPassage(passages, lower, new Set(['nada']))).toBe(0);
  });

  it('highlighting never loses or adds text', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1, maxLength: 5 })), (text, words) => {
        const segments = highlight(text, lower, new Set(words.map((w) => w.toLowerCase())));
        expect(segments.map((s) => s.text).join('')).toBe(text);
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.hit).not.toBe(segments[i - 1]!.hit);
      }),
    );
  });

  it('marks words whose stem is a query stem', () => {
    const stem = (w: string) => [w.toLowerCase().slice(0, 4)];
    expect(highlight('Lavado en agua', stem, new Set(['lava']))).toEqual([
      { text: 'Lavado', hit: true },
      { text: ' en agua', hit: false },
    ]);
  });
});
