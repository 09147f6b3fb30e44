/**
 * Reading articles and keeping their index in step: the one place that turns an article's row into the
 * texts of its indexed fields (Markdown stripped, learned queries added).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { indexArticles } from './index-sql.ts';
import { kbArticles } from './schema.ts';
import { withoutStopWords } from './stop-words.ts';
import { markdownToText } from './text.ts';

export type Language = 'es' | 'en';
export type Visibility = 'public' | 'agents' | 'partners';
export type Status = 'draft' | 'published' | 'archived';

export interface Article {
  id: string;
  externalId: string | null;
  language: Language;
  translationGroup: string;
  title: string;
  body: string;
  category: string;
  tags: string[];
  phrasings: string[];
  related: string[];
  visibility: Visibility;
  status: Status;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export const articleColumns = {
  id: kbArticles.id,
  externalId: kbArticles.externalId,
  language: kbArticles.language,
  translationGroup: kbArticles.translationGroup,
  title: kbArticles.title,
  body: kbArticles.body,
  category: kbArticles.category,
  tags: kbArticles.tags,
  phrasings: kbArticles.phrasings,
  related: kbArticles.related,
  visibility: kbArticles.visibility,
  status: kbArticles.status,
  version: kbArticles.version,
  createdAt: kbArticles.createdAt,
  updatedAt: kbArticles.updatedAt,
  publishedAt: kbArticles.publishedAt,
};

/** An article, or a 404 (`lock` takes a row lock for an update). */
export async function loadArticle(db: Db, workspaceId: string, id: string, lock = false): Promise<Article> {
  const query = db
    .select(articleColumns)
    .from(kbArticles)
    .where(scoped(db, workspaceId).where(kbArticles, eq(kbArticles.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('knowledge.article_not_found', 404, 'Article not found');
  return row;
}

/** Articles by id, in no particular order; unknown ids are left out. */
export async function loadArticles(db: Db, workspaceId: string, ids: string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  return db
    .select(articleColumns)
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, workspaceId), inArray(kbArticles.id, ids)));
}

/** How often a query must have led to an article before it counts as learned (once is enough to rank). */
const MAX_REPEAT = 3;

/**
 * What searchers typed before picking each article (helpful votes and inserted suggestions), minus what
 * an editor dismissed; a query repeated counts more, up to three times.
 */
export async function learnedTexts(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ article_id: string; query: string; n: number }>(
    db,
    sql`select a.article_id, min(a.query) as query, count(*)::int as n from kb_activity a
        where a.workspace_id = ${workspaceId} and a.kind in ('helpful', 'inserted') and a.query_key <> ''
          and a.article_id in (select (x #>> '{}')::uuid from json_array_elements(${JSON.stringify(ids)}::json) x)
          and not exists (select 1 from kb_phrasing_reviews r where r.workspace_id = a.workspace_id
                          and r.article_id = a.article_id and r.query_key = a.query_key and r.decision = 'dismissed')
        group by a.article_id, a.query_key`,
  );
  for (const r of rows) {
    const text = Array.from({ length: Math.min(Number(r.n), MAX_REPEAT) }, () => r.query).join('\n');
    out.set(r.article_id, out.has(r.article_id) ? `${out.get(r.article_id)}\n${text}` : text);
  }
  return out;
}

/**
 * Rebuilds the index entries of some articles from their rows and learned queries (caller's transaction).
 * @example await reindex(tx, workspaceId, [article.id]);
 */
export async function reindex(tx: Db, workspaceId: string, ids: string[]): Promise<void> {
  const articles = await loadArticles(tx, workspaceId, ids);
  const learned = await learnedTexts(tx, workspaceId, ids);
  await indexArticles(
    tx,
    workspaceId,
    articles.map((a) => ({
      id: a.id,
      language: a.language,
      status: a.status,
      visibility: a.visibility,
      fields: [
        a.title,
        a.phrasings.join('\n'),
        markdownToText(a.body),
        withoutStopWords(learned.get(a.id) ?? '', a.language),
        [...a.tags, ...a.category.split('/')].join('\n'),
      ],
    })),
  );
}
