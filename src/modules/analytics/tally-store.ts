/**
 * Writes the interval and day tallies (see `metrics/tallies.ts` and the tables in `schema.ts`): adds a
 * batch's deltas to both in one statement each, and derives the day tallies again from the interval
 * tallies when the workspace's time zone changes. Called inside the projector's transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { CONTACT_TALLY_KEYS, type TallyDelta } from './metrics/tallies.ts';

/** The tally tables' columns and the `Tally` keys they hold. */
export const TALLY_COLUMNS = CONTACT_TALLY_KEYS.map(
  (k) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), k] as const,
);

const names = TALLY_COLUMNS.map(([c]) => c);
const columns = sql.raw(names.join(', '));
const sums = sql.raw(names.map((c) => `sum(${c})`).join(', '));
const added = (table: string) => sql.raw(names.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
const recordType = sql.raw(names.map((c) => `${c} bigint`).join(', '));

/** Adds deltas to the interval tallies and to the day tallies of `timeZone`. */
export async function addTallies(tx: Db, workspaceId: string, timeZone: string, deltas: TallyDelta[]) {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({
    interval_start: new Date(d.intervalStart).toISOString(),
    queue_id: d.queueId,
    channel: d.channel,
    ...Object.fromEntries(TALLY_COLUMNS.map(([column, key]) => [column, d.tally[key]])),
  }));
  const records = sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as x(interval_start timestamptz, queue_id text, channel text, ${recordType})`;
  await tx.execute(sql`insert into analytics_tallies (workspace_id, interval_start, queue_id, channel, ${columns})
    select ${workspaceId}::uuid, interval_start, queue_id, channel, ${columns} from ${records}
    on conflict (workspace_id, interval_start, queue_id, channel) do update set ${added('analytics_tallies')}`);
  await tx.execute(sql`insert into analytics_day_tallies (workspace_id, day, queue_id, channel, ${columns})
    select ${workspaceId}::uuid, (interval_start at time zone ${timeZone})::date, queue_id, channel, ${sums}
    from ${records} group by 2, 3, 4
    on conflict (workspace_id, day, queue_id, channel) do update set ${added('analytics_day_tallies')}`);
}

/** Replaces the workspace's day tallies with its interval tallies summed by local day of `timeZone`. */
export async function deriveDayTallies(tx: Db, workspaceId: string, timeZone: string) {
  await tx.execute(sql`delete from analytics_day_tallies where workspace_id = ${workspaceId}`);
  await tx.execute(sql`insert into analytics_day_tallies (workspace_id, day, queue_id, channel, ${columns})
    select workspace_id, (interval_start at time zone ${timeZone})::date, queue_id, channel, ${sums}
    from analytics_tallies where workspace_id = ${workspaceId} group by 1, 2, 3, 4`);
}
