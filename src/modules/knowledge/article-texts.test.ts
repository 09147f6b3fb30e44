import { describe, expect, it } from 'vitest';
import { createArticleTexts, prepareArticleText } from './article-texts.ts';
import { splitPassages, wordsIn } from './passages.ts';
import { markdownToText } from './text.ts';

const body = 'Lave con **agua fría**.\n\nSeque a baja temperatura, 30 minutos.';

describe('article texts', () => {
  it('prepares the passages, their words and the distinct words without numbers', () => {
    const text = prepareArticleText('Lavado de sábanas', body);
    expect(text.passages).toEqual(splitPassages(markdownToText(body)));
    expect(text.passageWords).toEqual(text.passages.map(wordsIn));
    expect(text.words).toEqual([
      'Lavado',
      'de',
      'sábanas',
      'Lave',
      'con',
      'agua',
      'fría',
      'Seque',
      'a',
      'baja',
      'temperatura',
      'minutos',
    ]);
  });

  it('keeps an article prepared while its title and body stay the same, and prepares it again after an edit', () => {
    const texts = createArticleTexts();
    const first = texts({ id: 'a', title: 'Lavado', body });
    expect(texts({ id: 'a', title: 'Lavado', body })).toBe(first);
    const edited = texts({ id: 'a', title: 'Lavado', body: 'Use agua tibia.' });
    expect(edited).not.toBe(first);
    expect(edited.passages).toEqual(['Use agua tibia.']);
    expect(texts({ id: 'a', title: 'Secado', body: 'Use agua tibia.' }).words).toContain('Secado');
  });

  it('starts again empty when full, and still answers correctly', () => {
    const texts = createArticleTexts(2);
    const a = texts({ id: 'a', title: 'A', body: 'Uno.' });
    texts({ id: 'b', title: 'B', body: 'Dos.' });
    texts({ id: 'c', title: 'C', body: 'Tres.' });
    const again = texts({ id: 'a', title: 'A', body: 'Uno.' });
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });
});
