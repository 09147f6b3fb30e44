/** Writing to and reading from the event log. */
import { and, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { type Db, queryRows } from '../db/connect.ts';
import { jsonLiteral, literal } from '../db/script.ts';
import { events } from './schema.ts';

export interface NewEvent {
  workspaceId: string;
  type: string;
  subject: string;
  subjectId?: string | null;
  actorId?: string | null;
  /** Realtime topics that receive the event, e.g. `queue:<id>`; `workspace` is always added. */
  topics?: string[];
  payload?: Record<string, unknown>;
  at?: Date;
}

export interface StoredEvent {
  id: number;
  cursor: string;
  workspaceId: string;
  type: string;
  subject: string;
  subjectId: string | null;
  actorId: string | null;
  topics: string[];
  at: string;
  payload: Record<string, unknown>;
}

/** An event as the row it is stored as. */
const toRow = (e: NewEvent, now: Date) => ({
  workspaceId: e.workspaceId,
  type: e.type,
  subject: e.subject,
  subjectId: e.subjectId ?? null,
  actorId: e.actorId ?? null,
  topics: ['workspace', ...(e.topics ?? [])],
  at: e.at ?? now,
  payload: e.payload ?? {},
});

/** Appends events inside the caller's transaction, so they commit or roll back with the change. */
export async function appendEvents(tx: Db, clock: Clock, list: NewEvent[]): Promise<void> {
  if (list.length === 0) return;
  const now = clock.now();
  await tx.insert(events).values(list.map((e) => toRow(e, now)));
}

/** A uuid as PostgreSQL writes it back, so that a topic rebuilt from the column equals the one given. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The statement that appends events, for a transaction written as scripts (see `db/script.ts`):
 * the same rows as `appendEvents`, in one parameterless statement. Each row travels as short keys with
 * only what differs from the defaults (the first event's workspace, no actor, `at` now, no payload), and
 * the `workspace` topic and, when it comes first, the subject's own (`interaction:<id>`) are added in
 * SQL: a group's events are most of a routing script, and every byte is escaped and encoded here and
 * lexed and parsed again by the server.
 */
export function appendEventsStatement(list: NewEvent[], now: Date): string {
  const workspaceId = list[0]?.workspaceId ?? null;
  const rows = list.map((e) => {
    const row: Record<string, unknown> = { t: e.type, s: e.subject };
    if (e.workspaceId !== workspaceId) row.w = e.workspaceId;
    if (e.subjectId) row.i = e.subjectId;
    if (e.actorId) row.a = e.actorId;
    const topics = e.topics ?? [];
    // The subject's own topic, when first, is rebuilt in SQL from the subject and its id.
    const own =
      e.subjectId && CANONICAL_UUID.test(e.subjectId) && topics[0] === `${e.subject}:${e.subjectId}`;
    if (own) row.n = 1;
    if (topics.length > (own ? 1 : 0)) row.o = own ? topics.slice(1) : topics;
    if (e.at) row.at = e.at.toISOString();
    if (e.payload && Object.keys(e.payload).length > 0) row.p = e.payload;
    return row;
  });
  const ws = workspaceId === null ? 'null' : `${literal(workspaceId)}::uuid`;
  return `insert into events (workspace_id, type, subject, subject_id, actor_id, topics, at, payload)
    select coalesce(w, ${ws}), t, s, i, a,
      array['workspace'] || case when n = 1 then array[s || ':' || i] else '{}' end || coalesce(o, '{}'),
      coalesce(at, ${literal(now.toISOString())}::timestamptz), coalesce(p, '{}')
    from jsonb_to_recordset(${jsonLiteral(rows)})
      as x(w uuid, t text, s text, i uuid, a uuid, n int, o text[], at timestamptz, p jsonb)`;
}

/** A position in the log: opaque to clients. */
export interface Cursor {
  tx: string;
  id: number;
}

export const encodeCursor = (c: Cursor): string => `${c.tx}.${c.id}`;

export function decodeCursor(text: string): Cursor | null {
  const m = /^(\d{1,20})\.(\d{1,18})$/.exec(text);
  return m ? { tx: m[1]!, id: Number(m[2]) } : null;
}

/**
 * The oldest transaction still running that could write to this database's log: every event below it
 * has settled. Transaction ids are shared by the whole PostgreSQL server, so the snapshot's own `xmin`
 * would also wait for long writes in other databases of the cluster (a bulk load, a migration), holding
 * every realtime delivery until they end. A running id is left out only when the server lists it for a
 * session of another database, which cannot be wrong; one it cannot place (it just ended, or the role
 * may not see other sessions) is still waited for.
 */
export const SETTLED = sql`(
  select coalesce(
    (select min(x) from pg_snapshot_xip(s) as x
      where not exists (
        select 1 from pg_stat_activity a
        where a.backend_xid = x::xid and a.datname <> current_database())),
    pg_snapshot_xmax(s))
  from pg_current_snapshot() as s)`;

interface EventRow {
  id: string | number;
  tx: string;
  workspace_id: string;
  type: string;
  subject: string;
  subject_id: string | null;
  actor_id: string | null;
  topics: string[];
  at: Date | string;
  payload: Record<string, unknown>;
}

/**
 * Reads the settled events after a cursor (those whose transaction is older than every running one),
 * optionally only those on some topics.
 */
export async function readEventsAfter(
  db: Db,
  workspaceId: string,
  after: Cursor | null,
  options: { topics?: string[]; limit?: number } = {},
): Promise<StoredEvent[]> {
  const rows = await queryRows<EventRow>(
    db,
    sql`select id, tx::text as tx, workspace_id, type, subject, subject_id, actor_id, topics, at, payload
        from events
        where ${and(
          sql`workspace_id = ${workspaceId}`,
          sql`tx < ${SETTLED}`,
          after ? sql`(tx, id) > (${after.tx}::xid8, ${after.id}::bigint)` : undefined,
          options.topics ? sql`topics && ${sql.raw(textArray(options.topics))}` : undefined,
        )}
        order by events.tx, events.id
        limit ${options.limit ?? 500}`,
  );
  return rows.map(toStored);
}

/**
 * The cursor of the newest settled event: where a new reader starts. (Orders name the table's `tx`: the
 * bare name would be the text column of the select list, which sorts "1000" before "999".)
 */
export async function headCursor(db: Db, workspaceId: string): Promise<Cursor> {
  const rows = await queryRows<{ tx: string; id: string | number }>(
    db,
    sql`select tx::text as tx, id from events
        where workspace_id = ${workspaceId} and tx < ${SETTLED}
        order by events.tx desc, events.id desc limit 1`,
  );
  const row = rows[0];
  return row ? { tx: row.tx, id: Number(row.id) } : { tx: '0', id: 0 };
}

function toStored(r: EventRow): StoredEvent {
  const id = Number(r.id);
  return {
    id,
    cursor: encodeCursor({ tx: r.tx, id }),
    workspaceId: r.workspace_id,
    type: r.type,
    subject: r.subject,
    subjectId: r.subject_id,
    actorId: r.actor_id,
    topics: r.topics,
    at: new Date(r.at).toISOString(),
    payload: r.payload,
  };
}

/** A literal text[]; topics are validated names, quoted anyway. */
function textArray(values: string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}
