/**
 * Stems of words, remembered. A word's stems in a language never change (they come from the language's
 * fixed Snowball stemmer), and searches keep showing the same articles, so after the first searches the
 * highlighting of titles and passages needs no round trip for most of their words. Bounded: when full it
 * starts again empty rather than tracking recency.
 */

/** Looks up the stems of some words in a language (the database's `to_tsvector`). */
export type StemSource = (language: 'es' | 'en', words: string[]) => Promise<Map<string, string[]>>;

/**
 * A cached stem lookup: only words not seen before in that language reach `source`.
 * @example const stems = createStemCache(source); const stemOf = await stems('es', ['sábanas']); stemOf('sábanas') // ['saban']
 */
export function createStemCache(source: StemSource, capacity = 100_000) {
  const known = new Map<string, string[]>();
  const key = (language: string, word: string) => `${language}:${word}`;
  return async (language: 'es' | 'en', words: string[]): Promise<(word: string) => string[]> => {
    const missing = [...new Set(words)].filter((w) => !known.has(key(language, w)));
    if (missing.length > 0) {
      const found = await source(language, missing);
      if (known.size + missing.length > capacity) known.clear();
      for (const w of missing) known.set(key(language, w), found.get(w) ?? []);
    }
    return (w: string) => known.get(key(language, w)) ?? [];
  };
}
