/**
 * Writing articles: create, edit (each save is a new version with who changed what), publish, archive,
 * and bulk upsert for imports. Every write re-indexes the article in the same transaction and records an
 * event, so the audit trail shows who published what.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { BULK_WRITE, refreshStatistics, unindexArticles } from './index-sql.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';
import {
  type Article,
  articleColumns,
  type Language,
  loadArticle,
  reindex,
  type Status,
  type Visibility,
} from './store.ts';

export interface ArticleInput {
  language: Language;
  title: string;
  body: string;
  category?: string;
  tags?: string[];
  phrasings?: string[];
  related?: string[];
  visibility?: Visibility;
  status?: Status;
  externalId?: string | null;
  /** Another article this one translates: they share its translation group. */
  translationOf?: string;
}

export type ArticleChanges = Partial<Omit<ArticleInput, 'language' | 'translationOf' | 'externalId'>> & {
  note?: string;
};

export interface ListFilter {
  language?: Language;
  status?: Status;
  category?: string;
  q?: string;
}

const clean = (list: string[] | undefined) => [...new Set((list ?? []).map((t) => t.trim()).filter(Boolean))];
const cleanCategory = (c: string | undefined) =>
  (c ?? '')
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' / ');

export function createArticleService(ctx: Context) {
  const { uow, clock, newId, db } = ctx;

  const versionOf = (a: Article, actorId: string | null, note: string) => ({
    articleId: a.id,
    version: a.version,
    title: a.title,
    body: a.body,
    category: a.category,
    tags: a.tags,
    phrasings: a.phrasings,
    visibility: a.visibility,
    status: a.status,
    changedBy: actorId,
    changedAt: clock.now(),
    note,
  });

  async function writeVersion(tx: Db, workspaceId: string, a: Article, actorId: string | null, note: string) {
    await scoped(tx, workspaceId).insert(kbArticleVersions, versionOf(a, actorId, note));
  }

  async function checkRelated(tx: Db, workspaceId: string, ids: string[]) {
    if (ids.length === 0) return;
    const found = await tx
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(scoped(tx, workspaceId).where(kbArticles, inArray(kbArticles.id, ids)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0)
      throw new AppError('knowledge.related_not_found', 400, 'Some related articles do not exist', {
        missing,
      });
  }

  /** A new article's row, its translation group and related articles checked (nothing written). */
  async function newRow(tx: Db, workspaceId: string, actorId: string | null, input: ArticleInput) {
    const id = newId();
    const now = clock.now();
    let group = id;
    if (input.translationOf)
      group = (await loadArticle(tx, workspaceId, input.translationOf)).translationGroup;
    const status = input.status ?? 'draft';
    const related = clean(input.related);
    await checkRelated(tx, workspaceId, related);
    return {
      id,
      externalId: input.externalId ?? null,
      language: input.language,
      translationGroup: group,
      title: input.title.trim(),
      body: input.body,
      category: cleanCategory(input.category),
      tags: clean(input.tags),
      phrasings: clean(input.phrasings),
      related,
      visibility: input.visibility ?? 'public',
      status,
      version: 1,
      createdBy: actorId,
      updatedBy: actorId,
      createdAt: now,
      updatedAt: now,
      publishedAt: status === 'published' ? now : null,
    };
  }

  /** Inserts new articles and their first versions in the caller's transaction (no index, no event). */
  async function insertRows(
    tx: Db,
    workspaceId: string,
    actorId: string | null,
    rows: Awaited<ReturnType<typeof newRow>>[],
  ): Promise<Article[]> {
    await scoped(tx, workspaceId).insertMany(kbArticles, rows);
    await scoped(tx, workspaceId).insertMany(
      kbArticleVersions,
      rows.map((r) => versionOf(r, actorId, 'created')),
    );
    return rows;
  }

  /** Inserts one article in the caller's transaction (no index, no event: callers do both). */
  async function insert(tx: Db, workspaceId: string, actorId: string | null, input: ArticleInput) {
    const [article] = await insertRows(tx, workspaceId, actorId, [
      await newRow(tx, workspaceId, actorId, input),
    ]);
    return article!;
  }

  async function change(
    tx: Db,
    workspaceId: string,
    actorId: string | null,
    current: Article,
    changes: ArticleChanges,
  ): Promise<Article> {
    const now = clock.now();
    const related = changes.related !== undefined ? clean(changes.related) : current.related;
    if (changes.related !== undefined) await checkRelated(tx, workspaceId, related);
    const status = changes.status ?? current.status;
    const next: Article = {
      ...current,
      title: changes.title !== undefined ? changes.title.trim() : current.title,
      body: changes.body ?? current.body,
      category: changes.category !== undefined ? cleanCategory(changes.category) : current.category,
      tags: changes.tags !== undefined ? clean(changes.tags) : current.tags,
      phrasings: changes.phrasings !== undefined ? clean(changes.phrasings) : current.phrasings,
      related,
      visibility: changes.visibility ?? current.visibility,
      status,
      version: current.version + 1,
      updatedAt: now,
      publishedAt: status === 'published' && current.status !== 'published' ? now : current.publishedAt,
    };
    const { id: _id, createdAt: _c, externalId: _e, translationGroup: _g, language: _l, ...set } = next;
    await scoped(tx, workspaceId).update(
      kbArticles,
      { ...set, updatedBy: actorId },
      eq(kbArticles.id, current.id),
    );
    await writeVersion(tx, workspaceId, next, actorId, changes.note ?? '');
    return next;
  }

  return {
    /**
     * Creates an article (a draft unless told otherwise), indexed at once.
     * @example await articles.create(ws, userId, { language: 'es', title: '¿Cómo lavo las sábanas?', body: 'Agua fría…' })
     */
    async create(workspaceId: string, actorId: string | null, input: ArticleInput): Promise<Article> {
      const article = await uow.run(async (tx, record) => {
        const a = await insert(tx, workspaceId, actorId, input);
        await reindex(tx, workspaceId, [a.id]);
        await record({
          workspaceId,
          type: a.status === 'published' ? 'knowledge.article_published' : 'knowledge.article_created',
          subject: 'kb_article',
          subjectId: a.id,
          actorId,
          payload: { title: a.title, version: a.version },
        });
        return a;
      });
      ctx.forget(workspaceId);
      return article;
    },

    /** Saves a new version; publishing or archiving through it is audited like `setStatus`. */
    async update(workspaceId: string, actorId: string | null, id: string, changes: ArticleChanges) {
      const article = await uow.run(async (tx, record) => {
        const current = await loadArticle(tx, workspaceId, id, true);
        const next = await change(tx, workspaceId, actorId, current, changes);
        await reindex(tx, workspaceId, [id]);
        const type =
          next.status !== current.status ? `knowledge.article_${next.status}` : 'knowledge.article_edited';
        await record({
          workspaceId,
          type,
          subject: 'kb_article',
          subjectId: id,
          actorId,
          payload: { title: next.title, version: next.version, note: changes.note ?? '' },
        });
        return next;
      });
      ctx.forget(workspaceId);
      return article;
    },

    /** Publishes, archives or returns to draft: a new version and an audited event. */
    setStatus(workspaceId: string, actorId: string | null, id: string, status: Status) {
      return this.update(workspaceId, actorId, id, { status, note: status });
    },

    /** Restores an earlier version's content as a new version. */
    async restore(workspaceId: string, actorId: string | null, id: string, version: number) {
      const [old] = await db
        .select()
        .from(kbArticleVersions)
        .where(
          scoped(db, workspaceId).where(
            kbArticleVersions,
            eq(kbArticleVersions.articleId, id),
            eq(kbArticleVersions.version, version),
          ),
        );
      if (!old) throw new AppError('knowledge.version_not_found', 404, `Version ${version} not found`);
      return this.update(workspaceId, actorId, id, {
        title: old.title,
        body: old.body,
        category: old.category,
        tags: old.tags,
        phrasings: old.phrasings,
        note: `restored version ${version}`,
      });
    },

    get: (workspaceId: string, id: string) => loadArticle(db, workspaceId, id),

    /** Articles for editors, newest first; `q` matches titles. */
    async list(workspaceId: string, filter: ListFilter, limit = 200): Promise<Article[]> {
      const ws = scoped(db, workspaceId);
      return db
        .select(articleColumns)
        .from(kbArticles)
        .where(
          ws.where(
            kbArticles,
            filter.language ? eq(kbArticles.language, filter.language) : undefined,
            filter.status ? eq(kbArticles.status, filter.status) : undefined,
            filter.category
              ? or(
                  eq(kbArticles.category, filter.category),
                  ilike(kbArticles.category, `${filter.category.replace(/[%_\\]/g, '\\$&')} / %`),
                )
              : undefined,
            filter.q ? ilike(kbArticles.title, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
          ),
        )
        .orderBy(desc(kbArticles.updatedAt), asc(kbArticles.id))
        .limit(limit);
    },

    /** Every version of an article, newest first. */
    async versions(workspaceId: string, id: string) {
      await loadArticle(db, workspaceId, id);
      return db
        .select({
          version: kbArticleVersions.version,
          title: kbArticleVersions.title,
          body: kbArticleVersions.body,
          status: kbArticleVersions.status,
          changedBy: kbArticleVersions.changedBy,
          changedAt: kbArticleVersions.changedAt,
          note: kbArticleVersions.note,
        })
        .from(kbArticleVersions)
        .where(scoped(db, workspaceId).where(kbArticleVersions, eq(kbArticleVersions.articleId, id)))
        .orderBy(desc(kbArticleVersions.version));
    },

    /** The other languages of an article. */
    async translations(workspaceId: string, article: Article) {
      return db
        .select({
          id: kbArticles.id,
          language: kbArticles.language,
          title: kbArticles.title,
          status: kbArticles.status,
        })
        .from(kbArticles)
        .where(
          scoped(db, workspaceId).where(
            kbArticles,
            eq(kbArticles.translationGroup, article.translationGroup),
            sql`${kbArticles.id} <> ${article.id}`,
          ),
        );
    },

    /**
     * Creates or updates articles by external id, in one transaction, indexed together (imports); a bulk
     * one then refreshes the planner's statistics. Returns how many were created, updated or unchanged.
     */
    async upsertMany(workspaceId: string, actorId: string | null, inputs: ArticleInput[]) {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      await uow.run(async (tx, record) => {
        const externalIds = inputs.map((i) => i.externalId).filter((e): e is string => !!e);
        const existing = externalIds.length
          ? await tx
              .select(articleColumns)
              .from(kbArticles)
              .where(
                and(eq(kbArticles.workspaceId, workspaceId), inArray(kbArticles.externalId, externalIds)),
              )
          : [];
        const byExternal = new Map(existing.map((a) => [a.externalId, a]));
        const touched: string[] = [];
        // New articles are written together, in one statement each for rows and first versions.
        const created: Awaited<ReturnType<typeof newRow>>[] = [];
        for (const input of inputs) {
          const current = input.externalId ? byExternal.get(input.externalId) : undefined;
          if (!current) {
            const row = await newRow(tx, workspaceId, actorId, input);
            if (input.externalId) byExternal.set(input.externalId, row);
            created.push(row);
            touched.push(row.id);
            counts.created++;
            continue;
          }
          const same =
            current.title === input.title.trim() &&
            current.body === input.body &&
            current.category === cleanCategory(input.category) &&
            JSON.stringify(current.tags) === JSON.stringify(clean(input.tags)) &&
            JSON.stringify(current.phrasings) === JSON.stringify(clean(input.phrasings)) &&
            current.status === (input.status ?? current.status) &&
            current.visibility === (input.visibility ?? current.visibility);
          if (same) {
            counts.unchanged++;
            continue;
          }
          const { translationOf: _t, language: _l, externalId: _e, ...changes } = input;
          // The same id twice in one import: the first line's article must exist before it changes.
          if (created.some((r) => r.id === current.id))
            await insertRows(tx, workspaceId, actorId, created.splice(0));
          await change(tx, workspaceId, actorId, current, { ...changes, note: 'import' });
          touched.push(current.id);
          counts.updated++;
        }
        while (created.length > 0) await insertRows(tx, workspaceId, actorId, created.splice(0, 500));
        await reindex(tx, workspaceId, touched);
        if (touched.length > 0)
          await record({
            workspaceId,
            type: 'knowledge.articles_imported',
            subject: 'kb_article',
            actorId,
            payload: counts,
          });
      });
      ctx.forget(workspaceId);
      if (counts.created + counts.updated >= BULK_WRITE) await refreshStatistics(db);
      return counts;
    },

    /** Deletes an article, its versions and index entries (archiving is usually what an editor wants). */
    async remove(workspaceId: string, actorId: string | null, id: string) {
      await uow.run(async (tx, record) => {
        const a = await loadArticle(tx, workspaceId, id, true);
        await unindexArticles(tx, workspaceId, [id]);
        const ws = scoped(tx, workspaceId);
        await ws.delete(kbArticleVersions, eq(kbArticleVersions.articleId, id));
        await ws.delete(kbArticles, eq(kbArticles.id, id));
        await record({
          workspaceId,
          type: 'knowledge.article_deleted',
          subject: 'kb_article',
          subjectId: id,
          actorId,
          payload: { title: a.title },
        });
      });
      ctx.forget(workspaceId);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
