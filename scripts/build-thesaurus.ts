/**
 * Builds the search's default thesaurus from a LibreOffice (MyThes) thesaurus, as Debian ships it, into the
 * compact file the search reads: `src/modules/knowledge/thesaurus/<language>.txt.gz`. Run by hand when
 * the source thesaurus changes; the product reads only the committed file.
 *
 *   apt-get install mythes-es dict-freedict-eng-spa
 *   npx tsx scripts/build-thesaurus.ts es /usr/share/mythes/th_es_ES_v2.dat /usr/share/dictd/freedict-eng-spa.dict.dz
 *
 * Only single words are kept (headwords and synonyms), accent-folded. Each line of the output is a headword
 * and its synonyms, each as `word/stem` with the stem of the index's own stemmer (PostgreSQL's Snowball
 * through `to_tsvector`, here on PGlite), in the thesaurus's order (its senses in turn):
 *
 *   pieza/piez<TAB>estancia/estanci cuchitril/cuchitril alcoba/alcob …
 *
 * The headword's stem lets an inflected query word ("piezas") find its headword; a synonym's stem is
 * what the search looks up in a workspace's vocabulary, its word what it searches.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fold } from '../src/modules/knowledge/text.ts';
import { sortedByKey, stemsOfWords, writeThesaurusFile } from './thesaurus-files.ts';

const [language, source, bilingual] = process.argv.slice(2);
if ((language !== 'es' && language !== 'en') || !source) {
  console.error(
    'usage: npx tsx scripts/build-thesaurus.ts es|en /usr/share/mythes/th_es_ES_v2.dat [/usr/share/dictd/freedict-eng-spa.dict.dz]',
  );
  process.exit(2);
}

/** Antonyms are listed among synonyms, marked; they are left out. */
const ANTONYM = /\((antonym|ant\S*nimo)\)/i;

/** A single folded word of letters (annotations such as "(NoRAE)" or "(tr.)" removed), or null. */
function word(text: string): string | null {
  if (ANTONYM.test(text)) return null;
  const w = fold(text.replace(/\([^)]*\)/g, '')).trim();
  return /^\p{L}+$/u.test(w) ? w : null;
}

/** Headword → its synonyms, single words only, in the thesaurus's order. */
function parse(raw: Buffer): Map<string, string[]> {
  const lines = raw.toString('latin1').split('\n');
  const encoding = lines[0]!.trim().toUpperCase();
  const text = encoding === 'UTF-8' ? raw.toString('utf8').split('\n') : lines;
  const out = new Map<string, string[]>();
  for (let i = 1; i < text.length; i++) {
    const [head, count] = text[i]!.split('|');
    const senses = Number(count);
    if (!head || !Number.isInteger(senses)) continue;
    const h = word(head);
    const synonyms = new Set(out.get(h ?? '') ?? []);
    for (const line of text.slice(i + 1, i + 1 + senses))
      for (const s of line.split('|').slice(1)) {
        const w = word(s);
        if (w && w !== h) synonyms.add(w);
      }
    i += senses;
    if (h && synonyms.size > 0) out.set(h, [...synonyms]);
  }
  return out;
}

/**
 * English word → its translations, single words only, from a FreeDict dictionary in dictd format
 * (`word /pronunciation/` lines, each followed by its translations: "1. río", "equipaje, equipajes").
 */
function parseBilingual(raw: Buffer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let head: string | null = null;
  for (const line of gunzipSync(raw).toString('utf8').split('\n')) {
    const m = /^(\S.*?) \/[^/]*\/$/.exec(line);
    if (m) {
      head = word(m[1]!);
      continue;
    }
    if (!head) continue;
    for (const t of line.replace(/^\s*\d+\.\s*/, '').split(/[,;]/)) {
      const w = word(t);
      if (w && w !== head) out.set(head, [...new Set([...(out.get(head) ?? []), w])]);
    }
  }
  return out;
}

const entries = parse(readFileSync(source));
// English words in questions in the thesaurus's language ("book", "flight"): a translation dictionary adds
// them, where the thesaurus has no headword of that spelling.
if (bilingual)
  for (const [head, translations] of parseBilingual(readFileSync(bilingual)))
    if (!entries.has(head)) entries.set(head, translations);
const words = [...new Set([...entries.keys(), ...[...entries.values()].flat()])];
const stems = await stemsOfWords(language, words);

const lines: string[] = [];
for (const [head, synonyms] of sortedByKey(entries)) {
  const key = stems.get(head);
  if (!key) continue;
  const list = new Map<string, string>();
  for (const s of synonyms) {
    const stem = stems.get(s);
    if (stem && stem !== key && ![...list.values()].includes(stem)) list.set(s, stem);
  }
  if (list.size > 0) lines.push(`${head}/${key}\t${[...list].map(([w, s]) => `${w}/${s}`).join(' ')}`);
}
writeThesaurusFile(`${language}.txt.gz`, lines, `${entries.size} headwords`);
