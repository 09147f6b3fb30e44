/**
 * The projector: reads a workspace's settled events after its cursor and folds them into the read
 * model (contacts, their interval tallies, agent time), in one transaction per batch with the cursor,
 * so a batch is applied exactly once. Writers of a workspace take turns on an advisory lock; any process may catch up.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { decodeCursor, encodeCursor } from '../../platform/events/log.ts';
import { STATE_FIELD, type StateSpan, splitSpan } from './metrics/agent-time.ts';
import {
  applyEvent,
  CONTACT_EVENT_TYPES,
  type Contact,
  emptyContact,
  type MetricEvent,
} from './metrics/contacts.ts';
import { tallyDeltas } from './metrics/tallies.ts';
import { addTallies, deriveDayTallies } from './tally-store.ts';

const BATCH = 20_000;
const READ_MODEL = [
  'analytics_cursors',
  'analytics_contacts',
  'analytics_tallies',
  'analytics_day_tallies',
  'analytics_agent_time',
  'analytics_agent_state',
];
const INTERVAL_MS = 15 * 60_000;
const TYPES = [...CONTACT_EVENT_TYPES, 'agent.status_changed'];

interface EventRow {
  id: string | number;
  tx: string;
  type: string;
  subject_id: string | null;
  at: Date | string;
  payload: Record<string, unknown>;
}

interface ContactRow {
  interaction_id: string;
  channel: string | null;
  queue_id: string | null;
  agent_id: string | null;
  customer_id: string | null;
  reason: string | null;
  arrived_at: Date | string | null;
  answered_at: Date | string | null;
  talk_ended_at: Date | string | null;
  closed_at: Date | string | null;
  abandoned_at: Date | string | null;
  first_reply_at: Date | string | null;
  transfers: number;
  csat: number | null;
}

const ms = (v: Date | string | null): number | null => (v === null ? null : new Date(v).getTime());
const iso = (v: number | null): string | null => (v === null ? null : new Date(v).toISOString());
const uuidOrNull = (v: string | null) =>
  v !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v : null;

function fromRow(r: ContactRow): Contact {
  return {
    id: r.interaction_id,
    channel: r.channel,
    queueId: r.queue_id,
    agentId: r.agent_id,
    customerId: r.customer_id,
    reason: r.reason,
    arrivedAt: ms(r.arrived_at),
    answeredAt: ms(r.answered_at),
    talkEndedAt: ms(r.talk_ended_at),
    closedAt: ms(r.closed_at),
    abandonedAt: ms(r.abandoned_at),
    firstReplyAt: ms(r.first_reply_at),
    transfers: r.transfers,
    csat: r.csat,
  };
}

/**
 * @param timeZoneOf the workspace's time zone, for the day tallies.
 */
