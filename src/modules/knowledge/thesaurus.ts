/**
 * Default synonyms from a general thesaurus, for the vocabulary mismatch between how customers ask and how
 * articles are written ("pieza" for "habitación", "plata" for "dinero"). Pure; no I/O: the thesaurus is
 * parsed from the text of `thesaurus/<language>.txt.gz` (built by `scripts/build-thesaurus.ts`), and the
 * stems and document frequencies it needs are passed in.
 *
 * A query word is expanded only when it matches little in the workspace (its document frequency at most
 * `maxShare` of the articles), and only into words the workspace's articles use, so a thesaurus of tens of
 * thousands of words brings in a handful of terms, each of which can match.
 */

/** A synonym as the search needs it: the word to search and its stem, to look up in the vocabulary. */
export interface ThesaurusEntry {
  word: string;
  stem: string;
}

/**
 * Headwords and their synonyms, with the headwords of each stem for inflected query words. A headword's
 * synonyms stay as their line's text until asked for: a search reads a few of tens of thousands.
 */
export interface Thesaurus {
  /** Headword → its synonyms as written in the file (`word/stem word/stem …`). */
  lines: ReadonlyMap<string, string>;
  /** Stem → the headwords with that stem. */
  heads: ReadonlyMap<string, readonly string[]>;
  /** Verb form the stemmer cuts apart from its infinitive → the infinitives (`word/stem …`). */
  lemmas: ReadonlyMap<string, string>;
}

/** Calls `each` with the key and the rest of every `key<TAB>rest` line of a text. */
function eachLine(text: string, each: (key: string, rest: string) => void) {
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) each(text.slice(at, tab), text.slice(tab + 1, end));
    at = end + 1;
  }
}

/**
 * Parses the thesaurus file's text, one line per headword (`word/stem<TAB>word/stem word/stem …`), and
 * optionally the verb forms file's, one line per form (`form<TAB>infinitive/stem …`).
 * @example parseThesaurus('pieza/piez\thabitacion/habitacion cuarto/cuart\n').heads.get('piez') // ['pieza']
 */
export function parseThesaurus(text: string, lemmaText = ''): Thesaurus {
  const lines = new Map<string, string>();
  const heads = new Map<string, string[]>();
  const lemmas = new Map<string, string>();
  eachLine(text, (key, rest) => {
    const slash = key.indexOf('/');
    if (slash <= 0) return;
    const word = key.slice(0, slash);
    const stem = key.slice(slash + 1);
    lines.set(word, rest);
    const list = heads.get(stem);
    if (list) list.push(word);
    else heads.set(stem, [word]);
  });
  eachLine(lemmaText, (form, rest) => lemmas.set(form, rest));
  return { lines, heads, lemmas };
}

const entriesIn = (line: string | undefined): ThesaurusEntry[] =>
  (line ?? '').split(' ').flatMap((pair) => {
    const slash = pair.indexOf('/');
    return slash > 0 ? [{ word: pair.slice(0, slash), stem: pair.slice(slash + 1) }] : [];
  });

/**
 * A headword's synonyms, in the thesaurus's order (none when it is not a headword).
 * @example entriesOf(thesaurus, 'pieza') // [{ word: 'estancia', stem: 'estanci' }, …]
 */
export function entriesOf(thesaurus: Thesaurus, head: string): ThesaurusEntry[] {
  return entriesIn(thesaurus.lines.get(head));
}

const sharedPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * A query word's synonyms: first the infinitive of a verb form the stemmer cuts apart from it
 * ("devuelven" → "devolver") and that infinitive's synonyms; then its own entry when it is a headword,
 * else those of the headwords with its stem that share more with it than the stem alone ("piezas" →
 * "pieza", "cobran" → "cobrar"; but not "sabado" → "saber", whose shared "sab" is only the stem).
 * @example synonymsOf(thesaurus, { word: 'piezas', stems: ['piez'] }) // the entries of 'pieza'
 */
export function synonymsOf(thesaurus: Thesaurus, word: QueryWord): readonly ThesaurusEntry[] {
  const lemmas = entriesIn(thesaurus.lemmas.get(word.word));
  const own = headwordSynonyms(thesaurus, word);
  if (lemmas.length === 0) return own;
  return [...lemmas, ...lemmas.flatMap((l) => entriesOf(thesaurus, l.word)), ...own];
}

function headwordSynonyms(thesaurus: Thesaurus, word: QueryWord): readonly ThesaurusEntry[] {
  if (thesaurus.lines.has(word.word)) return entriesOf(thesaurus, word.word);
  let best: string[] = [];
  let bestShared = 0;
  for (const stem of word.stems)
    for (const head of thesaurus.heads.get(stem) ?? []) {
      const shared = sharedPrefix(head, word.word);
      if (shared <= stem.length) continue;
      if (shared > bestShared) [best, bestShared] = [[head], shared];
      else if (shared === bestShared) best.push(head);
    }
  return best.flatMap((head) => entriesOf(thesaurus, head));
}

export interface ExpansionOptions {
  /** Largest share of the workspace's articles a query word may match and still be expanded (0: none). */
  maxShare: number;
  /** Most synonyms taken per query word. */
  maxPerWord: number;
}

/** A query word with its stems (a stop word has none). */
export interface QueryWord {
  word: string;
  stems: readonly string[];
}

/**
 * The stems whose document frequencies a query's expansion needs: its words' and their synonyms'.
 * @example stemsToLookUp(thesaurus, [{ word: 'pieza', stems: ['piez'] }]) // ['piez', 'habitacion', 'cuart', …]
 */
export function stemsToLookUp(thesaurus: Thesaurus, words: readonly QueryWord[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const entries = synonymsOf(thesaurus, w);
    if (entries.length === 0) continue;
    for (const s of w.stems) out.add(s);
    for (const e of entries) out.add(e.stem);
  }
  return [...out];
}

/**
 * The synonyms to search for a query: for each word matching at most `maxShare` of the `articles`, up to
 * `maxPerWord` of its synonyms that some article uses (in the thesaurus's order), never a stem the query
 * already has. Joined as one text, as the search takes its expansions.
 * @example expandFromThesaurus(thesaurus, [{ word: 'pieza', stems: ['piez'] }], new Map([['habitacion', 4]]), 60, { maxShare: 0.05, maxPerWord: 3 }) // 'habitacion'
 */
export function expandFromThesaurus(
  thesaurus: Thesaurus,
  words: readonly QueryWord[],
  df: ReadonlyMap<string, number>,
  articles: number,
  options: ExpansionOptions,
): string {
  const queryStems = new Set(words.flatMap((w) => w.stems));
  const out = new Set<string>();
  const taken = new Set<string>();
  for (const w of words) {
    const matches = Math.max(0, ...w.stems.map((s) => df.get(s) ?? 0));
    if (matches > options.maxShare * articles) continue;
    let n = 0;
    for (const e of synonymsOf(thesaurus, w)) {
      if (n >= options.maxPerWord) break;
      if (queryStems.has(e.stem) || taken.has(e.stem) || !(df.get(e.stem) ?? 0)) continue;
      taken.add(e.stem);
      out.add(e.word);
      n++;
    }
  }
  return [...out].join(' ');
}
