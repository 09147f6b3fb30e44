import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import type { Database } from '../../platform/db/connect.ts';
import {
  closeScriptLane,
  openScriptLane,
  type ScriptLane,
  scriptTransaction,
} from '../../platform/db/script.ts';
import { inputsAfterAreStatement, markStatement } from './inputs.ts';

let database: Database;
let lane: ScriptLane | null;
beforeAll(async () => {
  database = await testDatabase();
  lane = await openScriptLane(database.db);
});
afterAll(async () => {
  closeScriptLane(lane);
  await database.close();
});

/** Runs statements in a transaction on the lane's connection; commits unless told to fail after them. */
const run = (statements: string[], fail = false) =>
  scriptTransaction(
    database.db,
    async (step) => {
      await step(statements, { commit: !fail });
      if (fail) throw new Error('rolled back on purpose');
    },
    lane,
  );

describe('the check of a group sent behind another', () => {
  const workspace = randomUUID();

  it('passes only when the group ahead committed its mark and no input was written since', async () => {
    await run([markStatement('ahead')]);
    await expect(
      run([inputsAfterAreStatement(workspace, 0, { count: 0, mark: 'ahead' })]),
    ).resolves.toBeUndefined();
    await expect(run([inputsAfterAreStatement(workspace, 0, { count: 1, mark: 'ahead' })])).rejects.toThrow(
      /not the ones it was decided after/,
    );
  });

  it('fails when the group ahead rolled back: its mark is undone', async () => {
    await run([markStatement('first')]);
    await expect(run([markStatement('second')], true)).rejects.toThrow(/on purpose/);
    await expect(run([inputsAfterAreStatement(workspace, 0, { count: 0, mark: 'second' })])).rejects.toThrow(
      /not the ones it was decided after/,
    );
    await expect(
      run([inputsAfterAreStatement(workspace, 0, { count: 0, mark: 'first' })]),
    ).resolves.toBeUndefined();
  });
});