export function createProjector(db: Db, timeZoneOf: (workspaceId: string) => Promise<string>) {
  /**
   * Applies every settled event after the cursor. Returns how many events it read.
   * @example await projector.catchUp(workspaceId);
   */
  async function catchUp(workspaceId: string, options: { settleMs?: number } = {}): Promise<number> {
    if (options.settleMs) await settle(options.settleMs);
    let total = 0;
    const timeZone = await timeZoneOf(workspaceId);
    for (;;) {
      const read = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:${workspaceId}`}, 0))`,
        );
        const [cursorRow] = await queryRows<{ cursor: string; day_time_zone: string | null }>(
          tx,
          sql`select cursor, day_time_zone from analytics_cursors where workspace_id = ${workspaceId}`,
        );
        // The workspace moved to another time zone: its days are other spans of the intervals.
        if (cursorRow && cursorRow.day_time_zone !== timeZone) {
          await deriveDayTallies(tx, workspaceId, timeZone);
          await tx.execute(sql`update analytics_cursors set day_time_zone = ${timeZone}
            where workspace_id = ${workspaceId}`);
        }
        const after = cursorRow ? decodeCursor(cursorRow.cursor) : null;
        const rows = await queryRows<EventRow>(
          tx,
          sql`select id, tx::text as tx, type, subject_id, at, payload from events
              where workspace_id = ${workspaceId} and tx < pg_snapshot_xmin(pg_current_snapshot())
                ${after ? sql`and (tx, id) > (${after.tx}::xid8, ${after.id}::bigint)` : sql``}
              order by tx, id limit ${BATCH}`,
        );
        if (rows.length === 0) return 0;
        const events: MetricEvent[] = [];
        for (const r of rows) {
          if (!r.subject_id || !TYPES.includes(r.type)) continue;
          events.push({
            type: r.type,
            subjectId: r.subject_id,
            at: new Date(r.at).getTime(),
            payload: r.payload,
          });
        }
        await applyContacts(
          tx,
          workspaceId,
          timeZone,
          events.filter((e) => e.type !== 'agent.status_changed'),
        );
        await applyAgentStates(
          tx,
          workspaceId,
          events.filter((e) => e.type === 'agent.status_changed'),
        );
        const last = rows[rows.length - 1]!;
        const cursor = encodeCursor({ tx: last.tx, id: Number(last.id) });
        await tx.execute(sql`insert into analytics_cursors (workspace_id, cursor, day_time_zone)
          values (${workspaceId}, ${cursor}, ${timeZone})
          on conflict (workspace_id) do update set cursor = excluded.cursor`);
        return rows.length;
      });
      total += read;
      if (read < BATCH) return total;
    }
  }

  /**
   * Waits (up to `ms`) until every transaction that was running when called has ended, so that what
   * committed before the call is settled and readable in log order. Transaction ids are server-wide on
   * PostgreSQL, so a busy server may hold the horizon back a little.
   */
  async function settle(ms: number): Promise<void> {
    const [start] = await queryRows<{ horizon: string }>(
      db,
      sql`select pg_snapshot_xmax(pg_current_snapshot())::text as horizon`,
    );
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const [row] = await queryRows<{ ok: boolean }>(
        db,
        sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${start!.horizon}::xid8 as ok`,
      );
      if (row?.ok) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function applyContacts(
    tx: Db,
    workspaceId: string,
    timeZone: string,
    events: MetricEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => e.subjectId))];
    const existing = await queryRows<ContactRow>(
      tx,
      sql`select * from analytics_contacts where workspace_id = ${workspaceId}
          and interaction_id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    const before = new Map(existing.map((r) => [r.interaction_id, fromRow(r)]));
    const contacts = new Map(before);
    for (const e of events)
      contacts.set(e.subjectId, applyEvent(contacts.get(e.subjectId) ?? emptyContact(e.subjectId), e));
    const changes = [...contacts].map(([id, c]) => [before.get(id) ?? null, c] as [Contact | null, Contact]);
    await addTallies(tx, workspaceId, timeZone, tallyDeltas(changes));
    // One JSON parameter per batch: far cheaper to bind and parse than fifteen parameters a row.
    const rows = [...contacts.values()].map((c) => ({
      interaction_id: c.id,
      channel: c.channel,
      queue_id: c.queueId,
      agent_id: uuidOrNull(c.agentId),
      customer_id: uuidOrNull(c.customerId),
      reason: c.reason,
      arrived_at: iso(c.arrivedAt),
      answered_at: iso(c.answeredAt),
      talk_ended_at: iso(c.talkEndedAt),
      closed_at: iso(c.closedAt),
      abandoned_at: iso(c.abandonedAt),
      first_reply_at: iso(c.firstReplyAt),
      transfers: c.transfers,
      csat: c.csat,
    }));
    await tx.execute(sql`insert into analytics_contacts (workspace_id, interaction_id, channel, queue_id, agent_id,
        customer_id, reason, arrived_at, answered_at, talk_ended_at, closed_at, abandoned_at, first_reply_at, transfers, csat)
      select ${workspaceId}::uuid, interaction_id, channel, queue_id, agent_id, customer_id, reason, arrived_at, answered_at,
        talk_ended_at, closed_at, abandoned_at, first_reply_at, transfers, csat
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(interaction_id uuid, channel text, queue_id text,
        agent_id uuid, customer_id uuid, reason text, arrived_at timestamptz, answered_at timestamptz, talk_ended_at timestamptz,
        closed_at timestamptz, abandoned_at timestamptz, first_reply_at timestamptz, transfers int, csat smallint)
      on conflict (workspace_id, interaction_id) do update set channel = excluded.channel, queue_id = excluded.queue_id,
        agent_id = excluded.agent_id, customer_id = excluded.customer_id, reason = excluded.reason,
        arrived_at = excluded.arrived_at, answered_at = excluded.answered_at, talk_ended_at = excluded.talk_ended_at,
        closed_at = excluded.closed_at, abandoned_at = excluded.abandoned_at, first_reply_at = excluded.first_reply_at,
        transfers = excluded.transfers, csat = excluded.csat`);
  }

  async function applyAgentStates(tx: Db, workspaceId: string, events: MetricEvent[]): Promise<void> {
    if (events.length === 0) return;
    const open = new Map(
      (
        await queryRows<{ agent_id: string; state: string; since: Date | string }>(
          tx,
          sql`select agent_id, state, since from analytics_agent_state where workspace_id = ${workspaceId}`,
        )
      ).map((r) => [r.agent_id, { state: r.state, since: new Date(r.since).getTime() }]),
    );
    const added = new Map<string, number>();
    for (const e of events) {
      const agentId = uuidOrNull(typeof e.payload.agentId === 'string' ? e.payload.agentId : e.subjectId);
      const state = e.payload.status;
      if (!agentId || typeof state !== 'string') continue;
      const previous = open.get(agentId);
      if (previous && previous.state in STATE_FIELD && e.at > previous.since) {
        const span = { agentId, state: previous.state, start: previous.since, end: e.at } as StateSpan;
        for (const [start, length] of splitSpan(span, INTERVAL_MS)) {
          const key = `${agentId}|${start}|${previous.state}`;
          added.set(key, (added.get(key) ?? 0) + length);
        }
      }
      open.set(agentId, { state, since: Math.max(e.at, previous?.since ?? e.at) });
    }
    const states = [...open].map(
      ([agentId, s]) =>
        sql`(${workspaceId}::uuid, ${agentId}::uuid, ${s.state}, ${iso(s.since)}::timestamptz)`,
    );
    await tx.execute(sql`insert into analytics_agent_state (workspace_id, agent_id, state, since)
      values ${sql.join(states, sql`, `)}
      on conflict (workspace_id, agent_id) do update set state = excluded.state, since = excluded.since`);
    if (added.size === 0) return;
    const times = [...added].map(([key, length]) => {
      const [agentId, start, state] = key.split('|');
      return sql`(${workspaceId}::uuid, ${agentId}::uuid, ${iso(Number(start))}::timestamptz, ${state}, ${length}::bigint)`;
    });
    await tx.execute(sql`insert into analytics_agent_time (workspace_id, agent_id, interval_start, state, ms)
      values ${sql.join(times, sql`, `)}
      on conflict (workspace_id, interval_start, agent_id, state) do update set ms = analytics_agent_time.ms + excluded.ms`);
  }

  /**
   * Drops the workspace's read model and folds the whole log again: what the tables hold is a function
   * of the log alone, so a rebuild gives the same rows.
   * @example await projector.rebuild(workspaceId);
   */
  async function rebuild(workspaceId: string): Promise<number> {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:${workspaceId}`}, 0))`);
      for (const table of READ_MODEL)
        await tx.execute(sql`delete from ${sql.raw(table)} where workspace_id = ${workspaceId}`);
    });
    return catchUp(workspaceId);
  }

  return { catchUp, rebuild };
}

export type Projector = ReturnType<typeof createProjector>;
