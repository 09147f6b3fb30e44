/**
 * The engine's snapshots in `routing_snapshots`: one row per workspace, the engine as of one input of the
 * log. A snapshot is written beside the groups that follow it (they do not wait for it), so an older one
 * could finish after a newer one: the row only ever moves forward.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { EngineSnapshot } from './core/index.ts';

/** A snapshot taken, already serialised: later decisions of the engine cannot change what is written. */
export interface TakenSnapshot {
  workspaceId: string;
  lastInputId: number;
  /** The snapshot as JSON text. */
  json: string;
  /** Agents and interactions it holds (what the next snapshot's spacing follows). */
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
    size: snapshot.agents.length + snapshot.interactions.length,
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
