/** Reading a workspace's vocabulary: how many articles use each term. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';

/**
 * The document frequencies of the given terms that the workspace's articles in a language use (terms
 * no article uses are absent). An index lookup per term, never a scan of the vocabulary.
 * @example await documentFrequencies(db, ws, 'es', ['habitacion', 'piez']) // Map { 'habitacion' => 4 }
 */
export async function documentFrequencies(
  db: Db,
  workspaceId: string,
  language: 'es' | 'en',
  terms: string[],
): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await queryRows<{ term: string; df: number }>(
    db,
    sql`select v.term, v.df from json_array_elements_text(${JSON.stringify(terms)}::json) as t(term)
        join kb_vocab v on v.workspace_id = ${workspaceId} and v.language = ${language} and v.term = t.term`,
  );
  return new Map(rows.map((r) => [r.term, Number(r.df)]));
}
