/**
 * Bulk imports leave the search index with fresh planner statistics (PGlite has no autovacuum), and
 * evaluation runs leave no searches in the activity log.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/modules/knowledge/context.ts';
import { evaluate } from '../../src/modules/knowledge/eval.ts';
import { newId } from '../../src/platform/clock.ts';
import { queryRows } from '../../src/platform/db/connect.ts';
import { createWorkspace, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const { articles } = app.services.knowledge.services;

async function estimateAndCount() {
  const [row] = await queryRows<{ estimate: number; actual: number }>(
    app.database.db,
    sql`select (select reltuples from pg_class where relname = 'kb_postings')::float8 as estimate,
               (select count(*) from kb_postings)::float8 as actual`,
  );
  return { estimate: Number(row!.estimate), actual: Number(row!.actual) };
}

describe('knowledge bulk import', () => {
  it('refreshes the planner statistics of the index after a bulk import, so search plans use them', async () => {
    const inputs = Array.from({ length: 30 }, (_, i) => ({
      language: 'en' as const,
      title: `How do I reset router model ${i}?`,
      body: `Hold the reset button of model ${i} for ten seconds, then wait for the lights to settle.`,
      externalId: `router-${i}`,
      status: 'published' as const,
    }));
    const counts = await articles.upsertMany(ws.id, null, inputs);
    expect(counts.created).toBe(30);
    const { estimate, actual } = await estimateAndCount();
    expect(actual).toBeGreaterThan(0);
    expect(estimate).toBe(actual);
  });

  it('imports the same id twice in one batch as one article, the later line winning', async () => {
    const line = (body: string) => ({
      language: 'en' as const,
      title: 'How do I pair the remote?',
      body,
      externalId: 'remote-pairing',
      status: 'published' as const,
    });
    const counts = await articles.upsertMany(ws.id, null, [
      line('Hold the home key.'),
      line('Hold the back key.'),
    ]);
    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const [row] = await queryRows<{ body: string; version: number; n: number }>(
      app.database.db,
      sql`select body, version, (select count(*)::int from kb_articles where workspace_id = ${ws.id}
            and external_id = 'remote-pairing') as n
          from kb_articles where workspace_id = ${ws.id} and external_id = 'remote-pairing'`,
    );
    expect(row).toMatchObject({ body: 'Hold the back key.', version: 2, n: 1 });
    const found = await app.services.knowledge.services.search.search(ws.id, {
      query: 'pair remote back key',
      audience: 'public',
      source: 'api',
      record: false,
    });
    expect(found.hits[0]?.title).toBe('How do I pair the remote?');
  });

  it('evaluates queries without recording them as searches', async () => {
    const { services, database } = app;
    const ctx = createContext({ db: database.db, uow: services.uow, clock: services.clock, newId });
    const ids = new Map(
      (await articles.list(ws.id, {}, 1000)).flatMap((a) => (a.externalId ? [[a.externalId, a.id]] : [])),
    ) as Map<string, string>;
    const summary = await evaluate({ ctx, ...services.knowledge.services }, ws.id, ids, [
      { query: 'reset router model 7', language: 'en', relevant: ['router-7'] },
    ]);
    expect(summary.queries).toBe(1);
    expect(summary.hit_at_3).toBe(1);
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from kb_activity where workspace_id = ${ws.id} and kind = 'search'`,
    );
    expect(Number(row!.n)).toBe(0);
  });
});
