/**
 * The default thesauri shipped with the product (`thesaurus/<language>.txt.gz`, built by
 * `scripts/build-thesaurus.ts`) and their verb forms (`thesaurus/<language>-lemmas.txt.gz`, built by
 * `scripts/build-lemmas.ts`), licences beside them, read once per process: by the server as it starts
 * (`loadThesauri`), otherwise on first use. A language without them (English) gets an empty thesaurus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseThesaurus, type Thesaurus } from './thesaurus.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'thesaurus');
const loaded = new Map<string, Thesaurus>();

/**
 * A language's thesaurus (empty when none is shipped), parsed on the first call and kept.
 * @example entriesOf(thesaurusOf('es'), 'pieza') // [{ word: 'estancia', stem: 'estanci' }, …]
 */
export function thesaurusOf(language: 'es' | 'en'): Thesaurus {
  let thesaurus = loaded.get(language);
  if (!thesaurus) {
    const read = (name: string) => {
      const file = join(folder, name);
      return existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8') : '';
    };
    thesaurus = parseThesaurus(read(`${language}.txt.gz`), read(`${language}-lemmas.txt.gz`));
    loaded.set(language, thesaurus);
  }
  return thesaurus;
}

/** Reads every language's thesaurus now (about a quarter of a second of CPU), so no search pays for it. */
export function loadThesauri(): void {
  thesaurusOf('es');
  thesaurusOf('en');
}
