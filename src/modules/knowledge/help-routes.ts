/**
 * The public help center (`/help/:workspace/:lang/…`, server-rendered HTML, no JavaScript needed) and the
 * public JSON search the chat widget uses (`/api/v1/public/knowledge/:workspace/search`). Both show only a
 * workspace's published public articles, are rate-limited per address, and record searches, views, votes
 * and contacts for the deflection metrics.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { isUuid } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { Language, NoContent, Obj, Type } from '../../platform/http/schema.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import type { AttachmentService } from './attachments-service.ts';
import {
  articlePage,
  categoryPage,
  contactPage,
  homePage,
  type Lang,
  notFoundPage,
  resultsPage,
  type Site,
} from './help-pages.ts';
import type { HelpService } from './help-service.ts';
import type { LearningService } from './learning-service.ts';
import { renderMarkdown } from './markdown.ts';
import { QueryText } from './schemas.ts';
import type { SearchService } from './search-service.ts';

/** Help-center pages allow no script at all; styles are inline, images may come from the web. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });

export interface HelpDeps {
  workspaces: Pick<WorkspaceService, 'findBySlug'>;
  help: HelpService;
  search: SearchService;
  learning: LearningService;
  attachments: AttachmentService;
}

const SiteParams = Obj({ workspace: Type.String({ maxLength: 100 }), lang: Language });
const Q = Obj({ q: Type.Optional(QueryText) });

export function helpRoutes(deps: HelpDeps): FastifyPluginAsyncTypebox {
  const { workspaces, help, search, learning, attachments } = deps;

  async function site(slug: string, lang: Lang): Promise<{ site: Site; workspaceId: string } | null> {
    const ws = await workspaces.findBySlug(slug);
    return ws ? { site: { slug: ws.slug, name: ws.name, lang }, workspaceId: ws.id } : null;
  }

  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-cache')
      .send(body);

  const missing = (reply: FastifyReply, slug: string, lang: Lang) =>
    html(reply, notFoundPage({ slug, name: 'Atiende', lang }), 404);

  return async (app) => {
    // Votes are plain HTML form posts.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    app.get(
      '/help/:workspace',
      {
        config: { rateLimit: perMinute(120) },
        schema: { hide: true, params: Obj({ workspace: Type.String({ maxLength: 100 }) }) },
      },
      async (request, reply) => {
        const ws = await workspaces.findBySlug(request.params.workspace);
        if (!ws) return missing(reply, request.params.workspace, 'es');
        return reply.redirect(`/help/${encodeURIComponent(ws.slug)}/${ws.defaultLanguage}`);
      },
    );

    app.get(
      '/help/:workspace/:lang',
      { config: { rateLimit: perMinute(120) }, schema: { hide: true, params: SiteParams } },
      async (request, reply) => {
        const { workspace, lang } = request.params;
        const s = await site(workspace, lang);
        if (!s) return missing(reply, workspace, lang);
        const [categories, articles] = await Promise.all([
          help.categories(s.workspaceId, lang),
          help.articles(s.workspaceId, lang, undefined, 30),
        ]);
        return html(reply, homePage(s.site, categories, articles));
      },
    );

    app.get(
      '/help/:workspace/:lang/categories',
      {
        config: { rateLimit: perMinute(120) },
        schema: { hide: true, params: SiteParams, querystring: Obj({ c: Type.String({ maxLength: 300 }) }) },
      },
      async (request, reply) => {
        const { workspace, lang } = request.params;
        const s = await site(workspace, lang);
        if (!s) return missing(reply, workspace, lang);
        return html(
          reply,
          categoryPage(s.site, request.query.c, await help.articles(s.workspaceId, lang, request.query.c)),
        );
      },
    );

    app.get(
      '/help/:workspace/:lang/search',
      { config: { rateLimit: perMinute(60) }, schema: { hide: true, params: SiteParams, querystring: Q } },
      async (request, reply) => {
        const { workspace, lang } = request.params;
        const s = await site(workspace, lang);
        if (!s) return missing(reply, workspace, lang);
        const found = await search.search(s.workspaceId, {
          query: request.query.q ?? '',
          language: lang,
          audience: 'public',
          source: 'help_center',
          limit: 10,
        });
        return html(reply, resultsPage(s.site, found.query, found.total, found.hits));
      },
    );

    // A public article's file, at an address editors can use in its Markdown (`![plan](/help/…/files/…)`).
    app.get(
      '/help/:workspace/files/:attachmentId',
      {
        config: { rateLimit: perMinute(240) },
        schema: {
          hide: true,
          params: Obj({
            workspace: Type.String({ maxLength: 100 }),
            attachmentId: Type.String({ maxLength: 60 }),
          }),
        },
      },
      async (request, reply) => {
        const ws = await workspaces.findBySlug(request.params.workspace);
        const id = request.params.attachmentId;
        if (!ws || !isUuid(id)) throw new AppError('knowledge.attachment_not_found', 404, 'File not found');
        return sendFile(reply, await attachments.download(ws.id, id, { publicOnly: true }));
      },
    );

    app.get(
      '/help/:workspace/:lang/articles/:id',
      {
        config: { rateLimit: perMinute(120) },
        schema: {
          hide: true,
          params: Obj({
            workspace: Type.String({ maxLength: 100 }),
            lang: Language,
            id: Type.String({ maxLength: 60 }),
          }),
          querystring: Obj({
            q: Type.Optional(QueryText),
            thanks: Type.Optional(Type.String({ maxLength: 3 })),
          }),
        },
      },
      async (request, reply) => {
        const { workspace, lang, id } = request.params;
        const s = await site(workspace, lang);
        const a = s && isUuid(id) ? await help.article(s.workspaceId, id) : null;
        if (!s || !a) return missing(reply, workspace, lang);
        const q = request.query.q ?? '';
        if (!request.query.thanks)
          await learning.record(s.workspaceId, {
            kind: 'view',
            source: 'help_center',
            articleId: a.id,
            ...(q ? { query: q } : {}),
          });
        return html(
          reply,
          articlePage(
            { ...s.site, lang: a.language },
            {
              ...a,
              html: renderMarkdown(a.body),
              files: await attachments.list(s.workspaceId, a.id),
              ...(a.translation ? { translation: a.translation } : {}),
            },
            q,
            Boolean(request.query.thanks),
          ),
        );
      },
    );

    app.post(
      '/help/:workspace/:lang/articles/:id/feedback',
      {
        config: { rateLimit: perMinute(20) },
        schema: {
          hide: true,
          params: Obj({
            workspace: Type.String({ maxLength: 100 }),
            lang: Language,
            id: Type.String({ maxLength: 60 }),
          }),
          body: Obj({
            helpful: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
            q: Type.Optional(QueryText),
          }),
        },
      },
      async (request, reply) => {
        const { workspace, lang, id } = request.params;
        const s = await site(workspace, lang);
        const a = s && isUuid(id) ? await help.article(s.workspaceId, id) : null;
        if (!s || !a) return missing(reply, workspace, lang);
        const q = request.body.q ?? '';
        await learning.record(s.workspaceId, {
          kind: request.body.helpful === 'yes' ? 'helpful' : 'not_helpful',
          source: 'help_center',
          articleId: a.id,
          ...(q ? { query: q } : {}),
        });
        const back = new URLSearchParams({ thanks: '1', ...(q ? { q } : {}) });
        return reply.redirect(
          `/help/${encodeURIComponent(s.site.slug)}/${lang}/articles/${a.id}?${back}`,
          303,
        );
      },
    );

    app.get(
      '/help/:workspace/:lang/contact',
      {
        config: { rateLimit: perMinute(30) },
        schema: {
          hide: true,
          params: SiteParams,
          querystring: Obj({
            q: Type.Optional(QueryText),
            article: Type.Optional(Type.String({ maxLength: 60 })),
          }),
        },
      },
      async (request, reply) => {
        const { workspace, lang } = request.params;
        const s = await site(workspace, lang);
        if (!s) return missing(reply, workspace, lang);
        const article = request.query.article && isUuid(request.query.article) ? request.query.article : '';
        const known = article ? await help.article(s.workspaceId, article) : null;
        await learning.record(s.workspaceId, {
          kind: 'contact',
          source: 'help_center',
          ...(known ? { articleId: known.id } : {}),
          ...(request.query.q ? { query: request.query.q } : {}),
        });
        return html(reply, contactPage(s.site, request.query.q ?? '', known?.id ?? ''));
      },
    );

    app.get(
      '/api/v1/public/knowledge/:workspace/search',
      {
        config: { access: 'public', rateLimit: perMinute(60) },
        schema: {
          tags: ['knowledge'],
          summary:
            "Search a workspace's published public articles (for the chat widget); rate-limited per address",
          params: Obj({ workspace: Type.String({ maxLength: 100 }) }),
          querystring: Obj({
            q: QueryText,
            language: Type.Optional(Language),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
          }),
          response: {
            200: Obj({
              query: Type.String(),
              total: Type.Integer(),
              hits: Type.Array(
                Obj({
                  id: Type.String(),
                  language: Language,
                  title: Type.String(),
                  passage: Type.String(),
                  url: Type.String(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const ws = await workspaces.findBySlug(request.params.workspace);
        if (!ws) throw new AppError('knowledge.help_center_not_found', 404, 'No such help center');
        const found = await search.search(ws.id, {
          query: request.query.q,
          ...(request.query.language ? { language: request.query.language } : {}),
          audience: 'public',
          source: 'widget',
          limit: request.query.limit ?? 5,
        });
        return {
          query: found.query,
          total: found.total,
          hits: found.hits.map((h) => ({
            id: h.id,
            language: h.language,
            title: h.title,
            passage: h.passage,
            url: `/help/${encodeURIComponent(ws.slug)}/${h.language}/articles/${h.id}?q=${encodeURIComponent(found.query)}`,
          })),
        };
      },
    );

    // The whole article for the chat widget, as the help center renders it (sanitised Markdown), and its
    // "was this helpful?": the same public articles, views and votes, recorded as the widget's.
    const ArticleParams = Obj({
      workspace: Type.String({ maxLength: 100 }),
      id: Type.String({ maxLength: 60 }),
    });
    async function publicArticle(slug: string, id: string) {
      const ws = await workspaces.findBySlug(slug);
      if (!ws) throw new AppError('knowledge.help_center_not_found', 404, 'No such help center');
      const a = isUuid(id) ? await help.article(ws.id, id) : null;
      if (!a) throw new AppError('knowledge.article_not_found', 404, 'No such public article');
      return { ws, a };
    }

    app.get(
      '/api/v1/public/knowledge/:workspace/articles/:id',
      {
        config: { access: 'public', rateLimit: perMinute(120) },
        schema: {
          tags: ['knowledge'],
          summary: 'A published public article as safe HTML (for the chat widget); records a view',
          params: ArticleParams,
          querystring: Obj({ q: Type.Optional(QueryText) }),
          response: {
            200: Obj({
              id: Type.String(),
              language: Language,
              title: Type.String(),
              html: Type.String({ description: 'Sanitised HTML, as the help center shows it' }),
              url: Type.String({ description: 'The article in the help center' }),
            }),
          },
        },
      },
      async (request) => {
        const { ws, a } = await publicArticle(request.params.workspace, request.params.id);
        const q = request.query.q ?? '';
        await learning.record(ws.id, {
          kind: 'view',
          source: 'widget',
          articleId: a.id,
          ...(q ? { query: q } : {}),
        });
        return {
          id: a.id,
          language: a.language,
          title: a.title,
          html: renderMarkdown(a.body),
          url: `/help/${encodeURIComponent(ws.slug)}/${a.language}/articles/${a.id}`,
        };
      },
    );

    app.post(
      '/api/v1/public/knowledge/:workspace/articles/:id/feedback',
      {
        config: { access: 'public', rateLimit: perMinute(20) },
        schema: {
          tags: ['knowledge'],
          summary: '"Was this helpful?" from the chat widget',
          params: ArticleParams,
          body: Obj({ helpful: Type.Boolean(), q: Type.Optional(QueryText) }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { ws, a } = await publicArticle(request.params.workspace, request.params.id);
        const q = request.body.q ?? '';
        await learning.record(ws.id, {
          kind: request.body.helpful ? 'helpful' : 'not_helpful',
          source: 'widget',
          articleId: a.id,
          ...(q ? { query: q } : {}),
        });
        return reply.status(204).send(null);
      },
    );
  };
}
