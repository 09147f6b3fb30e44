/**
 * Typo tolerance through a dictionary. Every word of the customers' search texts is remembered once per
 * workspace in `customer_search_words`; a query word is corrected against that short, trigram-indexed list
 * (word similarity, so "rodriges" gives "rodriguez" and "lura" gives "laura"), and the corrected words are
 * looked up in the customers' full-text index — an AND of each word's alternatives. Scanning a few thousand
 * distinct words instead of a million customer rows is what keeps search fast at scale.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';

/** How many corrections of one query word are tried. */
const ALTERNATIVES = 8;

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
 * A tsquery (the 'simple' configuration) requiring every word of `query` — each as any of its dictionary
 * corrections — or null when some word has none. Word similarity follows the transaction's
 * `pg_trgm.word_similarity_threshold`.
 * @example sql`select … where customers.search_vector @@ ${correctedQuery(workspaceId, q)}`
 */
export function correctedQuery(workspaceId: string, query: string): SQL {
  return sql`(
    with qw as (
      select w, ord from regexp_split_to_table(atiende_fold(${query}), '[^[:alpha:]]+') with ordinality as t(w, ord)
      where length(w) >= 2
    ),
    alts as (
      select qw.ord, string_agg(quote_literal(c.word), ' | ') as words
      from qw cross join lateral (
        select d.word from customer_search_words d
        where d.workspace_id = ${workspaceId} and qw.w <% d.word
        order by word_similarity(qw.w, d.word) desc, abs(length(d.word) - length(qw.w)), d.word
        limit ${ALTERNATIVES}
      ) c
      group by qw.ord
    )
    select case when count(*) > 0 and count(*) = (select count(*) from qw)
      then to_tsquery('pg_catalog.simple', string_agg('(' || words || ')', ' & ')) end
    from alts
  )`;
}
