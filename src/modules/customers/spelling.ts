/**
 * Correcting query words against the dictionary of a workspace's search words. Pure. A typo is one edit
 * away from the word meant (two for words of six letters or more) — a letter dropped, added, changed, or two
 * letters swapped — or the word is a beginning of it ("rodri"). Each query word then stands for its
 * corrections in a full-text query: every word must match, any of its corrections will do.
 */
import { foldText } from './normalise.ts';

export interface Dictionary {
  /** Every word, sorted, for finding the words a query word begins. */
  sorted: string[];
  byLength: Map<number, string[]>;
}

/** The words of a text as the database folds and splits them (letters only, two or more). */
export const wordsOf = (text: string): string[] =>
  foldText(text)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 2);

export function buildDictionary(words: Iterable<string>): Dictionary {
  const sorted = [...new Set(words)].sort();
  const byLength = new Map<number, string[]>();
  for (const w of sorted) {
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  return { sorted, byLength };
}

/** The sorted words that begin with `prefix`. */
function startingWith(sorted: string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment), or `max + 1` as soon as
 * it is sure to exceed `max`.
 * @example editDistance('calros', 'carlos', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const maxEdits = (word: string) => (word.length >= 6 ? 2 : 1);

/**
 * The dictionary words a query word may stand for, best first: itself, then one edit away, then words it
 * begins, then two edits away.
 * @example corrections('calros', dictionary) // ['calros', 'carlos']
 */
export function corrections(word: string, dictionary: Dictionary, limit = 8): string[] {
  const max = maxEdits(word);
  const scored: [string, number][] = [];
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of dictionary.byLength.get(length) ?? []) {
      if (candidate === word) continue;
      const d = editDistance(word, candidate, max);
      if (d <= max) scored.push([candidate, d === 1 ? 1 : 3]);
    }
  }
  if (word.length >= 3) {
    for (const candidate of startingWith(dictionary.sorted, word)) {
      if (candidate.length > word.length + max) scored.push([candidate, 2 + candidate.length / 100]);
    }
  }
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
  // The word itself always counts: a word added moments ago may not be in a cached dictionary yet.
  return [word, ...scored.map(([w]) => w)].slice(0, limit);
}

/**
 * The alternatives of each query word; a word that matches nothing but is two dictionary words run together
 * (a space typed late: "carolinasarmiento") counts as those two words.
 * @example alternativesFor(['carolinasarmiento'], dictionary) // [['carolina', …], ['sarmiento', …]]
 */
export function alternativesFor(words: string[], dictionary: Dictionary): string[][] {
  return words.flatMap((word) => {
    const alternatives = corrections(word, dictionary);
    if (alternatives.length > 1 || dictionary.byLength.get(word.length)?.includes(word))
      return [alternatives];
    for (let at = 2; at <= word.length - 2; at++) {
      const [left, right] = [word.slice(0, at), word.slice(at)];
      if (
        dictionary.byLength.get(left.length)?.includes(left) &&
        dictionary.byLength.get(right.length)?.includes(right)
      ) {
        return [corrections(left, dictionary), corrections(right, dictionary)];
      }
    }
    return [alternatives];
  });
}

/**
 * Full-text queries (the 'simple' configuration) for a query's words: all of them, each as any of its
 * corrections, and the same in the given order and adjacent (which ranks the best matches first).
 * @example tsQueries([['ana'], ['correa', 'correo']]) // { all: "('ana') & ('correa' | 'correo')", phrase: "('ana') <-> ('correa' | 'correo')" }
 */
export function tsQueries(alternatives: string[][]): { all: string; phrase: string } | null {
  if (alternatives.length === 0) return null;
  // Words are folded letters only, so quoting them needs no escaping.
  const groups = alternatives.map((alts) => `(${alts.map((w) => `'${w}'`).join(' | ')})`);
  return { all: groups.join(' & '), phrase: groups.join(' <-> ') };
}
