/**
 * `npm run bench -- knowledge [--full] [--json] [--only=<engine>-<articles>]`: knowledge-base search.
 *
 * Quality on the dev sets in ../shared/data/knowledge/ (StackFAQ English, tourism Spanish), through the
 * product's own import, learning and search path, for each method: plain BM25 over title and body (the
 * baseline, in the same run), the product's BM25F (fields, phrasings, synonyms, typo tolerance), and BM25F
 * with learning, measured by two-fold cross-validation (learn from half of each article's dev queries,
 * evaluate on the other half, both ways), so no query is ever evaluated after being learned, and for the
 * product's ranking also by three folds (learn two thirds, evaluate the rest: closer to a workspace that
 * learned every dev query and meets new wordings); learning both
 * as the product ranks (learned matches weighed by how much of the query they cover, the best candidates
 * fused with the trigram similarity of the query to their titles, learned word translations), without that
 * fusion, without the learned word translations, and without the default thesaurus (BM25F is also measured without it, with no learning). Plain BM25 and
 * BM25F share one loaded workspace (their parameters belong to the search, not the index); each fold loads
 * its own.
 *
 * Latency at 1,000 articles recombined from the two sets' titles and sentences (--full adds 10,000): p50/p95
 * of the ranking alone and of the whole search (ranking, passages and highlighting, and the search's own
 * log row), and of the peer measured in the same run on the same articles: PostgreSQL's own full-text
 * search, ts_rank over a GIN-indexed tsvector of title and body matching any of the query's words. The
 * default run measures one engine, PostgreSQL when DATABASE_URL is set (a fresh database created and
 * dropped here) and PGlite otherwise; --full measures both. The import refreshes the planner's statistics
 * and visibility map itself, as it does for any bulk import. On the same recombined articles, the sampled
 * queries' MRR@10 counting an article as relevant when it was recombined from a relevant one
 * (`*_seed_mrr10`), for the product's ranking and for the same ranking reading every posting of every term
 * (`*_seed_mrr10_all_postings`): what reading only the most telling postings costs or gains where it cuts.
 *
 * `--only=pglite-10000` (or `postgres-1000`, …: an engine, `pglite` or `postgres` with DATABASE_URL set, and
 * a size) measures that latency alone, without the quality figures: a quick check of one engine and size.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { createArticleService } from '../src/modules/knowledge/articles-service.ts';
import { createContext } from '../src/modules/knowledge/context.ts';
import { evaluate, learnFrom, loadEvalArticles } from '../src/modules/knowledge/eval.ts';
import { configOf } from '../src/modules/knowledge/index-sql.ts';
import {
  type ArticleLine,
  parseArticles,
  parseQueries,
  type QueryLine,
} from '../src/modules/knowledge/jsonl.ts';
import { createLearningService } from '../src/modules/knowledge/learning-service.ts';
import type { EvalSummary } from '../src/modules/knowledge/metrics.ts';
import { BM25F, PLAIN_BM25, type RankingParams } from '../src/modules/knowledge/ranking.ts';
import { createSearchService, FILTERS } from '../src/modules/knowledge/search-service.ts';
import { type CorpusStats, rankArticles } from '../src/modules/knowledge/search-sql.ts';
import { withoutStopWords } from '../src/modules/knowledge/stop-words.ts';
import { createWorkspaceService } from '../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../src/platform/clock.ts';
import { type Database, openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLocalBus } from '../src/platform/events/bus.ts';
import { createUnitOfWork } from '../src/platform/events/unit-of-work.ts';
import { openScratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'knowledge');
const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');

function services(database: Database, params: RankingParams) {
  const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
  const base = { db: database.db, uow, clock: systemClock, newId };
  const ctx = createContext(base);
  return {
    workspaces: createWorkspaceService(base),
    eval: {
      ctx,
      articles: createArticleService(ctx),
      learning: createLearningService(ctx),
      search: createSearchService(ctx, params),
    },
  };
}

let counter = 0;
async function workspace(database: Database, params: RankingParams) {
  const s = services(database, params);
  const ws = await s.workspaces.create({
    slug: `kb-bench-${process.pid}-${++counter}`,
    name: 'Bench',
    timeZone: 'UTC',
    defaultLanguage: 'en',
    defaultCountry: 'CO',
  });
  return { ...s, id: ws.id };
}

/**
 * The methods measured with learning, each by two-fold cross-validation: the product's (`bm25f_learned`),
 * and the alternatives it is compared with, in the same run.
 */
