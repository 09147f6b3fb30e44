/**
 * Writing the inverted index. Terms come from PostgreSQL itself — the Spanish or English Snowball stemmer
 * and stop words of `to_tsvector`, over the accent-folded text (`atiende_fold`) — so the query side, which
 * goes through the same functions, always agrees with what was indexed, on PGlite as on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { BM25F, FIELD, type FieldName } from './ranking.ts';

/** One article's texts per field, in `FIELD` order (title, phrasings, body, learned queries, tags). */
export interface IndexDoc {
  id: string;
  language: 'es' | 'en';
  status: string;
  visibility: string;
  fields: [string, string, string, string, string];
}

/** The text-search configuration of a language, as SQL (our own constant, never user input). */
export const configOf = (languageColumn: ReturnType<typeof sql.raw> | ReturnType<typeof sql>) =>
  sql`(case ${languageColumn} when 'es' then 'pg_catalog.spanish' else 'pg_catalog.english' end)::regconfig`;

const FIELDS = Object.keys(FIELD) as FieldName[];
/** Numbers of the product's own ranking as a float8 array literal, indexed by a posting's field. */
const perField = (value: (f: FieldName) => number) =>
  sql.raw(`(array[${FIELDS.map((f) => `${value(f)}::float8`).join(', ')}])`);

/**
 * Replaces the postings of some articles and keeps document frequencies and field lengths in step, in the
 * caller's transaction.
 * @example await indexArticles(tx, workspaceId, [{ id, language: 'es', status: 'published', visibility: 'public', fields: [title, phrasings, body, '', tags] }]);
 */
export async function indexArticles(tx: Db, workspaceId: string, docs: IndexDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const ids = JSON.stringify(docs.map((d) => d.id));
  const idList = sql`(select (x #>> '{}')::uuid from json_array_elements(${ids}::json) as x)`;
  await tx.execute(sql`
    update kb_vocab v set df = v.df - o.n
    from (select language, term, count(distinct article_id)::int as n from kb_postings
          where workspace_id = ${workspaceId} and article_id in ${idList} group by language, term) o
    where v.workspace_id = ${workspaceId} and v.language = o.language and v.term = o.term`);
  await tx.execute(
    sql`delete from kb_postings where workspace_id = ${workspaceId} and article_id in ${idList}`,
  );
  const rows = JSON.stringify(
    docs.flatMap((d) =>
      d.fields.map((text, i) => ({
        id: d.id,
        language: d.language,
        status: d.status,
        visibility: d.visibility,
        field: i + 1,
        text,
      })),
    ),
  );
  const weight = perField((f) => BM25F.weight[f]);
  const c0 = perField((f) => 1 - BM25F.b[f]);
  const b = perField((f) => BM25F.b[f]);
  // Each (article, term)'s impact needs the average field lengths the corpus will have once these
  // articles are written: the rest of the corpus's lengths plus theirs, per language.
  await tx.execute(sql`
    insert into kb_postings (workspace_id, article_id, language, field, term, tf, field_length, status, visibility, impact)
    with d as (
      select * from json_to_recordset(${rows}::json)
        as d(id uuid, language text, field smallint, status text, visibility text, text text)
    ),
    t as (
      select d.id, d.language, d.field, d.status, d.visibility, u.lexeme as term,
             sum(coalesce(array_length(u.positions, 1), 1)) as tf
      from d, unnest(to_tsvector(${configOf(sql`d.language`)}, public.atiende_fold(d.text))) as u
      group by d.id, d.language, d.field, d.status, d.visibility, u.lexeme
    ),
    l as (select t.*, sum(t.tf) over (partition by t.id, t.field) as field_length from t),
    sizes as (
      select language, sum(n)::float8 as n, array[sum(f1), sum(f2), sum(f3), sum(f4), sum(f5)]::float8[] as total
      from (
        select language, count(*) as n, sum(field_lengths[1]) as f1, sum(field_lengths[2]) as f2,
               sum(field_lengths[3]) as f3, sum(field_lengths[4]) as f4, sum(field_lengths[5]) as f5
        from kb_articles where workspace_id = ${workspaceId} and id not in ${idList} group by language
        union all
        select language, count(distinct id), sum(tf) filter (where field = 1), sum(tf) filter (where field = 2),
               sum(tf) filter (where field = 3), sum(tf) filter (where field = 4), sum(tf) filter (where field = 5)
        from (select d.id, d.language, t.field, t.tf from d left join t on t.id = d.id and t.field = d.field) x
        group by language
      ) s group by language
    ),
    avgs as (
      select language, array(select greatest(coalesce(x, 0) / n, 1) from unnest(total) as x)::float8[] as a
      from sizes
    )
    select ${workspaceId}::uuid, l.id, l.language, l.field, l.term, l.tf, l.field_length, l.status, l.visibility,
           sum(${weight}[l.field] * l.tf / (${c0}[l.field] + ${b}[l.field] / v.a[l.field] * l.field_length))
             over (partition by l.id, l.term)
    from l join avgs v on v.language = l.language`);
  await tx.execute(sql`
    insert into kb_vocab (workspace_id, language, term, df)
    select ${workspaceId}::uuid, language, term, count(distinct article_id)::int from kb_postings
    where workspace_id = ${workspaceId} and article_id in ${idList} group by language, term
    on conflict (workspace_id, language, term) do update set df = kb_vocab.df + excluded.df`);
  await tx.execute(sql`delete from kb_vocab where workspace_id = ${workspaceId} and df <= 0`);
  await tx.execute(sql`
    update kb_articles a set field_lengths = array[
      coalesce(l.f1, 0), coalesce(l.f2, 0), coalesce(l.f3, 0), coalesce(l.f4, 0), coalesce(l.f5, 0)]::real[]
    from (select x.id,
            sum(p.tf) filter (where p.field = 1) as f1, sum(p.tf) filter (where p.field = 2) as f2,
            sum(p.tf) filter (where p.field = 3) as f3, sum(p.tf) filter (where p.field = 4) as f4,
            sum(p.tf) filter (where p.field = 5) as f5
          from ${idList} as x(id) left join kb_postings p on p.article_id = x.id and p.workspace_id = ${workspaceId}
          group by x.id) l
    where a.workspace_id = ${workspaceId} and a.id = l.id`);
}

