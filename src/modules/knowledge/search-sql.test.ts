/**
 * The ranking statement computes BM25F as documented in `ranking.ts`: each score here is recomputed from
 * the index's own rows (term frequencies, field lengths, document frequencies) by the formula, in
 * TypeScript, and compared; then the trigram fusion and prefix terms change the order as they say.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeFixture, rankQuery } from '../../../test/support/knowledge.ts';
import { type Database, queryRows } from '../../platform/db/connect.ts';
import type { Context } from './context.ts';
import { createLearningService } from './learning-service.ts';
import { BM25F, FIELD, type FieldName, type RankingParams } from './ranking.ts';

let database: Database;
let ws: string;
let ctx: Context;
let ids: Map<string, string>;

beforeAll(async () => {
  const article = (externalId: string, title: string, body: string, phrasings: string[] = []) => ({
    externalId,
    title,
    body,
    phrasings,
  });
  ({ database, ctx, ws, ids } = await knowledgeFixture('kb-rank', [
    article('hose', 'Garden hose leaks', 'Tighten the hose washer. A garden hose leaks at the tap.', [
      'water pipe dripping',
    ]),
    article('mower', 'Lawn mower will not start', 'Check the spark plug and the fuel of the mower.'),
    article('garden', 'Garden opening hours', 'The garden opens at nine and closes at six.'),
    article('reservations', 'Reservations for groups', 'Groups of ten or more book ahead.'),
  ]));
  await createLearningService(ctx).record(ws, {
    kind: 'helpful',
    source: 'api',
    articleId: ids.get('mower')!,
    query: 'engine dead after winter',
  });
});
afterAll(() => database.close());

const rank = (query: string, params: RankingParams = BM25F) =>
  rankQuery({ database, ctx, ws, ids }, query, params);

/** The product's ranking without the trigram fusion: BM25F scores alone. */
const BM25_ONLY: RankingParams = { ...BM25F, trigramWeight: 0 };

/** BM25F by the formula, from the index's rows, for query terms that are all in the vocabulary. */
async function expected(terms: string[], params: RankingParams): Promise<Map<string, number>> {
  const postings = await queryRows<{
    article_id: string;
    field: number;
    term: string;
    tf: number;
    field_length: number;
  }>(
    database.db,
    sql`select article_id, field, term, tf, field_length from kb_postings where workspace_id = ${ws} and language = 'en'`,
  );
  const articles = await queryRows<{ id: string; lengths: number[] }>(
    database.db,
    sql`select id, field_lengths as lengths from kb_articles where workspace_id = ${ws}`,
  );
  const n = articles.length;
  const avg = [0, 1, 2, 3, 4].map((i) => articles.reduce((s, a) => s + Number(a.lengths[i]), 0) / n);
  const df = (t: string) => new Set(postings.filter((p) => p.term === t).map((p) => p.article_id)).size;
  const widf = new Map(terms.map((t) => [t, Math.log(1 + (n - df(t) + 0.5) / (df(t) + 0.5))]));
  const queryWeight = [...widf.values()].reduce((a, b) => a + b, 0);
  const name = (field: number) => (Object.keys(FIELD) as FieldName[]).find((f) => FIELD[f] === field)!;
  const out = new Map<string, number>();
  for (const { id } of articles) {
    const per = terms.map((t) => {
      let tft = 0;
      let tfl = 0;
      for (const p of postings.filter((x) => x.article_id === id && x.term === t)) {
        const f = name(p.field);
        const norm =
          1 - params.b[f] + (params.b[f] * Number(p.field_length)) / Math.max(avg[p.field - 1]!, 1);
        const v = (params.weight[f] * Number(p.tf)) / norm;
        if (f === 'learned') tfl += v;
        else tft += v;
      }
      return { t, tft, tfl };
    });
    const share = per.filter((x) => x.tfl > 0).reduce((s, x) => s + widf.get(x.t)!, 0) / queryWeight;
    let score = 0;
    for (const { t, tft, tfl } of per) {
      const tfn = tft + tfl * share ** params.learnedCoverage;
      if (tfn > 0) score += (widf.get(t)! * tfn * (params.k1 + 1)) / (params.k1 + tfn);
    }
    if (score > 0) out.set(id, score);
  }
  return out;
}