const LEARNING_METHODS: Record<string, RankingParams> = {
  bm25f_learned: BM25F,
  bm25f_learned_no_fusion: { ...BM25F, trigramWeight: 0 },
  bm25f_learned_no_thesaurus: { ...BM25F, thesaurusWeight: 0 },
  bm25f_learned_no_translation: { ...BM25F, translationWeight: 0 },
};

/** The `k` folds of a query set: each article's queries dealt in turn. */
function folds(queries: QueryLine[], k: number): QueryLine[][] {
  const seen = new Map<string, number>();
  const out: QueryLine[][] = Array.from({ length: k }, () => []);
  for (const q of queries) {
    const n = seen.get(q.relevant[0]!) ?? 0;
    seen.set(q.relevant[0]!, n + 1);
    out[n % k]!.push(q);
  }
  return out;
}

/**
 * Plain BM25 and BM25F (with and without the default thesaurus) on one loaded workspace: ranking
 * parameters are the search's, not the index's.
 */
async function withoutLearning(
  database: Database,
  articles: ArticleLine[],
  queries: QueryLine[],
): Promise<{ bm25: EvalSummary; bm25f: EvalSummary; bm25fNoThesaurus: EvalSummary }> {
  const w = await workspace(database, BM25F);
  const ids = await loadEvalArticles(w.eval, w.id, articles);
  const plain = { ...w.eval, search: createSearchService(w.eval.ctx, PLAIN_BM25) };
  const bare = { ...w.eval, search: createSearchService(w.eval.ctx, { ...BM25F, thesaurusWeight: 0 }) };
  return {
    bm25: await evaluate(plain, w.id, ids, queries),
    bm25f: await evaluate(w.eval, w.id, ids, queries),
    bm25fNoThesaurus: await evaluate(bare, w.id, ids, queries),
  };
}

/**
 * BM25F with learning, by `k`-fold cross-validation: each fold is evaluated after learning all the
 * others (two folds learn half of each article's queries, three folds two thirds).
 */
