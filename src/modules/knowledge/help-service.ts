/** What the public help center reads: a workspace's published public articles, by category and by id. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/connect.ts';
import type { Context } from './context.ts';
import { kbArticles } from './schema.ts';
import type { Language } from './store.ts';

const visible = (workspaceId: string, language?: Language) =>
  and(
    eq(kbArticles.workspaceId, workspaceId),
    eq(kbArticles.status, 'published'),
    eq(kbArticles.visibility, 'public'),
    language ? eq(kbArticles.language, language) : undefined,
  );

export function createHelpService(ctx: Context) {
  const { db } = ctx;
  const listed = { id: kbArticles.id, title: kbArticles.title, category: kbArticles.category };
  return {
    /** Top-level categories with how many articles they hold (subcategories included). */
    async categories(workspaceId: string, language: Language) {
      const rows = await queryRows<{ name: string; n: number }>(
        db,
        sql`select split_part(category, ' / ', 1) as name, count(*)::int as n from kb_articles
            where workspace_id = ${workspaceId} and status = 'published' and visibility = 'public'
              and language = ${language} and category <> ''
            group by 1 order by 1`,
      );
      return rows.map((r) => ({ name: r.name, count: Number(r.n) }));
    },
    /** Articles, by title, optionally of one category and its subcategories. */
    async articles(workspaceId: string, language: Language, category?: string, limit = 100) {
      const escaped = category?.replace(/[%_\\]/g, '\\$&');
      return db
        .select(listed)
        .from(kbArticles)
        .where(
          and(
            visible(workspaceId, language),
            category
              ? or(eq(kbArticles.category, category), sql`${kbArticles.category} like ${`${escaped} / %`}`)
              : undefined,
          ),
        )
        .orderBy(asc(kbArticles.category), asc(kbArticles.title))
        .limit(limit);
    },
    /** One published public article with its related ones and its translation, or null. */
    async article(workspaceId: string, id: string) {
      const [a] = await db
        .select({
          id: kbArticles.id,
          language: kbArticles.language,
          title: kbArticles.title,
          body: kbArticles.body,
          category: kbArticles.category,
          updatedAt: kbArticles.updatedAt,
          related: kbArticles.related,
          group: kbArticles.translationGroup,
        })
        .from(kbArticles)
        .where(and(visible(workspaceId), eq(kbArticles.id, id)));
      if (!a) return null;
      const related = a.related.length
        ? await db
            .select(listed)
            .from(kbArticles)
            .where(and(visible(workspaceId), inArray(kbArticles.id, a.related)))
        : [];
      const [translation] = await db
        .select({ id: kbArticles.id, language: kbArticles.language })
        .from(kbArticles)
        .where(
          and(
            visible(workspaceId),
            eq(kbArticles.translationGroup, a.group),
            sql`${kbArticles.id} <> ${a.id}`,
          ),
        )
        .limit(1);
      return { ...a, related, translation };
    },
  };
}

export type HelpService = ReturnType<typeof createHelpService>;