describe('the ranking statement', () => {
  it('scores every matching article as BM25F by the formula, learned matches weighed by their share', async () => {
    // Stems of "garden", "hose", "engine" and "winter" as the English stemmer writes them.
    const found = await rank('garden hose engine winter', BM25_ONLY);
    const want = await expected(['garden', 'hose', 'engin', 'winter'], BM25_ONLY);
    expect(found.map((f) => f.id).sort()).toEqual([...want.keys()].sort());
    expect(found[0]!.total).toBe(want.size);
    for (const f of found) expect(f.score).toBeCloseTo(want.get(f.id)!, 6);
    expect(found[0]!.id).toBe(ids.get('hose'));
    expect(found.map((f) => f.id)).toContain(ids.get('mower'));
  });

  it('the same with other field weights and lengths normalisation, as the parameters say', async () => {
    const params: RankingParams = {
      ...BM25_ONLY,
      k1: 0.9,
      weight: { title: 1, phrasings: 4, body: 2, learned: 3, tags: 0 },
      b: { title: 0.2, phrasings: 0.9, body: 0.4, learned: 1, tags: 0.3 },
      learnedCoverage: 2,
    };
    const found = await rank('water garden winter', params);
    const want = await expected(['water', 'garden', 'winter'], params);
    expect(found.length).toBe(want.size);
    for (const f of found) expect(f.score).toBeCloseTo(want.get(f.id)!, 6);
  });

  it('finds an article by a run-together word only with prefix terms on', async () => {
    // Too unlike "reserv" or "group" for the typo tolerance's trigrams; its first letters are "reserv".
    const plain = await rank('reservationsforgroups', BM25_ONLY);
    expect(plain.map((f) => f.id)).not.toContain(ids.get('reservations'));
    const prefixed = await rank('reservationsforgroups', {
      ...BM25_ONLY,
      prefixWeight: 0.5,
      prefixLength: 5,
    });
    expect(prefixed[0]?.id).toBe(ids.get('reservations'));
  });

  it('re-scores the best candidates by trigram similarity of the query to their titles', async () => {
    // "Garden hose leaks" and "Garden opening hours" both match "garden"; the best scores 1 (its BM25F over
    // the best one's) plus the trigram similarity of the query to its title, at most 1.
    const plain = await rank('garden hoses leking', BM25_ONLY);
    const fused = await rank('garden hoses leking', { ...BM25F, trigramWeight: 1 });
    expect(fused[0]!.id).toBe(ids.get('hose'));
    expect(fused[0]!.score).toBeGreaterThan(1);
    expect(fused[0]!.score).toBeLessThanOrEqual(2);
    expect(fused[0]!.total).toBe(plain[0]!.total);
    expect(new Set(fused.map((f) => f.id))).toEqual(new Set(plain.map((f) => f.id)));
  });

  it('with learned queries in the fusion, a new wording close to a learned one lifts its article', async () => {
    const params = { ...BM25F, trigramWeight: 1, trigramLearned: true };
    const without = await rank('engine dead after the winter garden', { ...BM25F, trigramWeight: 1 });
    const withLearned = await rank('engine dead after the winter garden', params);
    const at = (list: { id: string }[]) => list.findIndex((f) => f.id === ids.get('mower'));
    expect(at(withLearned)).toBeLessThanOrEqual(at(without));
    expect(withLearned.find((f) => f.id === ids.get('mower'))!.score).toBeGreaterThan(
      without.find((f) => f.id === ids.get('mower'))!.score,
    );
  });

  it("stores on each posting its term's BM25F frequency in the article, every field's rows alike", async () => {
    const rows = await queryRows<{
      article_id: string;
      term: string;
      field: number;
      tf: number;
      field_length: number;
      impact: number;
    }>(
      database.db,
      sql`select article_id, term, field, tf, field_length, impact from kb_postings where workspace_id = ${ws}`,
    );
    const articles = await queryRows<{ lengths: number[] }>(
      database.db,
      sql`select field_lengths as lengths from kb_articles where workspace_id = ${ws}`,
    );
    const avg = [0, 1, 2, 3, 4].map(
      (i) => articles.reduce((s, a) => s + Number(a.lengths[i]), 0) / articles.length,
    );
    const name = (field: number) => (Object.keys(FIELD) as FieldName[]).find((f) => FIELD[f] === field)!;
    const sums = new Map<string, number>();
    for (const p of rows) {
      const f = name(p.field);
      const norm = 1 - BM25F.b[f] + (BM25F.b[f] * Number(p.field_length)) / Math.max(avg[p.field - 1]!, 1);
      const key = `${p.article_id} ${p.term}`;
      sums.set(key, (sums.get(key) ?? 0) + (BM25F.weight[f] * Number(p.tf)) / norm);
    }
    for (const p of rows) expect(Number(p.impact)).toBeCloseTo(sums.get(`${p.article_id} ${p.term}`)!, 4);
  });

  it('with a term depth, reads only the postings of a term where it weighs most', async () => {
    const all = await rank('garden', { ...BM25_ONLY, termDepth: 0 });
    expect(all.length).toBe(2);
    const [best] = await queryRows<{ article_id: string }>(
      database.db,
      sql`select article_id from kb_postings where workspace_id = ${ws} and term = 'garden'
          order by impact desc, article_id limit 1`,
    );
    const cut = await rank('garden', { ...BM25_ONLY, termDepth: 1 });
    expect(cut.map((f) => f.id)).toEqual([best!.article_id]);
  });
});
