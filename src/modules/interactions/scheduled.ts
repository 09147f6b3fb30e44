/**
 * Scheduled work across workspaces: interactions waiting for their time (call-backs). Their
 * `scheduled_for` is the durable timer routing wakes up for; a partial index keeps both reads cheap.
 */
import { and, asc, eq, isNotNull, lte, min } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { interactions } from './schema.ts';
import { toInteraction } from './transitions.ts';

const waiting = and(eq(interactions.state, 'scheduled'), isNotNull(interactions.scheduledFor));

export function scheduledQueries(db: Db) {
  return {
    /** Scheduled interactions whose time has come, oldest first, with their workspace. */
    async dueScheduled(now: Date, limit: number) {
      const rows = await db
        .select()
        .from(interactions)
        .where(and(waiting, lte(interactions.scheduledFor, now)))
        .orderBy(asc(interactions.scheduledFor), asc(interactions.id))
        .limit(limit);
      return rows.map((r) => ({ workspaceId: r.workspaceId, interaction: toInteraction(r) }));
    },
    /** When the next scheduled interaction falls due, or null when none waits. */
    async nextScheduledAt(): Promise<Date | null> {
      const [row] = await db
        .select({ at: min(interactions.scheduledFor) })
        .from(interactions)
        .where(waiting);
      return row?.at ? new Date(row.at) : null;
    },
  };
}
