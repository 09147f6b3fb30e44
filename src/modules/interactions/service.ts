import { and, desc, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { RecordEvents, UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import { type Channel, type InteractionState, isTerminal } from './lifecycle.ts';
import { type NewInteraction, prepareInteraction } from './new-interaction.ts';
import { scheduledQueries } from './scheduled.ts';
import { interactionMessages, interactions } from './schema.ts';
import {
  type Interaction,
  type PreparedInteraction,
  planTransitions,
  type Row,
  rowsFrom,
  scriptedWrites,
  selectRowsStatement,
  type TransitionChanges,
  type TransitionRequest,
  toInteraction,
  topicsOf,
  updateRowsStatement,
} from './transitions.ts';

export function createInteractionService(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
}) {
  const { db, uow, clock, newId } = deps;

  async function find(workspaceId: string, id: string, tx: Db = db): Promise<Row | null> {
    const [row] = await tx
      .select()
      .from(interactions)
      .where(scoped(tx, workspaceId).where(interactions, eq(interactions.id, id)));
    return row ?? null;
  }

  async function get(workspaceId: string, id: string): Promise<Interaction> {
    const row = await find(workspaceId, id);
    if (!row) throw errors.notFound('Interaction');
    return toInteraction(row);
  }

  /** A new interaction's row, first message and creation event, ready for `insertPrepared`. */
  const prepare = (workspaceId: string, input: NewInteraction, actorId: string | null) =>
    prepareInteraction(workspaceId, input, actorId, clock.now(), newId);

  /**
   * Inserts prepared interactions inside the caller's transaction: one multi-row insert each for the rows,
   * the messages and the events, whatever their number (routing creates arrivals in its grouped commit).
   */
  async function insertPrepared(
    tx: Db,
    record: RecordEvents,
    prepared: PreparedInteraction[],
  ): Promise<void> {
    if (prepared.length === 0) return;
    await tx.insert(interactions).values(prepared.map((p) => p.row));
    const messages = prepared.flatMap((p) => (p.message ? [p.message] : []));
    if (messages.length > 0) await tx.insert(interactionMessages).values(messages);
    await record(...prepared.map((p) => p.event));
  }

  /**
   * Creates an interaction (and its first message) in one transaction. A repeated idempotency key answers
   * the interaction created first, with `created: false`.
   */
  async function create(workspaceId: string, input: NewInteraction, actorId: string | null) {
    if (input.idempotencyKey) {
      const existing = await byIdempotencyKey(workspaceId, input.idempotencyKey);
      if (existing) return { interaction: toInteraction(existing), created: false };
    }
    const prepared = prepare(workspaceId, input, actorId);
    try {
      await uow.run((tx, record) => insertPrepared(tx, record, [prepared]));
    } catch (error) {
      const first = await afterDuplicateKey(workspaceId, input, error);
      if (first) return { interaction: first, created: false };
      throw error;
    }
    return { interaction: prepared.interaction, created: true };
  }

  /** The first interaction with the key, when `error` is two requests with the same key racing. */
  async function afterDuplicateKey(
    workspaceId: string,
    input: NewInteraction,
    error: unknown,
  ): Promise<Interaction | null> {
    // The unique index let one of them in; answer that one.
    if (!input.idempotencyKey || !isUniqueViolation(error)) return null;
    const existing = await byIdempotencyKey(workspaceId, input.idempotencyKey);
    return existing ? toInteraction(existing) : null;
  }

  /** The interaction already created with this idempotency key, if any. */
  async function findByIdempotencyKey(workspaceId: string, key: string): Promise<Interaction | null> {
    const row = await byIdempotencyKey(workspaceId, key);
    return row ? toInteraction(row) : null;
  }

  async function byIdempotencyKey(workspaceId: string, key: string): Promise<Row | null> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select()
      .from(interactions)
      .where(ws.where(interactions, eq(interactions.idempotencyKey, key)));
    return row ?? null;
  }

  /**
   * Moves an interaction to a new state inside the caller's transaction, with its event.
   * Refuses a move the lifecycle does not allow (409).
   */
  async function transition(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    id: string,
    to: InteractionState,
    changes: TransitionChanges = {},
    actorId: string | null = null,
  ): Promise<Interaction> {
    const rows = await applyTransitions(tx, record, workspaceId, [{ id, to, changes, actorId }]);
    return rows.get(id)!;
  }

  /**
   * Applies many transitions in one go, inside the caller's transaction: one read, one write and one
   * insert of events, whatever their number. See `planTransitions` for the rules.
   */
  async function applyTransitions(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    requests: TransitionRequest[],
  ) {
    const current = new Map<string, Row>();
    const ids = [...new Set(requests.map((r) => r.id))];
    if (ids.length === 0) return new Map<string, Interaction>();
    const rows = await tx
      .select()
      .from(interactions)
      .where(scoped(tx, workspaceId).where(interactions, inArray(interactions.id, ids)));
    for (const row of rows) current.set(row.id, row);
    const { changed, events } = planTransitions(workspaceId, current, requests, clock.now());
    if (changed.size > 0) {
      const statement = updateRowsStatement(
        workspaceId,
        [...changed].map((id) => current.get(id)!),
      );
      await tx.execute(sql.raw(statement));
    }
    await record(...events);
    return new Map([...current].map(([id, row]) => [id, toInteraction(row)]));
  }

  /** Runs transitions in one transaction of their own. */
  function change(
    workspaceId: string,
    id: string,
    to: InteractionState,
    changes: TransitionChanges = {},
    actorId: string | null = null,
  ) {
    return uow.run((tx, record) => transition(tx, record, workspaceId, id, to, changes, actorId));
  }

  async function list(
    workspaceId: string,
    page: PageRequest,
    filter: {
      state?: InteractionState[];
      queueId?: string;
      customerId?: string;
      agentId?: string;
      channel?: Channel;
    },
  ) {
    const ws = scoped(db, workspaceId);
    const [beforeAt, beforeId] = page.after ?? [];
    const after: SQL | undefined =
      typeof beforeAt === 'string' && typeof beforeId === 'string'
        ? or(
            lt(interactions.createdAt, new Date(beforeAt)),
            and(eq(interactions.createdAt, new Date(beforeAt)), lt(interactions.id, beforeId)),
          )
        : undefined;
    const rows = await db
      .select()
      .from(interactions)
      .where(
        ws.where(
          interactions,
          filter.state ? inArray(interactions.state, filter.state) : undefined,
          filter.queueId ? eq(interactions.queueId, filter.queueId) : undefined,
          filter.customerId ? eq(interactions.customerId, filter.customerId) : undefined,
          filter.agentId ? eq(interactions.agentId, filter.agentId) : undefined,
          filter.channel ? eq(interactions.channel, filter.channel) : undefined,
          after,
        ),
      )
      .orderBy(desc(interactions.createdAt), desc(interactions.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id]);
    return { items: result.items.map(toInteraction), nextCursor: result.nextCursor };
  }

  /** Interactions routing must hold after a restart: waiting, offered, being handled or wrapping up. */
  async function listInRouting(workspaceId: string): Promise<Interaction[]> {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select()
      .from(interactions)
      .where(
        ws.where(
          interactions,
          inArray(interactions.state, ['queued', 'offered', 'active', 'transferred', 'wrap_up']),
        ),
      )
      .orderBy(interactions.createdAt, interactions.id);
    return rows.map(toInteraction);
  }

  /** The agent who last handled one of this customer's interactions, for sticky routing. */
  async function lastAgentFor(workspaceId: string, customerId: string): Promise<string | null> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select({ agentId: interactions.agentId })
      .from(interactions)
      .where(ws.where(interactions, eq(interactions.customerId, customerId), isNotNull(interactions.agentId)))
      .orderBy(desc(interactions.createdAt))
      .limit(1);
    return row?.agentId ?? null;
  }

  /**
   * Creates an interaction (and its first message) inside the caller's transaction, for channel adapters
   * that store their own records with it. The caller enqueues it once the transaction has committed.
   */
  async function insert(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    input: Omit<NewInteraction, 'idempotencyKey'>,
    actorId: string | null,
  ): Promise<Interaction> {
    const prepared = prepare(workspaceId, input, actorId);
    await insertPrepared(tx, record, [prepared]);
    return prepared.interaction;
  }

  /** Adds a message to an interaction inside the caller's transaction, with its event. */
  async function addMessage(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    message: {
      interactionId: string;
      direction: 'inbound' | 'outbound' | 'internal';
      authorId: string | null;
      body: string;
    },
  ): Promise<string> {
    const id = newId();
    await tx.insert(interactionMessages).values({ id, workspaceId, ...message, createdAt: clock.now() });
    await record({
      workspaceId,
      type: 'interaction.message',
      subject: 'interaction',
      subjectId: message.interactionId,
      actorId: message.authorId,
      topics: [`interaction:${message.interactionId}`],
      payload: { messageId: id, direction: message.direction },
    });
    return id;
  }

  /**
   * Re-points every interaction of `sourceId` to `survivorId`, inside the caller's transaction: what a
   * customer merge asks of this module. Answers how many interactions moved.
   * @example customers.onMerge({ name: 'interactions', move: interactions.reassignCustomer })
   */
  async function reassignCustomer(
    tx: Db,
    merge: { workspaceId: string; sourceId: string; survivorId: string },
  ): Promise<number> {
    return scoped(tx, merge.workspaceId).update(
      interactions,
      { customerId: merge.survivorId },
      eq(interactions.customerId, merge.sourceId),
    );
  }

  /**
   * A private note on the interaction for its agent (a supervisor's whisper): stored as an `internal`
   * message, never shown to the customer, and pushed to the agent and to whoever watches the interaction.
   */
  async function addInternalNote(workspaceId: string, id: string, body: string, authorId: string) {
    const row = await find(workspaceId, id);
    if (!row) throw errors.notFound('Interaction');
    if (isTerminal(row.state)) {
      throw new AppError(
        'interactions.closed',
        409,
        'The interaction has ended: notes go to live interactions',
      );
    }
    const message = {
      id: newId(),
      workspaceId,
      interactionId: id,
      direction: 'internal' as const,
      authorId,
      body,
      createdAt: clock.now(),
    };
    await uow.run(async (tx, record) => {
      await tx.insert(interactionMessages).values(message);
      await record({
        workspaceId,
        type: 'interaction.note_added',
        subject: 'interaction',
        subjectId: id,
        actorId: authorId,
        topics: topicsOf(row),
        payload: { messageId: message.id, authorId, body, internal: true },
      });
    });
    return { id: message.id, body, authorId, createdAt: message.createdAt.toISOString() };
  }

  /** The interaction's messages, oldest first, internal notes included (for agents and supervisors). */
  async function listMessages(workspaceId: string, id: string, limit = 500) {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select()
      .from(interactionMessages)
      .where(ws.where(interactionMessages, eq(interactionMessages.interactionId, id)))
      .orderBy(interactionMessages.createdAt, interactionMessages.id)
      .limit(limit);
    return rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      authorId: m.authorId,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  /** Replaces an interaction's attributes in the caller's transaction (e.g. a call-back's new window). */
  async function setAttributes(tx: Db, workspaceId: string, id: string, attributes: Record<string, unknown>) {
    await scoped(tx, workspaceId).update(interactions, { attributes }, eq(interactions.id, id));
  }

  return {
    ...scheduledQueries(db),
    setAttributes,
    get,
    create,
    prepare,
    insertPrepared,
    afterDuplicateKey,
    findByIdempotencyKey,
    insert,
    addMessage,
    transition,
    applyTransitions,
    scripted: {
      select: selectRowsStatement,
      rowsFrom,
      writes: (
        workspaceId: string,
        known: Map<string, Row>,
        creates: PreparedInteraction[],
        requests: TransitionRequest[],
        fromMemory: ReadonlySet<string>,
      ) => scriptedWrites(workspaceId, known, creates, requests, clock.now(), fromMemory),
    },
    change,
    list,
    listInRouting,
    lastAgentFor,
    reassignCustomer,
    addInternalNote,
    listMessages,
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;
