/** HTTP for editors: articles (create, edit, publish, archive, versions, restore), preview, synonyms. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { IdParams, Language, NoContent, Obj, Type } from '../../platform/http/schema.ts';
import type { ArticleService } from './articles-service.ts';
import type { Context } from './context.ts';
import { renderMarkdown } from './markdown.ts';
import { kbSynonyms } from './schema.ts';
import {
  ArticleListItem,
  ArticlePatch,
  ArticleSchema,
  NewArticleBody,
  Status,
  SynonymBody,
  SynonymSchema,
  VersionSchema,
} from './schemas.ts';
import type { Article } from './store.ts';
import { fold } from './text.ts';

/** An article as JSON (dates as ISO text). */
export const articleJson = (a: Article) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  publishedAt: a.publishedAt ? a.publishedAt.toISOString() : null,
});

const tags = ['knowledge'];
const MANAGE = 'knowledge.manage' as const;

export function articleRoutes(ctx: Context, articles: ArticleService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/knowledge/articles',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'List articles for editors, newest change first',
          querystring: Obj({
            language: Type.Optional(Language),
            status: Type.Optional(Status),
            category: Type.Optional(Type.String({ maxLength: 300 })),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: { 200: Obj({ items: Type.Array(ArticleListItem) }) },
        },
      },
      async (request) => ({
        items: (await articles.list(request.principal!.workspaceId, request.query)).map((a) => ({
          id: a.id,
          language: a.language,
          title: a.title,
          category: a.category,
          visibility: a.visibility,
          status: a.status,
          version: a.version,
          updatedAt: a.updatedAt.toISOString(),
        })),
      }),
    );

    app.post(
      '/knowledge/articles',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Create an article (a draft unless status says otherwise)',
          body: NewArticleBody,
          response: { 201: ArticleSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply
          .status(201)
          .send(articleJson(await articles.create(p.workspaceId, p.userId, request.body)));
      },
    );

    app.get(
      '/knowledge/articles/:id',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary: 'An article with its rendered body and translations',
          params: IdParams,
          response: {
            200: Obj({
              article: ArticleSchema,
              html: Type.String(),
              translations: Type.Array(
                Obj({ id: Type.String(), language: Language, title: Type.String(), status: Status }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const article = await articles.get(ws, request.params.id);
        if (!request.principal!.permissions.has(MANAGE) && article.status !== 'published')
          throw new AppError('knowledge.article_not_found', 404, 'Article not found');
        return {
          article: articleJson(article),
          html: renderMarkdown(article.body),
          translations: await articles.translations(ws, article),
        };
      },
    );

    app.patch(
      '/knowledge/articles/:id',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Save a new version of an article',
          params: IdParams,
          body: ArticlePatch,
          response: { 200: ArticleSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return articleJson(await articles.update(p.workspaceId, p.userId, request.params.id, request.body));
      },
    );

    for (const [action, status] of [
      ['publish', 'published'],
      ['archive', 'archived'],
      ['unpublish', 'draft'],
    ] as const) {
      app.post(
        `/knowledge/articles/:id/${action}`,
        {
          config: { access: MANAGE },
          schema: {
            tags,
            summary: `Set an article's status to ${status} (audited)`,
            params: IdParams,
            response: { 200: ArticleSchema },
          },
        },
        async (request) => {
          const p = request.principal!;
          return articleJson(await articles.setStatus(p.workspaceId, p.userId, request.params.id, status));
        },
      );
    }

    app.get(
      '/knowledge/articles/:id/versions',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Every version of an article, newest first',
          params: IdParams,
          response: { 200: Obj({ items: Type.Array(VersionSchema) }) },
        },
      },
      async (request) => {
        const rows = await articles.versions(request.principal!.workspaceId, request.params.id);
        return { items: rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() })) };
      },
    );

    app.post(
      '/knowledge/articles/:id/restore',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: "Restore an earlier version's content as a new version",
          params: IdParams,
          body: Obj({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: ArticleSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return articleJson(
          await articles.restore(p.workspaceId, p.userId, request.params.id, request.body.version),
        );
      },
    );

    app.delete(
      '/knowledge/articles/:id',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Delete an article and its history',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        await articles.remove(p.workspaceId, p.userId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/knowledge/preview',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Render Markdown as the help center will show it (sanitised)',
          body: Obj({ markdown: Type.String({ maxLength: 200_000 }) }),
          response: { 200: Obj({ html: Type.String() }) },
        },
      },
      async (request) => ({ html: renderMarkdown(request.body.markdown) }),
    );

    app.get(
      '/knowledge/synonyms',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: "The workspace's search synonyms",
          response: { 200: Obj({ items: Type.Array(SynonymSchema) }) },
        },
      },
      async (request) => {
        const ws = scoped(ctx.db, request.principal!.workspaceId);
        const items = await ctx.db
          .select({
            id: kbSynonyms.id,
            language: kbSynonyms.language,
            phrase: kbSynonyms.phrase,
            alternatives: kbSynonyms.alternatives,
          })
          .from(kbSynonyms)
          .where(ws.where(kbSynonyms))
          .orderBy(kbSynonyms.phrase);
        return { items };
      },
    );

    app.post(
      '/knowledge/synonyms',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Add or replace the synonyms of a word or phrase',
          body: SynonymBody,
          response: { 200: SynonymSchema },
        },
      },
      async (request) => {
        const workspaceId = request.principal!.workspaceId;
        const phrase = fold(request.body.phrase).trim();
        const alternatives = [...new Set(request.body.alternatives.map((a) => fold(a).trim()))].filter(
          (a) => a && a !== phrase,
        );
        if (alternatives.length === 0)
          throw new AppError(
            'knowledge.synonyms_empty',
            400,
            'Give at least one alternative different from the phrase',
          );
        const now = ctx.clock.now();
        const [row] = await ctx.db
          .insert(kbSynonyms)
          .values({
            id: ctx.newId(),
            workspaceId,
            language: request.body.language,
            phrase,
            alternatives,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [kbSynonyms.workspaceId, kbSynonyms.language, kbSynonyms.phrase],
            set: { alternatives, updatedAt: now },
          })
          .returning({
            id: kbSynonyms.id,
            language: kbSynonyms.language,
            phrase: kbSynonyms.phrase,
            alternatives: kbSynonyms.alternatives,
          });
        ctx.forget(workspaceId);
        return row!;
      },
    );

    app.delete(
      '/knowledge/synonyms/:id',
      {
        config: { access: MANAGE },
        schema: { tags, summary: 'Remove a synonym entry', params: IdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const workspaceId = request.principal!.workspaceId;
        const gone = await scoped(ctx.db, workspaceId).delete(
          kbSynonyms,
          and(eq(kbSynonyms.id, request.params.id))!,
        );
        if (gone === 0) throw new AppError('knowledge.synonym_not_found', 404, 'Synonym not found');
        ctx.forget(workspaceId);
        return reply.status(204).send(null);
      },
    );
  };
}
