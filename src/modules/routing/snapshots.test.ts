import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import { type Database, queryRows } from '../../platform/db/connect.ts';
import type { EngineSnapshot } from './core/index.ts';
import { takenSnapshot, writeSnapshot } from './snapshots.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

const snapshot = (now: number): EngineSnapshot => ({
  version: 1,
  now,
  nextSeq: 1,
  closedQueueIds: [],
  agents: [],
  interactions: [],
});

const stored = async (workspaceId: string) => {
  const [row] = await queryRows<{ last: number; now: number }>(
    database.db,
    sql`select last_input_id::int as last, (snapshot->>'now')::int as now
        from routing_snapshots where workspace_id = ${workspaceId}`,
  );
  return row;
};

describe('writing snapshots', () => {
  it('moves the stored snapshot forward only: an older one written late leaves the newer in place', async () => {
    const workspace = randomUUID();
    const at = new Date('2026-12-07T10:00:00Z');
    await writeSnapshot(database.db, takenSnapshot(workspace, 10, snapshot(1_000), at));
    expect(await stored(workspace)).toEqual({ last: 10, now: 1_000 });
    await writeSnapshot(database.db, takenSnapshot(workspace, 20, snapshot(2_000), at));
    expect(await stored(workspace)).toEqual({ last: 20, now: 2_000 });
    await writeSnapshot(database.db, takenSnapshot(workspace, 15, snapshot(1_500), at));
    expect(await stored(workspace)).toEqual({ last: 20, now: 2_000 });
  });

  it('serialises when taken: what the engine does afterwards is not written', () => {
    const state = snapshot(1_000);
    const taken = takenSnapshot(randomUUID(), 5, state, new Date());
    state.now = 9_999;
    expect(JSON.parse(taken.json).now).toBe(1_000);
    expect(taken.size).toBe(0);
  });
});
