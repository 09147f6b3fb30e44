import { describe, expect, it } from 'vitest';
import { createStemCache, type StemSource } from './stem-cache.ts';

/** A stand-in stemmer that records what it was asked: drops a final "s", "the" is a stop word. */
function recordingSource() {
  const asked: string[][] = [];
  const source: StemSource = async (language, words) => {
    asked.push(words.map((w) => `${language}:${w}`));
    return new Map(words.map((w) => [w, w === 'the' ? [] : [w.replace(/s$/, '')]]));
  };
  return { asked, source };
}

describe('stem cache', () => {
  it('asks the source only for words it has not seen in that language', async () => {
    const { asked, source } = recordingSource();
    const stems = createStemCache(source);
    const first = await stems('en', ['sheets', 'the', 'sheets']);
    expect(first('sheets')).toEqual(['sheet']);
    expect(first('the')).toEqual([]);
    const second = await stems('en', ['sheets', 'towels']);
    expect(second('towels')).toEqual(['towel']);
    await stems('es', ['sheets']);
    expect(asked).toEqual([['en:sheets', 'en:the'], ['en:towels'], ['es:sheets']]);
  });

  it('makes no call when every word is known, and answers no stems for a word never looked up', async () => {
    const { asked, source } = recordingSource();
    const stems = createStemCache(source);
    await stems('en', ['cups']);
    const again = await stems('en', ['cups']);
    expect(asked).toHaveLength(1);
    expect(again('plates')).toEqual([]);
  });

  it('stays within its capacity by starting again, and still answers correctly', async () => {
    const { asked, source } = recordingSource();
    const stems = createStemCache(source, 3);
    await stems('en', ['a1s', 'a2s']);
    const after = await stems('en', ['b1s', 'b2s']);
    expect(after('b1s')).toEqual(['b1']);
    await stems('en', ['a1s']);
    expect(asked).toHaveLength(3);
  });
});
