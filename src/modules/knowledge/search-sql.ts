/**
 * The search query: BM25F over the postings, in one SQL statement. Query words are stemmed and stop words
 * dropped by the same `to_tsvector` as the index; a word the vocabulary lacks is matched to its nearest
 * vocabulary terms by trigram similarity (pg_trgm); words brought in by synonyms count with a lower weight.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { queryRowsPrepared } from '../../platform/db/prepared.ts';
import { configOf } from './index-sql.ts';
import { FIELD, type FieldName, type RankingParams } from './ranking.ts';
import { float, floats, num } from './sql-numbers.ts';
import { translationTerms } from './translation-sql.ts';

export interface CorpusStats {
  language: 'es' | 'en';
  /** Articles in the language (all statuses: document frequencies count them all). */
  n: number;
  /** Average indexed length of each field, in `FIELD` order. */
  avg: number[];
}

export interface SearchFilter {
  languages: ('es' | 'en')[];
  statuses: ('draft' | 'published' | 'archived')[];
  visibilities: ('public' | 'agents' | 'partners')[];
}

export interface RankedArticle {
  id: string;
  score: number;
  /**
   * How many articles matched (the same on every row): all of them while no query term has more than
   * `termDepth` postings, else those the read postings found, a lower bound.
   */
  total: number;
}

/** Lowest trigram similarity for a vocabulary term to stand for a misspelt word. */
const FUZZY_MIN = 0.4;

/**
 * Average field lengths and counts per language, for BM25's length normalisation.
 * @example await corpusStats(db, workspaceId) // [{ language: 'es', n: 60, avg: [6, 0, 80, 0, 2] }]
 */
export async function corpusStats(db: Db, workspaceId: string): Promise<CorpusStats[]> {
  const rows = await queryRows<{ language: 'es' | 'en'; n: number; avg: number[] }>(
    db,
    sql`select language, count(*)::int as n,
          array[avg(field_lengths[1]), avg(field_lengths[2]), avg(field_lengths[3]), avg(field_lengths[4]),
                avg(field_lengths[5])]::float8[] as avg
        from kb_articles where workspace_id = ${workspaceId} group by language`,
  );
  return rows.map((r) => ({ language: r.language, n: Number(r.n), avg: r.avg.map(Number) }));
}

/** The ranking's inputs: a query and what it may find, scored with some parameters. */
export interface RankingInput {
  /** The query's text per language (each without that language's extra stop words). */
  texts: Record<'es' | 'en', string>;
  expansions: string;
  /** Words the default thesaurus brings in, per language (weighed by `thesaurusWeight`). */
  thesaurus?: Record<'es' | 'en', string>;
  filter: SearchFilter;
  stats: CorpusStats[];
  params: RankingParams;
  limit: number;
}

/** Whether a query can match anything at all: some word in a language searched. */
const searchable = ({ stats, filter, texts }: RankingInput) =>
  stats.some((s) => filter.languages.includes(s.language) && texts[s.language].trim() !== '');

/**
 * The best-scoring articles for a query, best first.
 * @example await rankArticles(db, ws, { texts: { es: 'lavar sábanas', en: 'lavar sábanas' }, expansions: '', filter, stats, params: BM25F, limit: 10 })
 */
export async function rankArticles(
  db: Db,
  workspaceId: string,
  input: RankingInput,
): Promise<RankedArticle[]> {
  if (!searchable(input)) return [];
  const rows = await queryRowsPrepared<{ id: string; score: number; total: number }>(
    db,
    sql`${ranking(workspaceId, input)}
    select id, score, (select count(*)::int from scored) as total from ranked order by score desc, id limit ${input.limit}`,
  );
  return rows.map((r) => ({ id: r.id, score: Number(r.score), total: Number(r.total) }));
}

/** The search's own row in the activity log (how many articles it found is filled in by the query). */
export interface SearchLogRow {
  id: string;
  at: Date;
  source: string;
  query: string;
  queryKey: string;
  language: string | null;
}

export interface FoundArticle extends RankedArticle {
  language: 'es' | 'en';
  title: string;
  body: string;
  category: string;
  /** The terms the query matched in the article's language (its stems, synonyms' and typos' terms). */
  terms: string[];
}

/**
 * The ranking with the shown articles' texts and, when `log` is given, the search's row in the activity
 * log, all in one statement: one round trip instead of three (rank, fetch, log). The log row's transaction
 * commits without waiting for its WAL to reach the disk (`synchronous_commit` off for it alone): a crash
 * may lose the last searches' rows, never anything else, and a search no longer waits for a disk flush.
 * So it runs in a transaction of its own, never inside a caller's.
 * @example await searchArticles(db, ws, input, { id, at, source: 'api', query: 'q', queryKey: 'q', language: 'es' })
 */
