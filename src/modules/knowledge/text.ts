/**
 * Pure text helpers for the knowledge base: bounding and folding queries, the plain text of Markdown for
 * indexing, and synonym expansion. No I/O.
 */

/** Longest query kept: longer input is cut here (a pasted e-mail still searches by its beginning). */
export const MAX_QUERY_CHARS = 500;

/**
 * A query as typed, made safe to search and store: control characters removed, whitespace collapsed,
 * bounded to {@link MAX_QUERY_CHARS}.
 * @example cleanQuery('  ¿Cómo\u0000 cambio\n mi vuelo?  ') // '¿Cómo cambio mi vuelo?'
 */
export function cleanQuery(query: string): string {
  return query
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS)
    .trim();
}

/**
 * Lower case, no accents, punctuation as spaces: the key that groups the same query typed differently.
 * @example queryKey('¿Cómo CAMBIO mi vuelo?') // 'como cambio mi vuelo'
 */
export function queryKey(query: string): string {
  return fold(query)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower case without diacritics, as `atiende_fold` does in the database. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC')
    .toLowerCase();

/**
 * The words of Markdown without its syntax, for indexing: links keep their text, images their alt text,
 * code keeps its words, HTML tags go.
 * @example markdownToText('Use **cold** [water](https://x.co)') // 'Use cold water'
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export interface Synonym {
  /** Folded word or phrase. */
  phrase: string;
  alternatives: string[];
}

/**
 * The alternatives of every synonym whose phrase occurs in the query as whole words (either direction: an
 * alternative in the query brings its phrase too), joined as one text to search with a lower weight.
 * @example expandSynonyms('cable car hours', [{ phrase: 'cable car', alternatives: ['teleferico'] }]) // 'teleferico'
 */
export function expandSynonyms(query: string, synonyms: readonly Synonym[]): string {
  const key = ` ${queryKey(query)} `;
  const out = new Set<string>();
  for (const { phrase, alternatives } of synonyms) {
    const group = [phrase, ...alternatives].map(queryKey).filter((w) => w.length > 0);
    if (group.some((w) => key.includes(` ${w} `))) {
      for (const w of group) if (!key.includes(` ${w} `)) out.add(w);
    }
  }
  return [...out].join(' ');
}
