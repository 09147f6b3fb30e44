/**
 * Learned word translations in the ranking statement: a word searchers typed before picking articles
 * that share a title word stands for that word, and so finds an article that never learned it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeFixture, rankQuery } from '../../../test/support/knowledge.ts';
import type { Database } from '../../platform/db/connect.ts';
import { createArticleService } from './articles-service.ts';
import type { Context } from './context.ts';
import { evaluate } from './eval.ts';
import { createLearningService } from './learning-service.ts';
import { BM25F, type RankingParams } from './ranking.ts';
import { createSearchService } from './search-service.ts';

let database: Database;
let ws: string;
let ctx: Context;
let ids: Map<string, string>;
let learning: ReturnType<typeof createLearningService>;

beforeAll(async () => {
  const article = (externalId: string, title: string, body: string) => ({
    externalId,
    title,
    body,
  });
  ({ database, ctx, ws, ids } = await knowledgeFixture('kb-translate', [
    article('cleaning', 'Room cleaning schedule', 'Housekeeping cleans every morning.'),
    article('upgrade', 'Room upgrade prices', 'A larger suite costs extra per night.'),
    article('checkout', 'Late checkout from your room', 'You may stay until two in the afternoon.'),
    article('parking', 'Parking at the hotel', 'The garage is free for guests.'),
    article('chamber', 'Chamber music evenings', 'A quartet plays in the lobby on Fridays.'),
    article('dinner', 'Dinner evenings on the terrace', 'The chef grills fish on Saturdays.'),
  ]));
  // Searchers call a room a "chamber": two of them picked two different room articles after typing it;
  // one picked the music article, whose own title says "chamber" and so teaches no translation.
  learning = createLearningService(ctx);
  await learning.learnMany(
    ws,
    [
      { query: 'chamber tidy', articleId: ids.get('cleaning')! },
      { query: 'bigger chamber', articleId: ids.get('upgrade')! },
      { query: 'chamber concert', articleId: ids.get('chamber')! },
    ],
    'api',
  );
});
afterAll(() => database.close());

const rank = async (query: string, params: RankingParams) => {
  const found = await rankQuery({ database, ctx, ws, ids }, query, params);
  const external = new Map([...ids].map(([e, id]) => [id, e]));
  return found.map((f) => external.get(f.id));
};

const ON: RankingParams = { ...BM25F, trigramWeight: 0, translationWeight: 0.5, translationMinSupport: 2 };

describe('learned word translations', () => {
  it('find an article that never learned the word, through the title word it stands for', async () => {
    expect(await rank('chamber', { ...ON, translationWeight: 0 })).not.toContain('checkout');
    const found = await rank('chamber', ON);
    expect(found).toContain('checkout');
    // What learned the word itself still ranks above what is found through its translation.
    expect(found.indexOf('checkout')).toBeGreaterThan(found.indexOf('cleaning'));
    expect(found).not.toContain('parking');
  });

  it('need as many articles sharing the title word as the minimum support', async () => {
    expect(await rank('chamber', { ...ON, translationMinSupport: 3 })).not.toContain('checkout');
  });

  it('learn nothing from an article whose own text has the word', async () => {
    // Were the music article a source, its title's "evenings" would be a translation of "chamber" (support
    // 1) and bring in the dinner article; it is not: the article explains the word by itself.
    const found = await rank('chamber', { ...ON, translationMinSupport: 1 });
    expect(found).toContain('checkout');
    expect(found).not.toContain('dinner');
  });

  it('raise MRR@10 through the product search path, as `kb eval` measures it', async () => {
    const queries = [{ query: 'chamber', language: 'en' as const, relevant: ['checkout'] }];
    const mrr = async (params: RankingParams) =>
      (
        await evaluate(
          { ctx, learning, articles: createArticleService(ctx), search: createSearchService(ctx, params) },
          ws,
          ids,
          queries,
        )
      ).mrr_at_10;
    expect(await mrr({ ...BM25F, translationWeight: 0 })).toBe(0);
    expect(await mrr(BM25F)).toBeGreaterThan(0);
  });

  it('translate a word from the moment it is first learned', async () => {
    // A search skips the words no learned query holds; one learned since the last search is not skipped.
    expect(await rank('pad', ON)).toEqual([]);
    await learning.learnMany(
      ws,
      [
        { query: 'pad tidy', articleId: ids.get('cleaning')! },
        { query: 'bigger pad', articleId: ids.get('upgrade')! },
      ],
      'api',
    );
    expect(await rank('pad', ON)).toContain('checkout');
  });
});
