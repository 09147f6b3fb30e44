/**
 * `kb eval`: loads articles into a workspace, optionally teaches it training queries through the learning
 * path (as if searchers had picked the relevant article), then runs every query through the product's own
 * search and measures MRR@10, hit@1, hit@3 and p95 latency. Nothing is special-cased for evaluation.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/connect.ts';
import type { ArticleService } from './articles-service.ts';
import type { Context } from './context.ts';
import type { ArticleLine, QueryLine } from './jsonl.ts';
import type { LearningService } from './learning-service.ts';
import { type EvalSummary, firstRelevant, summarise } from './metrics.ts';
import type { SearchService } from './search-service.ts';

export interface EvalServices {
  ctx: Context;
  articles: ArticleService;
  learning: LearningService;
  search: SearchService;
}

/** Imports articles as published public ones, in batches; returns external id → article id. */
export async function loadEvalArticles(
  services: EvalServices,
  workspaceId: string,
  articles: ArticleLine[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, string>> {
  const BATCH = 200;
  for (let i = 0; i < articles.length; i += BATCH) {
    await services.articles.upsertMany(
      workspaceId,
      null,
      articles
        .slice(i, i + BATCH)
        .map((a) => ({ ...a, externalId: a.id, status: 'published', visibility: 'public' })),
    );
    onProgress?.(Math.min(i + BATCH, articles.length), articles.length);
  }
  const rows = await queryRows<{ id: string; external_id: string }>(
    services.ctx.db,
    sql`select id, external_id from kb_articles where workspace_id = ${workspaceId} and external_id is not null`,
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** Feeds training queries through the learning path; a query naming several articles teaches each. */
export async function learnFrom(
  services: EvalServices,
  workspaceId: string,
  ids: Map<string, string>,
  training: QueryLine[],
): Promise<void> {
  const pairs = training.flatMap((q) =>
    q.relevant.flatMap((r) => {
      const articleId = ids.get(r);
      return articleId ? [{ query: q.query, articleId }] : [];
    }),
  );
  await services.learning.learnMany(workspaceId, pairs, 'import');
}

/**
 * Runs the queries and measures them.
 * @example const summary = await evaluate(services, ws, ids, queries) // { queries, mrr_at_10, … }
 */
export async function evaluate(
  services: EvalServices,
  workspaceId: string,
  ids: Map<string, string>,
  queries: QueryLine[],
): Promise<EvalSummary> {
  const external = new Map([...ids].map(([e, id]) => [id, e]));
  const results: { rank: number | null; ms: number }[] = [];
  for (const q of queries) {
    const started = performance.now();
    const found = await services.search.search(workspaceId, {
      query: q.query,
      language: q.language,
      audience: 'public',
      source: 'api',
      limit: 10,
      // Evaluation queries are not searchers: they stay out of the activity log and its reports.
      record: false,
    });
    const ms = performance.now() - started;
    results.push({
      rank: firstRelevant(
        found.hits.map((h) => external.get(h.id) ?? ''),
        q.relevant,
      ),
      ms,
    });
  }
  return summarise(results);
}
