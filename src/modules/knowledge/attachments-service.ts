/**
 * Files attached to an article: images its body shows and documents it links. The type is read from the
 * bytes and the name made safe by the same rules as chat files (`src/lib/files.ts`); the help center serves
 * only the files of published public articles.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { safeFileName, sniffFile } from '../../lib/files.ts';
import { queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { kbAttachments } from './schema.ts';
import { loadArticle } from './store.ts';

/** Most files one article may have. */
export const MAX_FILES_PER_ARTICLE = 20;

export interface AttachmentInfo {
  id: string;
  articleId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

const info = {
  id: kbAttachments.id,
  articleId: kbAttachments.articleId,
  fileName: kbAttachments.fileName,
  contentType: kbAttachments.contentType,
  size: kbAttachments.size,
  createdAt: kbAttachments.createdAt,
};

const notFound = () => new AppError('knowledge.attachment_not_found', 404, 'File not found');

export function createAttachmentService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;

  /** An article's files, oldest first. */
  const list = (workspaceId: string, articleId: string): Promise<AttachmentInfo[]> =>
    db
      .select(info)
      .from(kbAttachments)
      .where(scoped(db, workspaceId).where(kbAttachments, eq(kbAttachments.articleId, articleId)))
      .orderBy(asc(kbAttachments.createdAt), asc(kbAttachments.id));

  return {
    list,

    /**
     * Stores a file for an article after checking what it really is (413 too large, 415 not accepted).
     * @example await attachments.upload(ws, userId, articleId, 'plano.png', bytes)
     */
    async upload(
      workspaceId: string,
      actorId: string | null,
      articleId: string,
      fileName: string,
      bytes: Buffer,
    ): Promise<AttachmentInfo> {
      return uow.run(async (tx, record) => {
        // Another workspace's article is not found, whatever was sent.
        await loadArticle(tx, workspaceId, articleId, true);
        const sniffed = sniffFile(bytes);
        if (!sniffed.ok) throw new AppError('knowledge.bad_file', sniffed.status, sniffed.message);
        const [count] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from kb_attachments where workspace_id = ${workspaceId} and article_id = ${articleId}`,
        );
        if (Number(count?.n ?? 0) >= MAX_FILES_PER_ARTICLE)
          throw new AppError(
            'knowledge.too_many_files',
            409,
            `An article may have at most ${MAX_FILES_PER_ARTICLE} files`,
          );
        const row = {
          id: newId(),
          articleId,
          fileName: safeFileName(fileName),
          contentType: sniffed.type,
          size: bytes.length,
          data: bytes,
          createdBy: actorId,
          createdAt: clock.now(),
        };
        await scoped(tx, workspaceId).insert(kbAttachments, row);
        await record({
          workspaceId,
          type: 'knowledge.file_attached',
          subject: 'kb_article',
          subjectId: articleId,
          actorId,
          payload: { attachmentId: row.id, fileName: row.fileName, size: row.size },
        });
        const { data: _d, createdBy: _c, ...stored } = row;
        return stored;
      });
    },

    /**
     * A file with its bytes; `publicOnly` (the help center) finds only files of published public articles.
     * @example await attachments.download(ws, attachmentId, { publicOnly: true })
     */
    async download(workspaceId: string, attachmentId: string, options: { publicOnly: boolean }) {
      const rows = await queryRows<{
        article_id: string;
        file_name: string;
        content_type: string;
        data: Buffer | Uint8Array;
      }>(
        db,
        sql`select f.article_id, f.file_name, f.content_type, f.data from kb_attachments f
            join kb_articles a on a.id = f.article_id and a.workspace_id = f.workspace_id
            where f.workspace_id = ${workspaceId} and f.id = ${attachmentId}
              and (${!options.publicOnly} or (a.status = 'published' and a.visibility = 'public'))`,
      );
      const row = rows[0];
      if (!row) throw notFound();
      return {
        articleId: row.article_id,
        fileName: row.file_name,
        contentType: row.content_type,
        data: Buffer.from(row.data),
      };
    },

    /** Removes a file from an article. */
    async remove(workspaceId: string, actorId: string | null, articleId: string, attachmentId: string) {
      await uow.run(async (tx, record) => {
        const n = await scoped(tx, workspaceId).delete(
          kbAttachments,
          and(eq(kbAttachments.articleId, articleId), eq(kbAttachments.id, attachmentId))!,
        );
        if (n === 0) throw notFound();
        await record({
          workspaceId,
          type: 'knowledge.file_removed',
          subject: 'kb_article',
          subjectId: articleId,
          actorId,
          payload: { attachmentId },
        });
      });
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
