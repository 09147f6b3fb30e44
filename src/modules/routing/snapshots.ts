/**
 * The engine's snapshots in `routing_snapshots`: one row per workspace, the engine as of one input of the
 * log. A snapshot is written beside the groups that follow it (they do not wait for it), so an older one
 * could finish after a newer one: the row only ever moves forward.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { EngineSnapshot } from './core/index.ts';
import { routingSnapshots } from './schema.ts';

/** Agents and interactions a snapshot holds: what the spacing to the next snapshot follows. */
export const snapshotSize = (snapshot: EngineSnapshot): number =>
  snapshot.agents.length + snapshot.interactions.length;

/** A snapshot taken, already serialised: later decisions of the engine cannot change what is written. */
export interface TakenSnapshot {
  workspaceId: string;
  lastInputId: number;
  /** The snapshot as JSON text. */
  json: string;
  /** See `snapshotSize`. */
  size: number;
  takenAt: Date;
}

/** Serialises the engine's snapshot as of `lastInputId` (the last input it has handled). */
export function takenSnapshot(
  workspaceId: string,
  lastInputId: number,
  snapshot: EngineSnapshot,
  takenAt: Date,
): TakenSnapshot {
  return {
    workspaceId,
    lastInputId,
    json: JSON.stringify(snapshot),
    size: snapshotSize(snapshot),
    takenAt,
  };
}

/**
 * Stores a snapshot unless the workspace's stored one is of a later input.
 * @example await writeSnapshot(db, takenSnapshot(workspaceId, h.lastInputId, h.engine.snapshot(), clock.now()));
 */
export async function writeSnapshot(db: Db, taken: TakenSnapshot): Promise<void> {
  await db.execute(sql`
    insert into routing_snapshots (workspace_id, last_input_id, snapshot, taken_at)
    values (${taken.workspaceId}, ${taken.lastInputId}, ${taken.json}::json, ${taken.takenAt.toISOString()}::timestamptz)
    on conflict (workspace_id) do update
      set last_input_id = excluded.last_input_id, snapshot = excluded.snapshot, taken_at = excluded.taken_at
      where routing_snapshots.last_input_id <= excluded.last_input_id`);
}

/** The workspace's stored snapshot and the last input it holds, if one was written. */
export async function readSnapshot(
  db: Db,
  workspaceId: string,
): Promise<{ lastInputId: number; snapshot: EngineSnapshot } | undefined> {
  const [saved] = await db
    .select({ lastInputId: routingSnapshots.lastInputId, snapshot: routingSnapshots.snapshot })
    .from(routingSnapshots)
    .where(eq(routingSnapshots.workspaceId, workspaceId));
  return saved;
}