async function withLearning(
  database: Database,
  articles: ArticleLine[],
  queries: QueryLine[],
  params: RankingParams,
  k = 2,
): Promise<EvalSummary> {
  const parts = folds(queries, k);
  const runs: EvalSummary[] = [];
  for (const [i, test] of parts.entries()) {
    const w = await workspace(database, params);
    const ids = await loadEvalArticles(w.eval, w.id, articles);
    await learnFrom(w.eval, w.id, ids, parts.filter((_, j) => j !== i).flat());
    runs.push(await evaluate(w.eval, w.id, ids, test));
  }
  const n = runs.reduce((sum, r) => sum + r.queries, 0);
  const avg = (key: 'mrr_at_10' | 'hit_at_1' | 'hit_at_3') =>
    Math.round((runs.reduce((sum, r) => sum + r[key] * r.queries, 0) / n) * 1000) / 1000;
  return {
    queries: n,
    mrr_at_10: avg('mrr_at_10'),
    hit_at_1: avg('hit_at_1'),
    hit_at_3: avg('hit_at_3'),
    p95_ms: Math.max(...runs.map((r) => r.p95_ms)),
  };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` articles recombined from the real ones' titles and sentences (same languages and vocabulary). */
function synthetic(base: ArticleLine[], n: number): ArticleLine[] {
  const random = prng(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const sentences = new Map<string, string[]>();
  for (const a of base)
    sentences.set(a.language, [...(sentences.get(a.language) ?? []), ...a.body.split(/(?<=[.!?])\s+/)]);
  return Array.from({ length: n }, (_, i) => {
    const seed = pick(base);
    const pool = sentences.get(seed.language)!;
    const body = Array.from({ length: 4 + Math.floor(random() * 8) }, () => pick(pool)).join(' ');
    return { id: `syn-${i}`, language: seed.language, title: `${seed.title} (${i})`, body };
  });
}

/** PostgreSQL's own full-text search over the same articles: the peer of the product's ranking. */
async function createPeer(database: Database, articles: ArticleLine[]) {
  const { db } = database;
  await db.execute(sql`drop table if exists kb_bench_fts`);
  await db.execute(
    sql`create table kb_bench_fts (id text primary key, language text not null, tsv tsvector not null)`,
  );
  const config = (lang: SQL) => configOf(lang);
  for (let i = 0; i < articles.length; i += 1_000) {
    const rows = JSON.stringify(articles.slice(i, i + 1_000));
    await db.execute(sql`
      insert into kb_bench_fts (id, language, tsv)
      select a.id, a.language,
        setweight(to_tsvector(${config(sql`a.language`)}, public.atiende_fold(a.title)), 'A') ||
        to_tsvector(${config(sql`a.language`)}, public.atiende_fold(a.body))
      from json_to_recordset(${rows}::json) as a(id text, language text, title text, body text)`);
  }
  await db.execute(sql`create index kb_bench_fts_tsv on kb_bench_fts using gin (tsv)`);
  await db.execute(sql`vacuum (analyze) kb_bench_fts`);
  /** The ten best by ts_rank of the articles matching any of the query's words, as a search would ask. */
  return async (query: string, language: 'es' | 'en') => {
    const q = sql`replace(plainto_tsquery(${config(sql`${language}::text`)}, public.atiende_fold(${query}))::text, '&', '|')::tsquery`;
    await db.execute(sql`
      select id, ts_rank(tsv, x.q) as rank, count(*) over () as total
      from kb_bench_fts, (select ${q} as q) x
      where language = ${language} and tsv @@ x.q order by rank desc limit 10`);
  };
}

/**
 * p50/p95 at `n` articles of the product's ranking alone, its whole search (ranking, passages and
 * highlighting, and the search's log row), and the peer, each query timed on the three in turn.
 */
async function latency(
  database: Database,
  base: ArticleLine[],
  queries: QueryLine[],
  n: number,
  progress: (m: string) => void,
) {
  const w = await workspace(database, BM25F);
  progress(`  loading ${n.toLocaleString('en-US')} articles`);
  const started = performance.now();
  const corpus = synthetic(base, n);
  const ids = await loadEvalArticles(w.eval, w.id, corpus);
  const peer = await createPeer(database, corpus);
  progress(`  loaded in ${Math.round((performance.now() - started) / 100) / 10} s`);
  const times = { rank: [] as number[], search: [] as number[], peer: [] as number[] };
  const sample = queries.filter((_, i) => i % 6 === 0).slice(0, 120);
  const run = async (q: QueryLine, keep: boolean) => {
    const filter = { languages: [q.language], ...FILTERS.public };
    const { stats } = await w.eval.ctx.searchContext(w.id);
    const texts = { es: withoutStopWords(q.query, 'es'), en: withoutStopWords(q.query, 'en') };
    let t = performance.now();
    await rankArticles(database.db, w.id, {
      texts,
      expansions: '',
      filter,
      stats,
      params: BM25F,
      limit: 10,
    });
    if (keep) times.rank.push(performance.now() - t);
    t = performance.now();
    await w.eval.search.search(w.id, {
      query: q.query,
      language: q.language,
      audience: 'public',
      source: 'api',
    });
    if (keep) times.search.push(performance.now() - t);
    t = performance.now();
    await peer(q.query, q.language);
    if (keep) times.peer.push(performance.now() - t);
  };
  // Warm-up: queries outside the sample, five of each language, so that what a process does once (reading
  // a language's thesaurus, planning the statements) is not counted as a search's time.
  const warmUp = (['en', 'es'] as const).flatMap((language) =>
    queries.filter((q, i) => i % 6 === 3 && q.language === language).slice(0, 5),
  );
  for (const q of warmUp) await run(q, false);
  for (const q of sample) await run(q, true);
  await database.db.execute(sql`drop table kb_bench_fts`);
  const quality = await seedQuality(
    database,
    w.id,
    corpus,
    ids,
    base,
    sample,
    await w.eval.ctx.searchContext(w.id),
  );
  const at = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  };
  return {
    ...(Object.fromEntries(
      Object.entries(times).flatMap(([k, v]) => [
        [`${k}_p50`, at(v, 0.5)],
        [`${k}_p95`, at(v, 0.95)],
      ]),
    ) as Record<`${keyof typeof times}_${'p50' | 'p95'}`, number>),
    ...quality,
  };
}

/**
 * Ranking quality on a recombined corpus, as a check that reading only the most telling postings of
 * common terms (`termDepth`) does not cost quality where it cuts: MRR@10 of the sample queries, an
 * article counting as relevant when it was recombined from a relevant article (same title), for the
 * product's ranking and for the same ranking reading every posting.
 */
async function seedQuality(
  database: Database,
  workspaceId: string,
  corpus: ArticleLine[],
  ids: Map<string, string>,
  base: ArticleLine[],
  queries: QueryLine[],
  { stats }: { stats: CorpusStats[] },
) {
  const seedOf = new Map(corpus.map((a) => [ids.get(a.id), a.title.replace(/ \(\d+\)$/, '')]));
  const titleOf = new Map(base.map((a) => [a.id, a.title]));
  const mrr = async (params: RankingParams) => {
    let sum = 0;
    for (const q of queries) {
      const relevant = new Set(q.relevant.map((r) => titleOf.get(r)));
      const found = await rankArticles(database.db, workspaceId, {
        texts: { es: withoutStopWords(q.query, 'es'), en: withoutStopWords(q.query, 'en') },
        expansions: '',
        filter: { languages: [q.language], ...FILTERS.public },
        stats,
        params,
        limit: 10,
      });
      const at = found.findIndex((f) => relevant.has(seedOf.get(f.id)));
      if (at >= 0) sum += 1 / (at + 1);
    }
    return Math.round((sum / queries.length) * 1000) / 1000;
  };
  return { seed_mrr10: await mrr(BM25F), seed_mrr10_all_postings: await mrr({ ...BM25F, termDepth: 0 }) };
}

/** `--only=<engine>-<articles>`: the one engine and size to measure, or null for the whole run. */
function onlyOption(): { engine: string; size: number } | null {
  const given = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!given) return null;
  const match = /^(pglite|postgres)-(\d+)$/.exec(given);
  if (!match)
    throw new Error(`--only takes <pglite|postgres>-<articles>, e.g. --only=pglite-10000 (got ${given})`);
  return { engine: match[1]!, size: Number(match[2]) };
}

const bench: Bench = async ({ full, progress }) => {
  const began = performance.now();
  const only = onlyOption();
  const sets = [
    { key: 'en', articles: 'stackfaq-articles.jsonl', queries: 'stackfaq-queries-dev.jsonl' },
    { key: 'es', articles: 'turismo-articles.jsonl', queries: 'turismo-queries-dev.jsonl' },
  ];
  const figures: Record<string, number> = {};
  const peer: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  const context: Record<string, string | number> = {};
  const sizes = only ? [only.size] : full ? [1_000, 10_000] : [1_000];
  const serverUrl = process.env.DATABASE_URL;
  const lite = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(lite);
  const all: ArticleLine[] = [];
  const allQueries: QueryLine[] = [];
  const measure = async (engine: string, database: Database) => {
    for (const n of sizes) {
      progress(`latency on ${engine} at ${n} articles`);
      const l = await latency(database, all, allQueries, n, progress);
      figures[`${engine}_${n}_rank_p50_ms`] = l.rank_p50;
      figures[`${engine}_${n}_rank_p95_ms`] = l.rank_p95;
      figures[`${engine}_${n}_search_p50_ms`] = l.search_p50;
      figures[`${engine}_${n}_search_p95_ms`] = l.search_p95;
      peer[`${engine}_${n}_ts_rank_p50_ms`] = l.peer_p50;
      peer[`${engine}_${n}_ts_rank_p95_ms`] = l.peer_p95;
      ratios[`${engine}_${n}_rank_p95`] = Math.round((l.rank_p95 / l.peer_p95) * 100) / 100;
      figures[`${engine}_${n}_seed_mrr10`] = l.seed_mrr10;
      figures[`${engine}_${n}_seed_mrr10_all_postings`] = l.seed_mrr10_all_postings;
    }
  };
  try {
    for (const set of sets) {
      const articles = parseArticles(read(set.articles)).items.map((i) => i.value);
      const queries = parseQueries(read(set.queries)).items.map((i) => i.value);
      all.push(...articles);
      allQueries.push(...queries);
      if (only) continue;
      progress(`quality ${set.key}: plain BM25 and BM25F`);
      const { bm25, bm25f, bm25fNoThesaurus } = await withoutLearning(lite, articles, queries);
      peer[`${set.key}_bm25_mrr10`] = bm25.mrr_at_10;
      peer[`${set.key}_bm25_hit1`] = bm25.hit_at_1;
      peer[`${set.key}_bm25_hit3`] = bm25.hit_at_3;
      const put = (name: string, r: EvalSummary) => {
        figures[`${set.key}_${name}_mrr10`] = r.mrr_at_10;
        figures[`${set.key}_${name}_hit1`] = r.hit_at_1;
        figures[`${set.key}_${name}_hit3`] = r.hit_at_3;
      };
      put('bm25f', bm25f);
      put('bm25f_no_thesaurus', bm25fNoThesaurus);
      let learned: EvalSummary | undefined;
      for (const [name, params] of Object.entries(LEARNING_METHODS)) {
        progress(`quality ${set.key}: ${name} (two folds)`);
        const r = await withLearning(lite, articles, queries, params);
        put(name, r);
        if (name === 'bm25f_learned') learned = r;
      }
      progress(`quality ${set.key}: bm25f_learned (three folds)`);
      put('bm25f_learned_3fold', await withLearning(lite, articles, queries, BM25F, 3));
      ratios[`${set.key}_bm25f_mrr10`] = Math.round((bm25f.mrr_at_10 / bm25.mrr_at_10) * 100) / 100;
      ratios[`${set.key}_learned_mrr10`] = Math.round((learned!.mrr_at_10 / bm25.mrr_at_10) * 100) / 100;
    }
    // The default run measures latency on one engine (PostgreSQL when DATABASE_URL is set); --full on both.
    if (only ? only.engine === 'pglite' : full || !serverUrl) await measure('pglite', lite);
  } finally {
    await lite.close();
  }
  if (only?.engine === 'postgres' && !serverUrl) throw new Error('--only=postgres-… needs DATABASE_URL');
  if (serverUrl && (!only || only.engine === 'postgres')) {
    const server = await openScratchDatabase(serverUrl, 'knowledge');
    try {
      await measure('postgres', server.database);
    } finally {
      await server.close();
    }
  } else if (!serverUrl) context.postgres = 'skipped (set DATABASE_URL to measure PostgreSQL)';
  context.run_seconds = Math.round((performance.now() - began) / 1000);
  context.learning =
    'two-fold cross-validation over each set’s dev queries (bm25f_learned_3fold: three folds, learning two thirds)';
  context.articles = 'latency corpora recombine the sets’ titles and sentences';
  context.peer = 'ts_rank over a GIN-indexed tsvector of title (weight A) and body, any of the query’s words';
  return { name: 'knowledge', figures, peer, ratios, context };
};

export default bench;
