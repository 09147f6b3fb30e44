/**
 * Learning from use. When a searcher marks an article helpful, or an agent inserts a suggested answer, the
 * query is recorded against the article and becomes part of its "learned queries" field at once, so the
 * next person who asks that way finds it. Queries that recur become proposed phrasings an editor accepts
 * (into the article) or dismisses (out of the index). Also: questions that found nothing, and deflection
 * metrics for the help center.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { Context } from './context.ts';
import { BULK_WRITE, refreshStatistics } from './index-sql.ts';
import { kbActivity, kbArticles, kbPhrasingReviews } from './schema.ts';
import { loadArticle, reindex } from './store.ts';
import { cleanQuery, queryKey } from './text.ts';

export type ActivityKind = 'view' | 'helpful' | 'not_helpful' | 'inserted' | 'contact';
export type ActivitySource = 'help_center' | 'agent' | 'widget' | 'api' | 'import';

export interface ActivityInput {
  kind: ActivityKind;
  source: ActivitySource;
  articleId?: string;
  /** What the searcher had typed before picking the article. */
  query?: string;
  language?: 'es' | 'en';
}

/** How many times a query must lead to an article before it is proposed as a phrasing. */
export const PROPOSE_AFTER = 2;

export function createLearningService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;

  /**
   * Records what a searcher or agent did; a helpful vote or an inserted answer with a query teaches the
   * ranking at once (the article is re-indexed in the same transaction).
   * @example await learning.record(ws, { kind: 'inserted', source: 'agent', articleId, query: 'lavar sábanas' })
   */
  async function record(workspaceId: string, input: ActivityInput): Promise<void> {
    const q = input.query ? cleanQuery(input.query) : '';
    await uow.run(async (tx) => {
      if (input.articleId) await loadArticle(tx, workspaceId, input.articleId);
      await scoped(tx, workspaceId).insert(kbActivity, {
        id: newId(),
        at: clock.now(),
        kind: input.kind,
        source: input.source,
        query: q || null,
        queryKey: q ? queryKey(q) : null,
        language: input.language ?? null,
        articleId: input.articleId ?? null,
        results: null,
      });
      if (q && input.articleId && (input.kind === 'helpful' || input.kind === 'inserted'))
        await reindex(tx, workspaceId, [input.articleId]);
    });
    ctx.forget(workspaceId);
  }

  /**
   * Teaches many (query, article) pairs in one transaction, as if searchers had picked each article:
   * what `kb eval --learn-from` and bulk imports of search logs use.
   */
  async function learnMany(
    workspaceId: string,
    pairs: { query: string; articleId: string }[],
    source: ActivitySource,
  ) {
    await uow.run(async (tx) => {
      const rows = pairs
        .map((p) => ({ ...p, q: cleanQuery(p.query) }))
        .filter((p) => p.q)
        .map((p) => ({
          id: newId(),
          at: clock.now(),
          kind: 'helpful' as const,
          source,
          query: p.q,
          queryKey: queryKey(p.q),
          language: null,
          articleId: p.articleId,
          results: null,
        }));
      for (let i = 0; i < rows.length; i += 500)
        await scoped(tx, workspaceId).insertMany(kbActivity, rows.slice(i, i + 500));
      await reindex(tx, workspaceId, [...new Set(rows.map((r) => r.articleId))]);
    });
    ctx.forget(workspaceId);
    if (pairs.length >= BULK_WRITE) await refreshStatistics(db);
  }

  /** Recurring queries that led to an article and are not yet one of its phrasings nor reviewed. */
  async function proposals(workspaceId: string) {
    const rows = await queryRows<{
      article_id: string;
      title: string;
      query: string;
      query_key: string;
      n: number;
    }>(
      db,
      sql`select a.article_id, k.title, min(a.query) as query, a.query_key, count(*)::int as n
          from kb_activity a join kb_articles k on k.id = a.article_id and k.workspace_id = a.workspace_id
          where a.workspace_id = ${workspaceId} and a.kind in ('helpful', 'inserted') and a.query_key <> ''
            and not exists (select 1 from kb_phrasing_reviews r where r.workspace_id = a.workspace_id
                            and r.article_id = a.article_id and r.query_key = a.query_key)
          group by a.article_id, k.title, k.phrasings, a.query_key
          having count(*) >= ${PROPOSE_AFTER}
          order by count(*) desc, a.query_key limit 200`,
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      title: r.title,
      query: r.query,
      queryKey: r.query_key,
      count: Number(r.n),
    }));
  }

  /**
   * An editor's decision on a proposed phrasing: accepted, it joins the article's phrasings (a new
   * version); dismissed, it stops counting for the article.
   */
  async function review(
    workspaceId: string,
    actorId: string | null,
    articleId: string,
    query: string,
    decision: 'accepted' | 'dismissed',
  ) {
    const key = queryKey(cleanQuery(query));
    await uow.run(async (tx, recordEvent) => {
      const article = await loadArticle(tx, workspaceId, articleId, true);
      await tx
        .insert(kbPhrasingReviews)
        .values({
          workspaceId,
          articleId,
          queryKey: key,
          decision,
          decidedBy: actorId,
          decidedAt: clock.now(),
        })
        .onConflictDoUpdate({
          target: [kbPhrasingReviews.workspaceId, kbPhrasingReviews.articleId, kbPhrasingReviews.queryKey],
          set: { decision, decidedBy: actorId, decidedAt: clock.now() },
        });
      if (decision === 'accepted' && !article.phrasings.some((p) => queryKey(p) === key)) {
        await tx
          .update(kbArticles)
          .set({
            phrasings: [...article.phrasings, cleanQuery(query)],
            updatedAt: clock.now(),
            updatedBy: actorId,
          })
          .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, articleId)));
      }
      await reindex(tx, workspaceId, [articleId]);
      await recordEvent({
        workspaceId,
        type: `knowledge.phrasing_${decision}`,
        subject: 'kb_article',
        subjectId: articleId,
        actorId,
        payload: { query: cleanQuery(query) },
      });
    });
    ctx.forget(workspaceId);
  }

  /** Questions that found nothing since a date, most asked first. */
  async function unanswered(workspaceId: string, since: Date) {
    const rows = await queryRows<{ query: string; n: number; last: Date | string }>(
      db,
      sql`select min(query) as query, count(*)::int as n, max(at) as last from kb_activity
          where workspace_id = ${workspaceId} and kind = 'search' and results = 0 and at >= ${since.toISOString()}
          group by query_key order by count(*) desc, max(at) desc limit 200`,
    );
    return rows.map((r) => ({ query: r.query, count: Number(r.n), lastAt: new Date(r.last).toISOString() }));
  }

  /**
   * Deflection since a date: searches, article views, helpful and unhelpful votes, contacts that followed a
   * help-center visit, and the share of searches not followed by a contact.
   */
  async function deflection(workspaceId: string, since: Date) {
    const rows = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from kb_activity
          where workspace_id = ${workspaceId} and at >= ${since.toISOString()} and source <> 'import'
          group by kind`,
    );
    const n = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
    const searches = n('search');
    const contacts = n('contact');
    return {
      searches,
      views: n('view'),
      helpful: n('helpful'),
      notHelpful: n('not_helpful'),
      inserted: n('inserted'),
      contacts,
      deflectionRate: searches > 0 ? Math.max(0, Math.round((1 - contacts / searches) * 1000) / 1000) : null,
    };
  }

  return { record, learnMany, proposals, review, unanswered, deflection };
}

export type LearningService = ReturnType<typeof createLearningService>;
