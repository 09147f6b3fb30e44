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

/** Every word of a workspace's dictionary (in a transaction, pass it: PGlite has one connection). */
export async function loadWords(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await queryRows<{ word: string }>(
    db,
    sql`select word from customer_search_words where workspace_id = ${workspaceId}`,
  );
  return rows.map((r) => r.word);
}
