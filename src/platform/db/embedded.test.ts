import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import { type Database, isEmbedded } from './connect.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('isEmbedded', () => {
  it('tells PGlite from a server, on the database and inside a transaction', async () => {
    const embedded = database.kind === 'pglite';
    expect(isEmbedded(database.db)).toBe(embedded);
    await database.db.transaction(async (tx) => {
      expect(isEmbedded(tx)).toBe(embedded);
    });
  });
});
