/**
 * The workspace's search data: kept a few seconds, refreshed in the background, and the thesaurus's
 * looked-up document frequencies kept across refreshes only while the corpus's statistics stay the same.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { knowledgeFixture } from '../../../test/support/knowledge.ts';
import { newId } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/connect.ts';
import { createLocalBus } from '../../platform/events/bus.ts';
import { createUnitOfWork } from '../../platform/events/unit-of-work.ts';
import { createArticleService } from './articles-service.ts';
import { type Context, createContext, type SearchData, sameStats } from './context.ts';

let database: Database;
let ws: string;
let ctx: Context;
let now = Date.parse('2026-01-05T10:00:00Z');

beforeAll(async () => {
  ({ database, ws } = await knowledgeFixture('kb-context', [
    { externalId: 'hose', title: 'Garden hose', body: 'The hose leaks at the tap.' },
  ]));
  const clock = { now: () => new Date(now) };
  ctx = createContext({
    db: database.db,
    uow: createUnitOfWork(database.db, createLocalBus(), clock),
    clock,
    newId,
  });
});

afterAll(() => database.close());

/** Lets the kept data expire, then waits for the background refresh that the next search starts. */
async function refreshed(previous: SearchData, seconds: number): Promise<SearchData> {
  now += seconds * 1000;
  expect(await ctx.searchContext(ws)).toBe(previous);
  let next = previous;
  await vi.waitFor(async () => {
    next = await ctx.searchContext(ws);
    expect(next).not.toBe(previous);
  });
  return next;
}

describe('search data', () => {
  it('keeps looked-up frequencies across refreshes of an unchanged corpus, for a minute at most', async () => {
    const first = await ctx.searchContext(ws);
    first.frequencies.en.set('hose', 1);
    const second = await refreshed(first, 6);
    expect(second.frequencies).toBe(first.frequencies);
    const later = await refreshed(second, 55);
    expect(later.frequencies.en.size).toBe(0);
  });

  it("drops them when another process's change shows in the statistics", async () => {
    const before = await ctx.searchContext(ws);
    before.frequencies.en.set('hose', 1);
    // Another process: its own context, so this one is not told.
    const other = createContext({
      db: database.db,
      uow: createUnitOfWork(database.db, createLocalBus(), { now: () => new Date(now) }),
      clock: { now: () => new Date(now) },
      newId,
    });
    await createArticleService(other).upsertMany(ws, null, [
      {
        externalId: 'hose-2',
        title: 'Hose reels',
        body: 'A reel keeps the hose tidy.',
        language: 'en',
        status: 'published',
        visibility: 'public',
      },
    ]);
    const after = await refreshed(before, 6);
    expect(sameStats(after.stats, before.stats)).toBe(false);
    expect(after.frequencies).not.toBe(before.frequencies);
    expect(after.frequencies.en.has('hose')).toBe(false);
  });
});
