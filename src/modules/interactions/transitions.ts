/**
 * Interaction rows and their changes: planning transitions over rows in memory (pure), and the
 * parameterless statements that read and write them in a transaction written as scripts (routing's
 * group commit: one round trip for every write of a group, see `platform/db/script.ts`).
 */

import { failUnless, jsonLiteral, literal, type RawRow } from '../../platform/db/script.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import { canTransition, type InteractionState, isTerminal } from './lifecycle.ts';
import type { interactionMessages, interactions } from './schema.ts';

export type Row = typeof interactions.$inferSelect;
export type MessageRow = typeof interactionMessages.$inferInsert;

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

export const toInteraction = (r: Row) => ({
  id: r.id,
  channel: r.channel,
  direction: r.direction,
  customerId: r.customerId,
  subject: r.subject,
  language: r.language,
  attributes: r.attributes,
  priority: r.priority,
  valueTier: r.valueTier,
  queueId: r.queueId,
  state: r.state,
  agentId: r.agentId,
  scheduledFor: r.scheduledFor?.toISOString() ?? null,
  disposition: r.disposition,
  notes: r.notes,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  answeredAt: r.answeredAt?.toISOString() ?? null,
  endedAt: r.endedAt?.toISOString() ?? null,
});

export type Interaction = ReturnType<typeof toInteraction>;

export const topicsOf = (r: {
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

/**
 * Applies transitions, in order, to the rows in `current` (changed in place). `ifDifferent` skips a move
 * to the state the interaction is already in; a request with no `to` changes fields only (e.g. the queue,
 * on overflow) under its `eventType`. Answers the ids changed and their events; throws (404, 409) on a
 * missing interaction or a move the lifecycle does not allow; `made` maps each request that was made to
 * its event. Pure.
 */
export function planTransitions(
  workspaceId: string,
  current: Map<string, Row>,
  requests: TransitionRequest[],
  now: Date,
): { changed: Set<string>; events: NewEvent[]; made: Map<TransitionRequest, NewEvent> } {
  const changed = new Set<string>();
  const events: NewEvent[] = [];
  const made = new Map<TransitionRequest, NewEvent>();
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
    changed.add(row.id);
    const event: NewEvent = {
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
    };
    events.push(event);
    made.set(request, event);
  }
  return { changed, events, made };
}

/**
 * Each column: the row's field, the column, its type and the short key it travels under in a statement's
 * JSON document (the document is most of a group's script: short keys and no nulls keep it small).
 */
type Column<R> = [keyof R, string, string, string];
const COLUMNS: Column<Row>[] = [
  ['id', 'id', 'uuid', 'i'],
  ['workspaceId', 'workspace_id', 'uuid', 'w'],
  ['channel', 'channel', 'text', 'c'],
  ['direction', 'direction', 'text', 'd'],
  ['customerId', 'customer_id', 'uuid', 'cu'],
  ['subject', 'subject', 'text', 'su'],
  ['language', 'language', 'text', 'l'],
  ['attributes', 'attributes', 'jsonb', 'at'],
  ['priority', 'priority', 'integer', 'p'],
  ['valueTier', 'value_tier', 'text', 'vt'],
  ['queueId', 'queue_id', 'text', 'q'],
  ['state', 'state', 'text', 's'],
  ['agentId', 'agent_id', 'uuid', 'a'],
  ['idempotencyKey', 'idempotency_key', 'text', 'k'],
  ['scheduledFor', 'scheduled_for', 'timestamptz', 'sf'],
  ['disposition', 'disposition', 'text', 'di'],
  ['notes', 'notes', 'text', 'n'],
  ['createdAt', 'created_at', 'timestamptz', 'ca'],
  ['updatedAt', 'updated_at', 'timestamptz', 'ua'],
  ['answeredAt', 'answered_at', 'timestamptz', 'aa'],
  ['endedAt', 'ended_at', 'timestamptz', 'ea'],
];
/** The message of a failed check of rows taken from memory (see `unchangedRowsStatement`). */
const CHANGED = 'interactions: changed since this process wrote them';
/** What a transition may change: the rest of a row is written once, when it is created. */
const MUTABLE = new Set<keyof Row>([
  'state',
  'queueId',
  'agentId',
  'disposition',
  'notes',
  'scheduledFor',
  'updatedAt',
  'answeredAt',
  'endedAt',
]);
const UPDATED = COLUMNS.filter(([key]) => key === 'id' || MUTABLE.has(key));
const CHECKED = COLUMNS.filter(([key]) => ['id', 'updatedAt', 'customerId', 'attributes'].includes(key));
/** Every row of a statement belongs to its workspace, which the SQL names once. */
const INSERTED = COLUMNS.filter(([key]) => key !== 'workspaceId');

/**
 * The rows as `jsonb_to_recordset(…) as v(…)`, each column under its short key. A null is left out: the
 * recordset reads a missing key as null. Times go as ISO strings (see `jsonLiteral`).
 */
const recordset = <R>(rows: R[], columns: Column<R>[]) => {
  const data = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [key, , , short] of columns) {
      const value = r[key];
      if (value instanceof Date) out[short] = value.toISOString();
      else if (value !== null && value !== undefined) out[short] = value;
    }
    return out;
  });
  return `jsonb_to_recordset(${jsonLiteral(data)}) as v(${columns.map(([, , t, short]) => `${short} ${t}`).join(', ')})`;
};

