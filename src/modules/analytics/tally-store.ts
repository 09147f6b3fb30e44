/**
 * The tally tables' columns (see `metrics/tallies.ts` and the tables in `schema.ts`), and the day
 * tallies derived again from the interval tallies when the workspace's time zone changes (inside the
 * projector's transaction). The projector's batch fold (`contact-fold-sql.ts`) adds to them.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { CONTACT_TALLY_KEYS } from './metrics/tallies.ts';

/** The tally tables' columns and the `Tally` keys they hold. */
export const TALLY_COLUMNS = CONTACT_TALLY_KEYS.map(
  (k) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), k] as const,
);

const names = TALLY_COLUMNS.map(([c]) => c);
const columns = sql.raw(names.join(', '));
const sums = sql.raw(names.map((c) => `sum(${c})`).join(', '));

/** Replaces the workspace's day tallies with its interval tallies summed by local day of `timeZone`. */
export async function deriveDayTallies(tx: Db, workspaceId: string, timeZone: string) {
  await tx.execute(sql`delete from analytics_day_tallies where workspace_id = ${workspaceId}`);
  await tx.execute(sql`insert into analytics_day_tallies (workspace_id, day, queue_id, channel, ${columns})
    select workspace_id, (interval_start at time zone ${timeZone})::date, queue_id, channel, ${sums}
    from analytics_tallies where workspace_id = ${workspaceId} group by 1, 2, 3, 4`);
}
