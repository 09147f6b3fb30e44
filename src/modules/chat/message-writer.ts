/**
 * The chat's group commit. Sends that arrive while a transaction is in flight wait, and the next
 * transaction stores them all: two round trips for the group (lock the conversations and look up the
 * client ids; then the sequence numbers, the messages and their events, and the commit) instead of seven
 * per message. Each send is answered only after the transaction holding it has committed, so a message
 * is still persisted before it is acknowledged. One group is in flight at a time in a process, and a
 * group takes the conversations' rows in the order the sends arrived, so sequence numbers follow arrival.
 * If the group's transaction fails, each of its sends is tried again alone: only the one at fault fails.
 */
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { jsonLiteral, literal } from '../../platform/db/script.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { Message, MessageAttachment, NewMessage } from '../interactions/index.ts';
import type { ChatContext } from './context.ts';

export interface Outgoing {
  workspaceId: string;
  conversationId: string;
  /** For a visitor, the visitors whose conversations it may write to; null for an agent. */
  visitorIds: string[] | null;
  authorId: string | null;
  direction: NewMessage['direction'];
  clientId: string;
  body: string;
  attachments: MessageAttachment[];
}

export interface Written {
  message: Message;
  created: boolean;
}

interface Pending {
  outgoing: Outgoing;
  resolve: (w: Written) => void;
  reject: (e: unknown) => void;
}

interface LockedRow {
  workspaceId: string;
  visitorId: string;
  open: boolean;
  lastSeq: number;
  moved: boolean;
}

/** Most sends in one transaction: bounds the statement's size, not the wait. */
const GROUP = 500;

/** Where a message of this conversation and client id is, within a group and in the table. */
const keyOf = (conversationId: string, clientId: string | null) => `${conversationId}\n${clientId}`;

/**
 * @example
 * const writer = createMessageWriter(ctx);
 * const { message, created } = await writer.write({ workspaceId, conversationId, visitorIds: [visitorId],
 *   authorId: null, direction: 'inbound', clientId: 'c-1', body: 'Hola', attachments: [] });
 */
export function createMessageWriter(ctx: Pick<ChatContext, 'uow' | 'clock' | 'newId' | 'messages'>) {
  const queue: Pending[] = [];
  let running = false;

  /** Stores a message in the next group; `created: false` when the client id was already stored. */
  function write(outgoing: Outgoing): Promise<Written> {
    return new Promise((resolve, reject) => {
      queue.push({ outgoing, resolve, reject });
      if (!running) void pump();
    });
  }

  async function pump(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, GROUP);
        if (group.length === 1) await alone(group[0]!);
        else
          await commit(group).catch(async () => {
            for (const item of group) await alone(item);
          });
      }
    } finally {
      running = false;
    }
  }

  /** One send in its own transaction; a client id stored meanwhile by another process answers that one. */
  async function alone(item: Pending): Promise<void> {
    await commit([item])
      .catch((error) => (isUniqueViolation(error) ? commit([item]) : Promise.reject(error)))
      .catch(item.reject);
  }

  /** Stores a group in one transaction; answers each send once it has committed, or throws and answers none. */
  async function commit(group: Pending[]): Promise<void> {
    const answers: (() => void)[] = [];
    await ctx.uow.script(async (step, eventsStatement) => {
      const ids = [...new Set(group.map((p) => p.outgoing.conversationId))];
      const [locked = [], stored = []] = await step([
        // Rows in id order, so two processes locking overlapping groups cannot deadlock.
        `select id, workspace_id, visitor_id, open, last_seq from chat_conversations
          where id in (${ids.map(literal).join(', ')}) order by id for update`,
        ctx.messages.scripted.byClientIds(
          group.map(({ outgoing: o }) => ({
            workspaceId: o.workspaceId,
            interactionId: o.conversationId,
            clientId: o.clientId,
          })),
        ),
      ]);
      const rows = new Map<string, LockedRow>(
        locked.map((r) => [
          r.id as string,
          {
            workspaceId: r.workspace_id as string,
            visitorId: r.visitor_id as string,
            open: r.open as boolean,
            lastSeq: Number(r.last_seq),
            moved: false,
          },
        ]),
      );
      const known = new Map<string, Message>();
      for (const r of stored) {
        const m = ctx.messages.scripted.fromRaw(r);
        known.set(keyOf(m.interactionId, m.clientId), m);
      }
      const messages: (NewMessage & { workspaceId: string })[] = [];
      const events: NewEvent[] = [];
      const now = ctx.clock.now();
      for (const item of group) {
        const o = item.outgoing;
        const row = rows.get(o.conversationId);
        if (
          !row ||
          row.workspaceId !== o.workspaceId ||
          (o.visitorIds && !o.visitorIds.includes(row.visitorId))
        ) {
          answers.push(() => item.reject(errors.notFound('Conversation')));
          continue;
        }
        const key = keyOf(o.conversationId, o.clientId);
        const before = known.get(key);
        if (before) {
          answers.push(() => item.resolve({ message: before, created: false }));
          continue;
        }
        if (!row.open && o.direction !== 'internal') {
          answers.push(() =>
            item.reject(new AppError('chat.closed', 409, 'This conversation has ended; start a new one')),
          );
          continue;
        }
        row.lastSeq += 1;
        row.moved = true;
        const stored: NewMessage & { workspaceId: string } = {
          workspaceId: o.workspaceId,
          id: ctx.newId(),
          interactionId: o.conversationId,
          direction: o.direction,
          authorId: o.authorId,
          body: o.body,
          at: now,
          clientId: o.clientId,
          seq: row.lastSeq,
          attachments: o.attachments,
        };
        const message = ctx.messages.scripted.view(o.workspaceId, stored);
        // A retry within the same group answers the message it repeats.
        known.set(key, message);
        messages.push(stored);
        events.push(messageEvent(o, message));
        answers.push(() => item.resolve({ message, created: true }));
      }
      if (messages.length === 0) return;
      const seqs = [...rows].filter(([, r]) => r.moved).map(([id, r]) => ({ id, last_seq: r.lastSeq }));
      await step(
        [
          `update chat_conversations c set last_seq = v.last_seq
            from jsonb_to_recordset(${jsonLiteral(seqs)}) as v(id uuid, last_seq integer) where c.id = v.id`,
          ctx.messages.scripted.insert(messages),
          eventsStatement(events),
        ],
        { commit: true },
      );
    });
    for (const answer of answers) answer();
  }

  return { write };
}

export type MessageWriter = ReturnType<typeof createMessageWriter>;

/** `chat.message` on the visitor's and the desk's topics; an internal note only on the desk's. */
function messageEvent(o: Outgoing, message: Message): NewEvent {
  const id = o.conversationId;
  return {
    workspaceId: o.workspaceId,
    type: 'chat.message',
    subject: 'interaction',
    subjectId: id,
    actorId: o.visitorIds ? null : o.authorId,
    topics: o.direction === 'internal' ? [`interaction:${id}`] : [`chat:${id}`, `interaction:${id}`],
    payload: message,
  };
}
