/**
 * The messages of an interaction. Channels that order their messages (chat) give each a sequence number
 * taken by the caller under its own lock, and the sender's client id, so a retried send is stored once.
 */
import { asc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { interactionMessages, type MessageAttachment } from './schema.ts';

export interface NewMessage {
  id: string;
  interactionId: string;
  direction: 'inbound' | 'outbound' | 'internal';
  authorId: string | null;
  body: string;
  at: Date;
  clientId?: string | null;
  seq?: number | null;
  attachments?: MessageAttachment[];
}

export type Message = ReturnType<typeof toMessage>;

type Row = typeof interactionMessages.$inferSelect;

const toMessage = (r: Row) => ({
  id: r.id,
  interactionId: r.interactionId,
  direction: r.direction,
  authorId: r.authorId,
  body: r.body,
  clientId: r.clientId,
  seq: r.seq,
  attachments: r.attachments ?? [],
  createdAt: r.createdAt.toISOString(),
});

export function createMessageService() {
  /** Stores a message in the caller's transaction. */
  async function append(tx: Db, workspaceId: string, message: NewMessage): Promise<Message> {
    const row: Row = {
      id: message.id,
      workspaceId,
      interactionId: message.interactionId,
      direction: message.direction,
      authorId: message.authorId,
      body: message.body,
      createdAt: message.at,
      clientId: message.clientId ?? null,
      seq: message.seq ?? null,
      attachments: message.attachments ?? [],
    };
    await tx.insert(interactionMessages).values(row);
    return toMessage(row);
  }

  /** The message a client already sent with this id, if any (read in the caller's transaction). */
  async function byClientId(tx: Db, workspaceId: string, interactionId: string, clientId: string) {
    const [row] = await tx
      .select()
      .from(interactionMessages)
      .where(
        scoped(tx, workspaceId).where(
          interactionMessages,
          eq(interactionMessages.interactionId, interactionId),
          eq(interactionMessages.clientId, clientId),
        ),
      );
    return row ? toMessage(row) : null;
  }

  /** Messages in order (by sequence, then time), optionally after a sequence number and without notes. */
  async function list(
    db: Db,
    workspaceId: string,
    interactionId: string,
    options: { afterSeq?: number; withInternal: boolean; limit?: number },
  ): Promise<Message[]> {
    const rows = await db
      .select()
      .from(interactionMessages)
      .where(
        scoped(db, workspaceId).where(
          interactionMessages,
          eq(interactionMessages.interactionId, interactionId),
          options.afterSeq !== undefined ? gt(interactionMessages.seq, options.afterSeq) : undefined,
          options.withInternal ? undefined : ne(interactionMessages.direction, 'internal'),
        ),
      )
      .orderBy(asc(interactionMessages.seq), asc(interactionMessages.createdAt), asc(interactionMessages.id))
      .limit(options.limit ?? 1000);
    return rows.map(toMessage);
  }

  return { append, byClientId, list };
}

export type MessageService = ReturnType<typeof createMessageService>;
