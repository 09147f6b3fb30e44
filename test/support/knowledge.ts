/**
 * A knowledge workspace on its own test database, with English articles loaded: what the ranking
 * statement's tests share.
 */
import { sql } from 'drizzle-orm';
import { createArticleService } from '../../src/modules/knowledge/articles-service.ts';
import { type Context, createContext } from '../../src/modules/knowledge/context.ts';
import type { RankingParams } from '../../src/modules/knowledge/ranking.ts';
import { FILTERS } from '../../src/modules/knowledge/search-service.ts';
import { rankArticles } from '../../src/modules/knowledge/search-sql.ts';
import { createWorkspaceService } from '../../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../../src/platform/clock.ts';
import { type Database, queryRows } from '../../src/platform/db/connect.ts';
import { createLocalBus } from '../../src/platform/events/bus.ts';
import { createUnitOfWork } from '../../src/platform/events/unit-of-work.ts';
import { testDatabase } from './database.ts';

export interface TestArticle {
  externalId: string;
  title: string;
  body: string;
  phrasings?: string[];
}

export interface KnowledgeFixture {
  database: Database;
  ctx: Context;
  ws: string;
  /** Article ids by external id. */
  ids: Map<string, string>;
}

/** @example const kb = await knowledgeFixture('kb-rank', [{ externalId: 'a', title: 'Hose', body: 'Leaks' }]); */
export async function knowledgeFixture(slug: string, articles: TestArticle[]): Promise<KnowledgeFixture> {
  const database = await testDatabase();
  const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
  const base = { db: database.db, uow, clock: systemClock, newId };
  const ctx = createContext(base);
  const ws = (
    await createWorkspaceService(base).create({
      slug: `${slug}-${process.pid}`,
      name: slug,
      timeZone: 'UTC',
      defaultLanguage: 'en',
      defaultCountry: 'CO',
    })
  ).id;
  await createArticleService(ctx).upsertMany(
    ws,
    null,
    articles.map((a) => ({
      ...a,
      language: 'en' as const,
      status: 'published' as const,
      visibility: 'public' as const,
    })),
  );
  const rows = await queryRows<{ id: string; external_id: string }>(
    database.db,
    sql`select id, external_id from kb_articles where workspace_id = ${ws}`,
  );
  return { database, ctx, ws, ids: new Map(rows.map((r) => [r.external_id, r.id])) };
}

/**
 * The ranking statement alone for an English query over the fixture's public articles, with fresh
 * corpus statistics.
 * @example const found = await rankQuery(kb, 'garden hose', BM25F);
 */
export async function rankQuery(kb: KnowledgeFixture, query: string, params: RankingParams) {
  kb.ctx.forget(kb.ws);
  const { stats } = await kb.ctx.searchContext(kb.ws);
  return rankArticles(kb.database.db, kb.ws, {
    texts: { es: query, en: query },
    expansions: '',
    filter: { languages: ['en'], ...FILTERS.public },
    stats,
    params,
    limit: 10,
  });
}