/** The statement that inserts whole rows, all of the workspace. */
export function insertRowsStatement(workspaceId: string, rows: Row[]): string {
  const names = COLUMNS.map(([, c]) => c).join(', ');
  const values = COLUMNS.map(([key, , , short]) =>
    key === 'workspaceId' ? `${literal(workspaceId)}::uuid` : `v.${short}`,
  ).join(', ');
  return `insert into interactions (${names}) select ${values} from ${recordset(rows, INSERTED)}`;
}

/**
 * The condition that finds rows `i` of the workspace by id through the primary key, whatever the planner
 * knows of the table. Written as `i.workspace_id = …` it lets the planner take the index that starts
 * with the workspace, and a table not analysed yet (a new one, or one that grew fast since) makes a
 * workspace look a few dozen rows: every group then read all of the workspace's interactions, ~7 ms per
 * statement at 20,000 rows. The ids as one constant array give the planner their number; the workspace
 * inside `coalesce` is no index condition, and the planner takes it to hold for half the rows (as
 * `… is true` it would take it for 1 in 200, and join the group's rows by a nested loop, k² comparisons).
 */
const byIds = (workspaceId: string, ids: string[]) =>
  `i.id = any(${uuidArray(ids)}) and coalesce(i.workspace_id = ${literal(workspaceId)}, false)`;

