/**
 * HTTP for an article's files: editors upload (raw bytes, the name in the query) and remove them; readers
 * list and download the files of articles they may read. The help center serves public ones itself.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../../lib/files.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { IdParams, NoContent, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { ArticleService } from './articles-service.ts';
import type { AttachmentInfo, AttachmentService } from './attachments-service.ts';

const tags = ['knowledge'];
const MANAGE = 'knowledge.manage' as const;

export const AttachmentSchema = Obj({
  id: Type.String(),
  articleId: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
  url: Type.String(),
});

/** A file as JSON, with the API address that downloads it. */
const attachmentJson = (f: AttachmentInfo) => ({
  ...f,
  createdAt: f.createdAt.toISOString(),
  url: `/api/v1/knowledge/attachments/${f.id}`,
});

export function attachmentRoutes(
  articles: ArticleService,
  attachments: AttachmentService,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(
      [...ACCEPTED_TYPES, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );

    /** Readers reach only published articles (and so their files); editors every article. */
    const readable = async (principal: Principal, id: string) => {
      const article = await articles.get(principal.workspaceId, id);
      if (!principal.permissions.has(MANAGE) && article.status !== 'published')
        throw new AppError('knowledge.article_not_found', 404, 'Article not found');
      return article;
    };

    app.get(
      '/knowledge/articles/:id/attachments',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary: "An article's files",
          params: IdParams,
          response: { 200: Obj({ items: Type.Array(AttachmentSchema) }) },
        },
      },
      async (request) => {
        const p = request.principal!;
        await readable(p, request.params.id);
        return { items: (await attachments.list(p.workspaceId, request.params.id)).map(attachmentJson) };
      },
    );

    app.post(
      '/knowledge/articles/:id/attachments',
      {
        config: { access: MANAGE },
        bodyLimit: MAX_ATTACHMENT_BYTES + 1,
        schema: {
          tags,
          summary: 'Attach a file to an article (raw bytes: an image, PDF or plain text up to 5 MB)',
          params: IdParams,
          querystring: Obj({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const file = await attachments.upload(
          p.workspaceId,
          p.userId,
          request.params.id,
          request.query.fileName,
          bytes,
        );
        return reply.status(201).send(attachmentJson(file));
      },
    );

    app.get(
      '/knowledge/attachments/:attachmentId',
      {
        config: { access: 'knowledge.read' },
        schema: { tags, summary: 'Download a file', params: Obj({ attachmentId: Uuid }) },
      },
      async (request, reply) => {
        const p = request.principal!;
        const file = await attachments.download(p.workspaceId, request.params.attachmentId, {
          publicOnly: false,
        });
        await readable(p, file.articleId);
        return sendFile(reply, file);
      },
    );

    app.delete(
      '/knowledge/articles/:id/attachments/:attachmentId',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Remove a file from an article',
          params: Obj({ id: Uuid, attachmentId: Uuid }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        await attachments.remove(p.workspaceId, p.userId, request.params.id, request.params.attachmentId);
        return reply.status(204).send(null);
      },
    );
  };
}
