/**
 * The dictionary of search words: every word of the customers' search texts, remembered once per workspace
 * in `customer_search_words`. Query words are corrected against it (spelling.ts) and the corrections looked
 * up in the customers' full-text index: a few thousand distinct words are checked, never a million rows.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';

/**
 * Remembers the words of some customers' current search texts (in the caller's transaction).
 * @example await rememberWords(tx, workspaceId, [customerId]);
 */
export async function rememberWords(tx: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    insert into customer_search_words (workspace_id, word)
    select distinct ${workspaceId}::uuid, w
    from customers, regexp_split_to_table(atiende_fold(customers.search_text), '[^[:alpha:]]+') as w
    where customers.workspace_id = ${workspaceId}
      and customers.id in (select (x.value #>> '{}')::uuid from json_array_elements(${JSON.stringify(ids)}::json) as x)
      and length(w) >= 2
    on conflict do nothing`);
}

/**
 * The words of some search texts, as the dictionary splits them (runs of letters, in lower case), leaving
 * out those in `known`. Pure: the database still folds each one (`rememberTextWords`).
 * @example wordsOf(['José Pérez IMP-7'], new Set(['pérez'])) // ['josé', 'imp']
 */
export function wordsOf(texts: readonly string[], known: ReadonlySet<string> = new Set()): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (word.length >= 2 && !known.has(word)) words.add(word);
    }
  }
  return [...words];
}

/**
 * Remembers words (from `wordsOf`) in the caller's transaction, folded by the same `atiende_fold` as the
 * search texts. An import sends each batch's new words once instead of re-reading every row it wrote.
 * @example await rememberTextWords(tx, workspaceId, wordsOf(texts, seen));
 */
export async function rememberTextWords(
  tx: Db,
  workspaceId: string,
  words: readonly string[],
): Promise<void> {
  if (words.length === 0) return;
  await tx.execute(sql`
    insert into customer_search_words (workspace_id, word)
    select distinct ${workspaceId}::uuid, w
    from json_array_elements_text(${JSON.stringify(words)}::json) as x(raw),
         regexp_split_to_table(atiende_fold(x.raw), '[^[:alpha:]]+') as w
    where length(w) >= 2
    on conflict do nothing`);
}

/** Every word of a workspace's dictionary (in a transaction, pass it: PGlite has one connection). */
export async function loadWords(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await queryRows<{ word: string }>(
    db,
    sql`select word from customer_search_words where workspace_id = ${workspaceId}`,
  );
  return rows.map((r) => r.word);
}
