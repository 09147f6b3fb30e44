/**
 * Stems of words, remembered. A word's stems in a language never change (they come from the language's
 * fixed Snowball stemmer), and searches keep showing the same articles, so after the first searches the
 * highlighting of titles and passages needs no round trip for most of their words. Bounded: when full it
 * starts again empty rather than tracking recency.
 */

/** Looks up the stems of some words in a language (the database's `to_tsvector`). */
export type StemSource = (language: 'es' | 'en', words: string[]) => Promise<Map<string, string[]>>;

const NONE: readonly string[] = [];

/**
 * A cached stem lookup: only words not seen before in that language reach `source`. The words may repeat
 * (the words of whole passages): each is looked up in the cache once per call, with no key to build.
 * @example const stems = createStemCache(source); const stemOf = await stems('es', ['sábanas']); stemOf('sábanas') // ['saban']
 */
export function createStemCache(source: StemSource, capacity = 100_000) {
  const known = { es: new Map<string, readonly string[]>(), en: new Map<string, readonly string[]>() };
  return async (
    language: 'es' | 'en',
    words: Iterable<string>,
  ): Promise<(word: string) => readonly string[]> => {
    const cache = known[language];
    const missing = new Set<string>();
    for (const w of words) if (!cache.has(w)) missing.add(w);
    if (missing.size > 0) {
      const list = [...missing];
      const found = await source(language, list);
      if (known.es.size + known.en.size + list.length > capacity) {
        known.es.clear();
        known.en.clear();
      }
      for (const w of list) cache.set(w, found.get(w) ?? NONE);
    }
    return (w: string) => cache.get(w) ?? NONE;
  };
}
