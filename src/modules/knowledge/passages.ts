/**
 * Finding the passage of an article that answers a query, and marking the query's words in it. Pure: the
 * stems come in from the database (the same stemmer as the index), so "lavar" marks "lavado".
 */

export interface Segment {
  text: string;
  /** Whether this piece matches a query word (shown highlighted; callers escape `text`). */
  hit: boolean;
}

/** Longest passage, in characters: a sentence or paragraph, cut at a word boundary past this. */
export const MAX_PASSAGE = 320;

/**
 * An article body (plain text) cut into passages: paragraphs, and long paragraphs into sentences.
 * @example splitPassages('Agua fría.\n\nSecadora a baja temperatura.') // ['Agua fría.', 'Secadora a baja temperatura.']
 */
export function splitPassages(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n(?=\s*[-*+] )/)) {
    const p = paragraph.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    if (p.length <= MAX_PASSAGE) {
      out.push(p);
      continue;
    }
    let current = '';
    for (const sentence of p.split(/(?<=[.!?;:])\s+/)) {
      if (current && current.length + sentence.length + 1 > MAX_PASSAGE) {
        out.push(current);
        current = '';
      }
      current = current ? `${current} ${sentence}` : sentence;
    }
    if (current) out.push(cut(current));
  }
  return out.map(cut);
}

function cut(text: string): string {
  if (text.length <= MAX_PASSAGE) return text;
  const at = text.lastIndexOf(' ', MAX_PASSAGE);
  return `${text.slice(0, at > 0 ? at : MAX_PASSAGE)}…`;
}

/** The words of a text (letters and digits), as the stemmer will see them. */
export const wordsIn = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The passage sharing the most distinct query stems (ties: the earlier one), or the first passage.
 * `words` are the passages' words when already known (`wordsIn` of each).
 * @example bestPassage(['Hola.', 'Lave con agua fría.'], stems, new Set(['agu'])) // 1
 */
export function bestPassage(
  passages: string[],
  stemsOf: (word: string) => readonly string[],
  queryStems: ReadonlySet<string>,
  words: readonly (readonly string[])[] = passages.map(wordsIn),
): number {
  let best = 0;
  let bestScore = -1;
  passages.forEach((p, i) => {
    const found = new Set<string>();
    for (const w of words[i] ?? []) for (const s of stemsOf(w)) if (queryStems.has(s)) found.add(s);
    // Shorter passages win ties of coverage: they are the more direct answer.
    const score = found.size - p.length / 10_000;
    if (found.size > 0 && score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * A text cut into plain and highlighted segments: words whose stem is a query stem are hits.
 * @example highlight('Agua fría', (w) => [w.toLowerCase()], new Set(['agua'])) // [{text:'Agua',hit:true},{text:' fría',hit:false}]
 */
export function highlight(
  text: string,
  stemsOf: (word: string) => readonly string[],
  queryStems: ReadonlySet<string>,
): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const hit = stemsOf(m[0]).some((s) => queryStems.has(s));
    if (!hit) continue;
    if (m.index > last) push(out, text.slice(last, m.index), false);
    push(out, m[0], true);
    last = m.index + m[0].length;
  }
  if (last < text.length) push(out, text.slice(last), false);
  return out;
}

function push(out: Segment[], text: string, hit: boolean) {
  const prev = out[out.length - 1];
  if (prev && prev.hit === hit) prev.text += text;
  else out.push({ text, hit });
}
