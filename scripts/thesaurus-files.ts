/** What the thesaurus scripts share: the index's own stems of many words, and writing a committed file. */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { stemsOf } from '../src/modules/knowledge/index-sql.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';

/**
 * Each word's stem by PostgreSQL's Snowball stemmer (on a fresh PGlite), as the index stems it. A stop word
 * has no stem and a word the parser splits has several: neither can be searched as one term, so neither is
 * in the map.
 */
export async function stemsOfWords(language: 'es' | 'en', words: string[]): Promise<Map<string, string>> {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(database);
  const stems = new Map<string, string>();
  for (let i = 0; i < words.length; i += 5_000) {
    const found = await stemsOf(database.db, language, words.slice(i, i + 5_000));
    for (const [w, s] of found) if (s.length === 1) stems.set(w, s[0]!);
  }
  await database.close();
  return stems;
}

/** A map's entries in code-point order of their keys, as the committed files list them. */
export const sortedByKey = <V>(map: Map<string, V>) =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Writes lines, gzipped, to `src/modules/knowledge/thesaurus/<name>` and says so. */
export function writeThesaurusFile(name: string, lines: string[], of: string) {
  const target = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'src',
    'modules',
    'knowledge',
    'thesaurus',
    name,
  );
  writeFileSync(target, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  console.log(`${lines.length} of ${of} → ${target}`);
}
