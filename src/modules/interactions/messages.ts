/**
 * The messages of an interaction. Channels that order their messages (chat) give each a sequence number
 * taken by the caller under its own lock, and the sender's client id, so a retried send is stored once.
 */
import { asc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { jsonLiteral, type RawRow } from '../../platform/db/script.ts';
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

const toRow = (workspaceId: string, m: NewMessage): Row => ({
  id: m.id,
  workspaceId,
  interactionId: m.interactionId,
  direction: m.direction,
  authorId: m.authorId,
  body: m.body,
  createdAt: m.at,
  clientId: m.clientId ?? null,
  seq: m.seq ?? null,
  attachments: m.attachments ?? [],
});

export function createMessageService() {
  /** Stores a message in the caller's transaction. */
  async function append(tx: Db, workspaceId: string, message: NewMessage): Promise<Message> {
    const row = toRow(workspaceId, message);
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

  return { append, byClientId, list, scripted };
}

const COLUMNS =
  'id, workspace_id, interaction_id, direction, author_id, body, created_at, client_id, seq, attachments';

/**
 * The same reads and writes as statements for a transaction written as scripts (`db/script.ts`), for
 * the chat's group commit: many messages in one round trip.
 */
const scripted = {
  /** Inserts the messages, in the order given. */
  insert(messages: (NewMessage & { workspaceId: string })[]): string {
    const data = messages.map((m) => ({
      id: m.id,
      workspace_id: m.workspaceId,
      interaction_id: m.interactionId,
      direction: m.direction,
      author_id: m.authorId,
      body: m.body,
      created_at: m.at.toISOString(),
      client_id: m.clientId ?? null,
      seq: m.seq ?? null,
      attachments: m.attachments ?? [],
    }));
    return `insert into interaction_messages (${COLUMNS}) select ${COLUMNS} from jsonb_to_recordset(${jsonLiteral(data)})
      as v(id uuid, workspace_id uuid, interaction_id uuid, direction text, author_id uuid, body text,
           created_at timestamptz, client_id text, seq integer, attachments jsonb)`;
  },
  /** The messages already stored under these client ids, read with `fromRaw`. */
  byClientIds(keys: { workspaceId: string; interactionId: string; clientId: string }[]): string {
    const data = keys.map((k) => ({
      workspace_id: k.workspaceId,
      interaction_id: k.interactionId,
      client_id: k.clientId,
    }));
    return `select ${COLUMNS.split(', ')
      .map((c) => `m.${c}`)
      .join(', ')} from interaction_messages m
      join jsonb_to_recordset(${jsonLiteral(data)}) as k(workspace_id uuid, interaction_id uuid, client_id text)
        on m.workspace_id = k.workspace_id and m.interaction_id = k.interaction_id and m.client_id = k.client_id`;
  },
  /** A message as `byClientIds` returned it. */
  fromRaw(r: RawRow): Message {
    return toMessage({
      id: r.id as string,
      workspaceId: r.workspace_id as string,
      interactionId: r.interaction_id as string,
      direction: r.direction as Row['direction'],
      authorId: (r.author_id as string | null) ?? null,
      body: r.body as string,
      createdAt: new Date(r.created_at as Date | string),
      clientId: (r.client_id as string | null) ?? null,
      seq: (r.seq as number | null) ?? null,
      attachments: (r.attachments as MessageAttachment[] | null) ?? [],
    });
  },
  /** The message as `insert` stores it. */
  view: (workspaceId: string, m: NewMessage): Message => toMessage(toRow(workspaceId, m)),
};

export type MessageService = ReturnType<typeof createMessageService>;