export async function searchArticles(
  db: Db,
  workspaceId: string,
  input: RankingInput,
  log: SearchLogRow | null,
): Promise<FoundArticle[]> {
  const insert = (results: SQL) =>
    log
      ? sql`insert into kb_activity (id, workspace_id, at, kind, source, query, query_key, language, results)
        select ${log.id}::uuid, ${workspaceId}::uuid, ${log.at.toISOString()}::timestamptz, 'search',
               ${log.source}, ${log.query}, ${log.queryKey}, ${log.language}, ${results}
        from (select set_config('synchronous_commit', 'off', true)) as relaxed`
      : undefined;
  if (!searchable(input)) {
    const nothing = insert(sql`0`);
    if (nothing) await db.execute(nothing);
    return [];
  }
  const logged = insert(sql`(select count(*)::int from scored)`);
  const rows = await queryRowsPrepared<{
    id: string;
    score: number;
    total: number;
    language: 'es' | 'en';
    title: string;
    body: string;
    category: string;
    terms: string[] | null;
  }>(
    db,
    sql`${ranking(workspaceId, input)},
    top as (select id, score, (select count(*)::int from scored) as total from ranked order by score desc, id limit ${input.limit})
    ${logged ? sql`, logged as (${logged} returning 1)` : sql``}
    select t.id, t.score, t.total, a.language, a.title, a.body, a.category,
           (select array_agg(x.term) from terms x where x.lang = a.language) as terms
    from top t join kb_articles a on a.workspace_id = ${workspaceId} and a.id = t.id
    order by t.score desc, t.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    score: Number(r.score),
    total: Number(r.total),
    language: r.language,
    title: r.title,
    body: r.body,
    category: r.category,
    terms: r.terms ?? [],
  }));
}

/**
 * The ranking's common table expressions: `scored` (every matching article's id and BM25F score) and
 * `ranked` (the same, or, with a trigram weight, the best `rerankDepth` of them with their BM25F score
 * scaled to the best one's plus the trigram similarity of the query to their title and phrasings).
 */
function ranking(workspaceId: string, input: RankingInput): SQL {
  const { texts, expansions, filter, params } = input;
  const wanted = input.stats.filter((s) => filter.languages.includes(s.language));
  const k1 = num(params.k1);
  const depth = Math.max(0, Math.round(params.termDepth));
  const learned = sql.raw(String(FIELD.learned));
  const prefixLength = sql.raw(String(Math.max(1, Math.round(params.prefixLength))));
  const fields = Object.keys(FIELD) as FieldName[];
  // Per field, in `FIELD` order: its weight, and BM25's length normalisation 1 - b + b * length / average,
  // as c0 + c1 * length with c1 per language. Arrays indexed by the posting's field: no join per posting.
  const weights = sql.raw(floats(fields.map((f) => params.weight[f])));
  const c0 = sql.raw(floats(fields.map((f) => 1 - params.b[f])));
  // c1 changes with the corpus: it is a value of the statement (in `stats`), not part of its text, so the
  // text stays the same and the statement stays prepared (`queryRowsPrepared`).
  const c1 = (avg: number[]) =>
    `{${fields.map((f) => float(params.b[f] / Math.max(avg[FIELD[f] - 1] ?? 0, 1)).replace('::float8', '')).join(',')}}`;
  const statsJson = JSON.stringify(wanted.map((s) => ({ lang: s.language, n: s.n, c1: c1(s.avg) })));
  const tfn = sql`${weights}[p.field] * p.tf / (${c0}[p.field] + t.c1[p.field] * p.field_length)`;
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  return sql`
    with stats as (
      -- The query's text per language, folded once for the terms and the trigram fusion.
      select s.lang, s.n::float8 as n, s.c1, public.atiende_fold(${JSON.stringify(texts)}::json ->> s.lang) as query
      from json_to_recordset(${statsJson}::json) as s(lang text, n int, c1 float8[])
    ),
    raw as (
      select s.lang, u.lexeme as term, 1.0::float8 as weight
      from stats s, unnest(to_tsvector(${configOf(sql`s.lang`)}, s.query)) u
      union all
      select s.lang, u.lexeme, ${num(params.synonymWeight)}::float8
      from stats s, unnest(to_tsvector(${configOf(sql`s.lang`)}, public.atiende_fold(${expansions}))) u
      union all
      select s.lang, u.lexeme, ${num(params.thesaurusWeight)}::float8
      from stats s, unnest(to_tsvector(${configOf(sql`s.lang`)}, public.atiende_fold(${JSON.stringify(input.thesaurus ?? {})}::json ->> s.lang))) u
    ),
    qt as (select lang, term, max(weight) as weight from raw where weight > 0 group by lang, term),
    known as materialized (
      select qt.lang, qt.term, qt.weight, v.df from qt cross join lateral (
        select v.df from kb_vocab v
        where v.workspace_id = ${workspaceId} and v.language = qt.lang and v.term = qt.term
        offset 0) v
    ),
    fuzzy as (
      select qt.lang, f.term, qt.weight * f.sim * ${num(params.fuzzyWeight)} as weight, f.df
      from qt cross join lateral (
        select v.term, v.df, similarity(v.term, qt.term) as sim from kb_vocab v
        where v.workspace_id = ${workspaceId} and v.language = qt.lang and v.term % qt.term
          and similarity(v.term, qt.term) >= ${num(FUZZY_MIN)}
        order by sim desc limit 2) f
      where ${num(params.fuzzyWeight)} > 0 and length(qt.term) >= 4
        and not exists (select 1 from known k where k.lang = qt.lang and k.term = qt.term)
    ),
    prefixed as (
      select qt.lang, v.term, qt.weight * ${num(params.prefixWeight)} as weight, v.df
      from qt cross join lateral (
        select v.term, v.df from kb_vocab v
        where v.workspace_id = ${workspaceId} and v.language = qt.lang
          and v.term >= left(qt.term, ${prefixLength}) and v.term < left(qt.term, ${prefixLength}) || 'zzzz'
          and left(v.term, ${prefixLength}) = left(qt.term, ${prefixLength}) and v.term <> qt.term
        order by v.df desc limit 3) v
      where ${num(params.prefixWeight)} > 0 and length(qt.term) >= ${prefixLength}
    ),
    ${translationTerms(workspaceId, params)},
    terms as materialized (
      select row_number() over ()::int as tid, t.lang, t.term, s.c1,
             max(t.weight) * ln(1 + (s.n - max(t.df) + 0.5::float8) / (max(t.df) + 0.5::float8)) as widf
      from (select * from known union all select * from fuzzy union all select * from prefixed
            union all select * from translated) t join stats s on s.lang = t.lang
      group by t.lang, t.term, s.n, s.c1
    ),
    tfs as materialized (
      select p.article_id, t.tid, max(t.widf) as widf, max(t.lang) as lang,
             coalesce(sum(${tfn}) filter (where p.field <> ${learned}), 0) as tft,
             coalesce(sum(${tfn}) filter (where p.field = ${learned}), 0) as tfl
      from terms t
      cross join lateral (
        select p.article_id, p.field, p.tf, p.field_length from kb_postings p
        where p.workspace_id = ${workspaceId} and p.language = t.lang and p.term = t.term
          and p.status in (${list(filter.statuses)}) and p.visibility in (${list(filter.visibilities)})
        -- "nulls last" as in the index, so the index gives this order and the scan stops at the limit.
        ${depth > 0 ? sql`order by p.impact desc nulls last limit ${sql.raw(String(depth))}` : sql``}) p
      group by p.article_id, t.tid
    ),
    query_weight as (select lang, sum(widf) as w from terms group by lang),
    covered as (
      select x.article_id, power(sum(x.widf) / max(q.w), ${num(params.learnedCoverage)}) as share
      from tfs x join query_weight q on q.lang = x.lang where x.tfl > 0 group by x.article_id
    ),
    weighed as (
      select x.article_id, x.widf, x.tft + x.tfl * coalesce(c.share, 0) as tfn
      from tfs x left join covered c on c.article_id = x.article_id
    ),
    -- Whether any read posting is a learned query's: when none is, every tfn is tft (tfl is 0, and
    -- tft + 0 * share is tft exactly), so the articles are scored straight from tfs, in the same order,
    -- without the coverage and its join. Only one of the two branches runs (each gated once).
    learned as (select exists (select 1 from tfs where tfl > 0) as found),
    scored as (
      select article_id as id,
             sum(widf * tft * (${k1} + 1) / (${k1} + tft)) as score
      from tfs where tft > 0 and not (select found from learned) group by article_id
      union all
      select article_id as id,
             sum(widf * tfn * (${k1} + 1) / (${k1} + tfn)) as score
      from weighed where tfn > 0 and (select found from learned) group by article_id
    ),
    ${
      params.trigramWeight > 0
        ? sql`candidates as (select id, score from scored order by score desc, id limit ${sql.raw(String(Math.max(1, Math.round(params.rerankDepth))))}),
    ranked as (
      select c.id, c.score / max(c.score) over () + ${num(params.trigramWeight)} * (
               select coalesce(max(similarity(s.query, public.atiende_fold(x))), 0)
               from unnest(array[a.title] || a.phrasings || ${
                 params.trigramLearned
                   ? sql`array(
                 select k.query from kb_activity k
                 where k.workspace_id = ${workspaceId} and k.article_id = c.id and k.kind in ('helpful', 'inserted')
                   and k.query_key <> '' and not exists (
                     select 1 from kb_phrasing_reviews r where r.workspace_id = k.workspace_id
                       and r.article_id = k.article_id and r.query_key = k.query_key and r.decision = 'dismissed'))`
                   : sql`'{}'::text[]`
               }) x
             ) as score
      from candidates c join kb_articles a on a.workspace_id = ${workspaceId} and a.id = c.id
      join stats s on s.lang = a.language
    )`
        : sql`ranked as (select id, score from scored)`
    }`;
}
