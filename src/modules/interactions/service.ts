import { and, desc, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { RecordEvents, UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import { type Channel, canTransition, type InteractionState, isTerminal } from './lifecycle.ts';
import { scheduledQueries } from './scheduled.ts';
import { interactionMessages, interactions } from './schema.ts';
import { type Row, toInteraction } from './view.ts';

export interface NewInteraction {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  customerId?: string | null;
  subject?: string | null;
  language?: string | null;
  attributes?: Record<string, unknown>;
  priority?: number;
  valueTier?: string | null;
  queueId?: string | null;
  idempotencyKey?: string | null;
  scheduledFor?: string | null;
  /** The first message, stored in the same transaction. */
  message?: string | null;
}

export type Interaction = ReturnType<typeof toInteraction>;

/** A unique-index violation, whether the driver's error or the query error Drizzle wraps around it. */
const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** A new interaction built but not yet inserted: see `prepare` and `insertPrepared`. */
export interface PreparedInteraction {
  row: typeof interactions.$inferInsert;
  message: typeof interactionMessages.$inferInsert | null;
  event: NewEvent;
  interaction: Interaction;
}

/** One change of an interaction, for `applyTransitions`. */
export interface TransitionRequest {
  id: string;
  to?: InteractionState;
  changes?: TransitionChanges;
  actorId?: string | null;
  ifDifferent?: boolean;
  eventType?: string;
  payload?: Record<string, unknown>;
}

/** Fields a transition may set along with the state. */
export interface TransitionChanges {
  queueId?: string | null;
  agentId?: string | null;
  disposition?: string | null;
  notes?: string | null;
  scheduledFor?: Date | null;
}

const topicsOf = (r: {
  id: string;
  queueId: string | null;
  customerId: string | null;
  agentId: string | null;
}) =>
  [
    `interaction:${r.id}`,
    r.queueId ? `queue:${r.queueId}` : null,
    r.customerId ? `customer:${r.customerId}` : null,
    r.agentId ? `user:${r.agentId}` : null,
  ].filter((t): t is string => t !== null);

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

  /** A new interaction's row, first message and creation event, ready for `insertPrepared`. Pure. */
  function prepare(workspaceId: string, input: NewInteraction, actorId: string | null): PreparedInteraction {
    const now = clock.now();
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : null;
    const state: InteractionState =
      scheduledFor && scheduledFor > now ? 'scheduled' : input.queueId ? 'queued' : 'new';
    const row: Row = {
      id: newId(),
      workspaceId,
      channel: input.channel,
      direction: input.direction,
      customerId: input.customerId ?? null,
      subject: input.subject ?? null,
      language: input.language ?? null,
      attributes: input.attributes ?? {},
      priority: input.priority ?? 0,
      valueTier: input.valueTier ?? null,
      queueId: input.queueId ?? null,
      state,
      agentId: null,
      idempotencyKey: input.idempotencyKey ?? null,
      scheduledFor,
      disposition: null,
      notes: null,
      createdAt: now,
      updatedAt: now,
      answeredAt: null,
      endedAt: null,
    };
    const message = input.message
      ? {
          id: newId(),
          workspaceId,
          interactionId: row.id,
          direction: input.direction === 'inbound' ? ('inbound' as const) : ('outbound' as const),
          authorId: actorId,
          body: input.message,
          createdAt: now,
        }
      : null;
    const event: NewEvent = {
      workspaceId,
      type: `interaction.${state === 'new' ? 'created' : state}`,
      subject: 'interaction',
      subjectId: row.id,
      actorId,
      topics: topicsOf(row),
      payload: {
        channel: row.channel,
        direction: row.direction,
        queueId: row.queueId,
        customerId: row.customerId,
        priority: row.priority,
      },
    };
    return { row, message, event, interaction: toInteraction(row) };
  }

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
   * insert of events, whatever their number (routing commits its decisions in groups). Requests apply in
   * order; `ifDifferent` skips a move to the state the interaction is already in; a request with no
   * `to` changes fields only (e.g. the queue, on overflow) under its `eventType`.
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
    const dirty = new Set<string>();
    const events: NewEvent[] = [];
    const now = clock.now();
    for (const request of requests) {
      const row = current.get(request.id);
      if (!row) {
        if (request.ifDifferent) continue;
        throw errors.notFound('Interaction');
      }
      const to = request.to ?? row.state;
      if (request.ifDifferent && request.to && row.state === request.to) continue;
      if (request.to && !canTransition(row.state, request.to)) {
        throw new AppError(
          'interactions.invalid_transition',
          409,
          `An interaction that is ${row.state} cannot become ${request.to}`,
        );
      }
      const next: Row = {
        ...row,
        ...request.changes,
        state: to,
        updatedAt: now,
        answeredAt: row.answeredAt ?? (to === 'active' ? now : null),
        endedAt: isTerminal(to) || to === 'wrap_up' ? (row.endedAt ?? now) : row.endedAt,
      };
      current.set(row.id, next);
      dirty.add(row.id);
      events.push({
        workspaceId,
        type: request.eventType ?? `interaction.${to}`,
        subject: 'interaction',
        subjectId: row.id,
        actorId: request.actorId ?? null,
        topics: topicsOf(next),
        payload: {
          from: row.state,
          queueId: next.queueId,
          agentId: next.agentId,
          ...(request.changes?.disposition ? { disposition: request.changes.disposition } : {}),
          ...request.payload,
        },
      });
    }
    if (dirty.size > 0)
      await writeRows(
        tx,
        workspaceId,
        [...dirty].map((id) => current.get(id)!),
      );
    await record(...events);
    return new Map([...current].map(([id, row]) => [id, toInteraction(row)]));
  }

  /** One UPDATE … FROM (VALUES …) for every changed row. */
  async function writeRows(tx: Db, workspaceId: string, rows: Row[]): Promise<void> {
    const ts = (d: Date | null) => (d ? d.toISOString() : null);
    const values = rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.state}, ${r.queueId}, ${r.agentId}::uuid, ${r.disposition}, ${r.notes}, ${ts(r.scheduledFor)}::timestamptz, ${ts(r.updatedAt)}::timestamptz, ${ts(r.answeredAt)}::timestamptz, ${ts(r.endedAt)}::timestamptz)`,
    );
    await tx.execute(sql`
      update interactions as i set state = v.state, queue_id = v.queue_id, agent_id = v.agent_id, disposition = v.disposition,
        notes = v.notes, scheduled_for = v.scheduled_for, updated_at = v.updated_at, answered_at = v.answered_at, ended_at = v.ended_at
      from (values ${sql.join(values, sql`, `)}) as v(id, state, queue_id, agent_id, disposition, notes, scheduled_for, updated_at, answered_at, ended_at)
      where i.workspace_id = ${workspaceId} and i.id = v.id`);
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
