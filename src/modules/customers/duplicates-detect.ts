/**
 * Finding candidate duplicates of some customers, in the caller's transaction: others with an identity of
 * the same match key (an e-mail with a +tag or Gmail dots, a phone that is someone's WhatsApp), and, when
 * asked, others whose accent-folded name is very similar (trigram similarity). Pairs are stored for
 * review; a pair already reviewed stays as it was.
 */
import { inArray, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { customerDuplicates, customerIdentities, customers } from './schema.ts';
import { loadWords } from './search-words.ts';
import { buildDictionary, corrections, tsQueries, wordsOf } from './spelling.ts';

/** Names at least this similar (0–1) are worth a look. */
export const NAME_SIMILARITY = 0.6;

export interface Pair {
  a: string;
  b: string;
  reason: 'email' | 'phone' | 'name';
  similarity: number;
}

/** Orders a pair so that (a, b) and (b, a) are one row. */
export const orderPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

export interface MatchKeyHolder {
  kind: string;
  value: string;
  match_key: string;
  customer_id: string;
}

/**
 * In one statement, every identity of the workspace that has one of these match keys (the duplicate
 * candidates) or is one of the `exact` identities (their owners): one indexed probe per key and identity.
 * @example await matchKeyHolders(tx, ws, ['email:ana@x.co'], [{ kind: 'email', value: 'ana+x@x.co' }])
 */
export async function matchKeyHolders(
  tx: Db,
  workspaceId: string,
  matchKeys: readonly string[],
  exact: readonly { kind: string; value: string }[] = [],
): Promise<MatchKeyHolder[]> {
  if (matchKeys.length === 0 && exact.length === 0) return [];
  // A JSON array of strings: `json_array_elements_text` unpacks it at about half the server's CPU of
  // `json_to_recordset` over objects, with the same plan (one indexed probe a key).
  const keys = JSON.stringify([...new Set(matchKeys)]);
  const byKey = sql`select i.kind, i.value, i.match_key, i.customer_id from customer_identities i
        join json_array_elements_text(${keys}::json) as x(key) on i.match_key = x.key
        where i.workspace_id = ${workspaceId}`;
  if (exact.length === 0) return queryRows<MatchKeyHolder>(tx, byKey);
  const pairs = JSON.stringify(exact.map(({ kind, value }) => ({ kind, value })));
  return queryRows<MatchKeyHolder>(
    tx,
    sql`${byKey}
        union
        select i.kind, i.value, i.match_key, i.customer_id from customer_identities i
        join json_to_recordset(${pairs}::json) as x(kind text, value text) on i.kind = x.kind and i.value = x.value
        where i.workspace_id = ${workspaceId}`,
  );
}

/**
 * The pairs these identities make with the holders of their match keys (a customer never pairs with itself);
 * with `amongThemselves`, the identities hold their keys too, after the holders (a batch's new identities).
 * @example pairsAmong([{ match_key: 'phone:+57…', customer_id: b }], [{ customerId: a, matchKey: 'phone:+57…' }])
 */
export function pairsAmong(
  holders: readonly { match_key: string; customer_id: string }[],
  identities: readonly { customerId: string; matchKey: string }[],
  { amongThemselves = false } = {},
): Pair[] {
  // A key's holders in order: one customer kept as a string, an array only once a second one comes (most
  // keys have one holder, and an import's batch holds thousands).
  const byKey = new Map<string, string | string[]>();
  const hold = (matchKey: string, customerId: string) => {
    const held = byKey.get(matchKey);
    if (held === undefined) byKey.set(matchKey, customerId);
    else if (typeof held === 'string') byKey.set(matchKey, [held, customerId]);
    else held.push(customerId);
  };
  for (const h of holders) hold(h.match_key, h.customer_id);
  if (amongThemselves) for (const i of identities) hold(i.matchKey, i.customerId);
  const pairs: Pair[] = [];
  const pair = (mine: { customerId: string; matchKey: string }, other: string) => {
    if (other === mine.customerId) return;
    const [a, b] = orderPair(mine.customerId, other);
    pairs.push({ a, b, reason: mine.matchKey.startsWith('email:') ? 'email' : 'phone', similarity: 1 });
  };
  for (const mine of identities) {
    const held = byKey.get(mine.matchKey);
    if (typeof held === 'string') pair(mine, held);
    else if (held) for (const other of held) pair(mine, other);
  }
  return pairs;
}

/**
 * Pairs of customers sharing a match key with these identities.
 * @example await pairsByMatchKey(tx, ws, [{ customerId, matchKey: 'email:ana@x.co' }])
 */
export async function pairsByMatchKey(
  tx: Db,
  workspaceId: string,
  identities: { customerId: string; matchKey: string }[],
): Promise<Pair[]> {
  if (identities.length === 0) return [];
  const holders = await matchKeyHolders(
    tx,
    workspaceId,
    identities.map((i) => i.matchKey),
  );
  return pairsAmong(holders, identities);
}

export async function detectDuplicates(
  tx: Db,
  workspaceId: string,
  ids: string[],
  options: { now: Date; newId: () => string; byName: boolean },
): Promise<number> {
  if (ids.length === 0) return 0;
  const ws = scoped(tx, workspaceId);
  const mine = await tx
    .select({ customerId: customerIdentities.customerId, matchKey: customerIdentities.matchKey })
    .from(customerIdentities)
    .where(ws.where(customerIdentities, inArray(customerIdentities.customerId, ids)));
  const pairs = await pairsByMatchKey(tx, workspaceId, mine);
  if (options.byName) {
    const people = await tx
      .select({ id: customers.id, name: customers.name, kind: customers.kind })
      .from(customers)
      .where(ws.where(customers, inArray(customers.id, ids), isNull(customers.erasedAt)));
    const dictionary = people.length > 0 ? buildDictionary(await loadWords(tx, workspaceId)) : null;
    for (const me of people) {
      // Candidates share every word of the name, give or take a typo; the whole names are then compared.
      const queries = tsQueries(wordsOf(me.name).map((w) => corrections(w, dictionary!)));
      if (!queries) continue;
      const similar = await queryRows<{ id: string; similarity: number }>(
        tx,
        sql`select other.id, similarity(atiende_fold(other.name), atiende_fold(${me.name})) as similarity
            from ${customers} other
            where other.workspace_id = ${ws.workspaceId} and other.kind = ${me.kind} and other.id <> ${me.id}::uuid
              and other.merged_into is null and other.erased_at is null
              and other.search_vector @@ to_tsquery('pg_catalog.simple', ${queries.all})
              and similarity(atiende_fold(other.name), atiende_fold(${me.name})) >= ${NAME_SIMILARITY}
            order by 2 desc limit 5`,
      );
      for (const s of similar) {
        const [a, b] = orderPair(me.id, s.id);
        if (!pairs.some((p) => p.a === a && p.b === b)) {
          pairs.push({ a, b, reason: 'name', similarity: Number(s.similarity) });
        }
      }
    }
  }
  return savePairs(tx, workspaceId, pairs, options);
}

/** Stores candidate pairs; a pair already known (open, dismissed or merged) stays as it is. */
export async function savePairs(
  tx: Db,
  workspaceId: string,
  pairs: Pair[],
  options: { now: Date; newId: () => string },
): Promise<number> {
  if (pairs.length === 0) return 0;
  const unique = [...new Map(pairs.map((p) => [`${p.a}/${p.b}`, p])).values()];
  await tx
    .insert(customerDuplicates)
    .values(
      unique.map((p) => ({
        id: options.newId(),
        workspaceId,
        customerA: p.a,
        customerB: p.b,
        reason: p.reason,
        similarity: p.similarity,
        status: 'open' as const,
        createdAt: options.now,
      })),
    )
    .onConflictDoNothing();
  return unique.length;
}