/** How many articles a bulk write must touch before the planner's statistics are refreshed after it. */
export const BULK_WRITE = 20;

/**
 * Refreshes the planner's statistics of the index tables and their visibility map, after a bulk write
 * (outside its transaction). PGlite has no autovacuum, so without this a freshly imported index keeps the
 * empty-table estimates and the search's typo lookup scans the whole vocabulary for every query (about
 * eight times slower at 125 articles, worse as the corpus grows); and a search reads the postings of its
 * terms from their index alone only where the table's pages are known all-visible, which VACUUM records
 * (at 10,000 articles, fetching each posting's row instead cost most of a search). On PostgreSQL it
 * spares waiting for autovacuum.
 * @example if (touched.length >= BULK_WRITE) await refreshStatistics(db);
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) kb_articles, kb_postings, kb_vocab`);
}

/**
 * Removes articles from the index (in the caller's transaction).
 * @example await unindexArticles(tx, workspaceId, [id]);
 */
export async function unindexArticles(tx: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  const idList = sql`(select (x #>> '{}')::uuid from json_array_elements(${list}::json) as x)`;
  await tx.execute(sql`
    update kb_vocab v set df = v.df - o.n
    from (select language, term, count(distinct article_id)::int as n from kb_postings
          where workspace_id = ${workspaceId} and article_id in ${idList} group by language, term) o
    where v.workspace_id = ${workspaceId} and v.language = o.language and v.term = o.term`);
  await tx.execute(
    sql`delete from kb_postings where workspace_id = ${workspaceId} and article_id in ${idList}`,
  );
  await tx.execute(sql`delete from kb_vocab where workspace_id = ${workspaceId} and df <= 0`);
}

/**
 * The stems of some words in a language, as the index computes them (a word can be a stop word: no stem).
 * @example await stemsOf(db, 'es', ['sábanas', 'lavado']) // Map { 'sábanas' => ['saban'], 'lavado' => ['lav'] }
 */
export async function stemsOf(
  db: Db,
  language: 'es' | 'en',
  words: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (words.length === 0) return out;
  const rows = await queryRows<{ word: string; stems: string[] | null }>(
    db,
    sql`select w.word, tsvector_to_array(to_tsvector(${configOf(sql`${language}::text`)}, public.atiende_fold(w.word))) as stems
        from json_array_elements_text(${JSON.stringify(words)}::json) as w(word)`,
  );
  for (const r of rows) out.set(r.word, r.stems ?? []);
  return out;
}