/** A `uuid[]` constant written as one literal, each id quoted as an element, whatever the number of ids. */
const uuidArray = (ids: string[]) =>
  `${literal(`{${ids.map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)}::uuid[]`;

/**
 * Whether row `i` is as `v` remembers it: written last at `at`, with the same customer and attributes
 * (what other writers change behind routing: a customer merge, a call-back's new window).
 */
const asRemembered = (at: string) =>
  `i.updated_at = ${at} and i.customer_id is not distinct from v.cu and i.attributes = v.at`;

/**
 * The statement that writes what transitions change, for every row in one UPDATE … FROM. A row with an
 * entry in `before` was taken from memory: it is written only if the table still holds it as that entry
 * says (the same time of last change, customer and attributes), and the statement fails the transaction
 * unless every row was written; the check of `unchangedRowsStatement`, in the same pass over the rows.
 */
export function updateRowsStatement(
  workspaceId: string,
  rows: Row[],
  before: ReadonlyMap<string, Row> = new Map(),
): string {
  const sets = UPDATED.filter(([key]) => key !== 'id').map(([, c, , short]) => `${c} = v.${short}`);
  const ids = rows.map((r) => r.id);
  const update = (from: string, condition = '') =>
    `update interactions as i set ${sets.join(', ')} from ${from}
      where ${byIds(workspaceId, ids)} and i.id = v.i${condition}`;
  if (!rows.some((r) => before.has(r.id))) return update(recordset(rows, UPDATED));
  // The row as it was (its time of last change) travels beside the row as it will be.
  const data = rows.map((r): Row & { checkedAt?: Date } => {
    const was = before.get(r.id);
    return was ? { ...r, checkedAt: was.updatedAt } : r;
  });
  const columns: Column<Row & { checkedAt?: Date }>[] = [
    ...UPDATED,
    ...CHECKED.filter(([key]) => key !== 'id' && key !== 'updatedAt'),
    ['checkedAt', 'checked_at', 'timestamptz', 'pu'],
  ];
  const checkedUpdate = update(recordset(data, columns), ` and (v.pu is null or (${asRemembered('v.pu')}))`);
  // A data-modifying WITH must stand at the top of its statement: the check is written out, not `failUnless`.
  return `with written as (${checkedUpdate} returning 1)
    select (case when (select count(*) from written) <> ${rows.length} then ${literal(CHANGED)} end)::int as failed`;
}

/** The statement that inserts first messages. */
export function insertMessagesStatement(messages: MessageRow[]): string {
  const data = messages.map((m) => ({
    id: m.id,
    workspace_id: m.workspaceId,
    interaction_id: m.interactionId,
    direction: m.direction,
    author_id: m.authorId ?? null,
    body: m.body,
    created_at: m.createdAt?.toISOString() ?? null,
  }));
  const names = 'id, workspace_id, interaction_id, direction, author_id, body, created_at';
  return `insert into interaction_messages (${names}) select ${names} from jsonb_to_recordset(${jsonLiteral(data)})
    as v(id uuid, workspace_id uuid, interaction_id uuid, direction text, author_id uuid, body text, created_at timestamptz)`;
}

/** The statement that reads rows by id, for `rowsFrom`. */
export function selectRowsStatement(workspaceId: string, ids: string[]): string {
  return `select ${COLUMNS.map(([, c]) => c).join(', ')} from interactions as i where ${byIds(workspaceId, ids)}`;
}

/**
 * The statement that fails the transaction unless these rows, as written by this process, are still as
 * they are in the table: nothing else changed their state, customer or attributes since.
 */
export function unchangedRowsStatement(workspaceId: string, rows: Row[]): string {
  const ids = rows.map((r) => r.id);
  return failUnless(
    `(select count(*) from interactions i join ${recordset(rows, CHECKED)}
        on i.id = v.i and ${asRemembered('v.ua')}
      where ${byIds(workspaceId, ids)}) = ${rows.length}`,
    CHANGED,
  );
}

/** Rows as `selectRowsStatement` returned them. */
export function rowsFrom(raw: RawRow[]): Row[] {
  return raw.map((r) => {
    const row = Object.fromEntries(COLUMNS.map(([key, column]) => [key, r[column]])) as Row;
    // Drivers parse timestamps to Date already; PGlite and pg agree, but normalise strings anyway.
    for (const key of ['scheduledFor', 'createdAt', 'updatedAt', 'answeredAt', 'endedAt'] as const) {
      const v = row[key] as Date | string | null;
      if (typeof v === 'string') (row as Record<string, unknown>)[key] = new Date(v);
    }
    return row;
  });
}

/** A new interaction built but not yet inserted: see `prepare` and `insertPrepared`. */
export interface PreparedInteraction {
  row: Row;
  message: typeof interactionMessages.$inferInsert | null;
  event: NewEvent;
  interaction: Interaction;
}

/**
 * New interactions and transitions for a transaction written as scripts (routing's group commit):
 * planned in memory over `known` rows (read with `selectRowsStatement`), answered as the statements
 * that write them and their events. A new interaction is inserted as it ends up, not inserted and then
 * updated. The `known` rows named in `fromMemory` were not read in this transaction: the statements fail
 * it unless the table still holds them so. Throws, like `planTransitions`, on a missing interaction or a
 * move not allowed.
 */
export function scriptedWrites(
  workspaceId: string,
  known: Map<string, Row>,
  creates: PreparedInteraction[],
  requests: TransitionRequest[],
  now: Date,
  fromMemory: ReadonlySet<string> = new Set(),
) {
  const current = new Map(known);
  for (const c of creates) current.set(c.row.id, c.row);
  const { changed, events, made } = planTransitions(workspaceId, current, requests, now);
  const created = new Set(creates.map((c) => c.row.id));
  const updated = [...changed].filter((id) => !created.has(id)).map((id) => current.get(id)!);
  const messages = creates.flatMap((c) => (c.message ? [c.message] : []));
  // Rows taken from memory are checked as they are written; those left as they were, on their own.
  const before = new Map([...fromMemory].flatMap((id) => (known.has(id) ? [[id, known.get(id)!]] : [])));
  const unchanged = [...before.values()].filter((r) => !changed.has(r.id));
  const statements = [
    ...(unchanged.length > 0 ? [unchangedRowsStatement(workspaceId, unchanged)] : []),
    ...(creates.length > 0
      ? [
          insertRowsStatement(
            workspaceId,
            creates.map((c) => current.get(c.row.id)!),
          ),
        ]
      : []),
    ...(messages.length > 0 ? [insertMessagesStatement(messages)] : []),
    ...(updated.length > 0 ? [updateRowsStatement(workspaceId, updated, before)] : []),
  ];
  return {
    statements,
    events: [...creates.map((c) => c.event), ...events],
    /** Each transition request that was made, and its event (one of `events`). */
    made,
    interactions: new Map([...current].map(([id, row]) => [id, toInteraction(row)])),
    /** The rows written, as they now are in the table. */
    written: [...new Set([...created, ...changed])].map((id) => current.get(id)!),
  };
}
