/**
 * The projector: folds a workspace's settled events after its cursor into the read model (contacts,
 * their interval, day and agent-day tallies in SQL, see `contact-fold-sql.ts`; agent time here), in
 * one transaction per batch with the cursor, so a batch is applied exactly once. Writers of a workspace take turns on an advisory lock; any process may catch up.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { decodeCursor, encodeCursor, SETTLED } from '../../platform/events/log.ts';
import { deriveAgentDayTallies, foldBatchSql } from './contact-fold-sql.ts';
import { STATE_FIELD, type StateSpan, splitSpan } from './metrics/agent-time.ts';
import type { MetricEvent } from './metrics/contacts.ts';
import { deriveDayTallies } from './tally-store.ts';

/** A catch-up reads this many events at first, and twice as many after each full batch, up to `MAX_BATCH`. */
const FIRST_BATCH = 10_000;
const MAX_BATCH = 100_000;
const READ_MODEL = [
  'analytics_cursors',
  'analytics_contacts',
  'analytics_tallies',
  'analytics_day_tallies',
  'analytics_agent_day_tallies',
  'analytics_agent_time',
  'analytics_agent_state',
];
const INTERVAL_MS = 15 * 60_000;
interface StatusRow {
  type: string;
  subject_id: string;
  at: Date | string;
  payload: Record<string, unknown>;
}

const iso = (v: number | null): string | null => (v === null ? null : new Date(v).toISOString());
const uuidOrNull = (v: string | null) =>
  v !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v : null;

/**
 * @param timeZoneOf the workspace's time zone, for the day tallies.
 * @param options.maxBatch the most events folded in one transaction (tests make it small).
 */
export function createProjector(
  db: Db,
  timeZoneOf: (workspaceId: string) => Promise<string>,
  options: { maxBatch?: number } = {},
) {
  const maxBatch = options.maxBatch ?? MAX_BATCH;
  /**
   * Applies every settled event after the cursor. Returns how many events it read.
   * @example await projector.catchUp(workspaceId);
   */
  async function catchUp(workspaceId: string, options: { settleMs?: number } = {}): Promise<number> {
    if (options.settleMs) await settle(options.settleMs);
    let total = 0;
    let size = Math.min(FIRST_BATCH, maxBatch);
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
          await deriveAgentDayTallies(tx, workspaceId, timeZone);
          await tx.execute(sql`update analytics_cursors set day_time_zone = ${timeZone}
            where workspace_id = ${workspaceId}`);
        }
        const after = cursorRow ? decodeCursor(cursorRow.cursor) : null;
        // The stretch of settled events this batch folds: its last position and its length.
        const [last] = await queryRows<{ tx: string; id: string | number; n: string | number }>(
          tx,
          sql`with w as (
                select tx, id from events
                where workspace_id = ${workspaceId} and tx < ${SETTLED}
                  ${after ? sql`and (tx, id) > (${after.tx}::xid8, ${after.id}::bigint)` : sql``}
                order by tx, id limit ${size}
              )
              select tx::text as tx, id, count(*) over () as n from w order by w.tx desc, w.id desc limit 1`,
        );
        if (!last) return 0;
        const end = { tx: last.tx, id: Number(last.id) };
        const status = await queryRows<StatusRow>(
          tx,
          foldBatchSql({ workspaceId, timeZone, after, last: end }),
        );
        await applyAgentStates(
          tx,
          workspaceId,
          status.map((r) => ({
            type: r.type,
            subjectId: r.subject_id,
            at: new Date(r.at).getTime(),
            payload: r.payload,
          })),
        );
        await tx.execute(sql`insert into analytics_cursors (workspace_id, cursor, day_time_zone)
          values (${workspaceId}, ${encodeCursor(end)}, ${timeZone})
          on conflict (workspace_id) do update set cursor = excluded.cursor`);
        return Number(last.n);
      });
      total += read;
      if (read < size) return total;
      size = Math.min(size * 2, maxBatch);
    }
  }

  /**
   * Waits (up to `ms`) until every transaction that was running when called has ended, so that what
   * committed before the call is settled and readable in log order. Only transactions of this database
   * count (see `SETTLED`), so long writes in other databases of the server do not hold reports back.
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
        sql`select ${SETTLED} >= ${start!.horizon}::xid8 as ok`,
      );
      if (row?.ok) return;
      await new Promise((r) => setTimeout(r, 20));
    }
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
