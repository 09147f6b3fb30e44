/** A workspace's search settings over HTTP: learned word translations on by default, tunable, checked. */
import { describe, expect, it } from 'vitest';
import { BM25F } from '../../src/modules/knowledge/ranking.ts';
import { staffWorkspace } from '../support/app.ts';

const { admin, agent, call } = await staffWorkspace();

const ids = new Map<string, string>();
for (const [key, title, body] of [
  ['cleaning', 'Room cleaning schedule', 'Housekeeping cleans every morning.'],
  ['upgrade', 'Room upgrade prices', 'A larger suite costs extra per night.'],
  ['checkout', 'Late checkout from your room', 'You may stay until two in the afternoon.'],
  ['parking', 'Parking at the hotel', 'The garage is free for guests.'],
] as const) {
  const res = await call(admin, 'POST', '/api/v1/knowledge/articles', {
    language: 'en',
    title,
    body,
    status: 'published',
  });
  expect(res.statusCode, res.body).toBe(201);
  ids.set(key, res.json().id);
}
// Searchers who typed "chamber" picked two room articles.
for (const [query, key] of [
  ['chamber tidy', 'cleaning'],
  ['bigger chamber', 'upgrade'],
] as const) {
  const res = await call(agent, 'POST', '/api/v1/knowledge/feedback', {
    kind: 'helpful',
    articleId: ids.get(key),
    query,
  });
  expect(res.statusCode, res.body).toBe(204);
}

const found = async () => {
  const res = await call(agent, 'GET', '/api/v1/knowledge/search?q=chamber&language=en');
  expect(res.statusCode, res.body).toBe(200);
  const byId = new Map([...ids].map(([k, id]) => [id, k]));
  return (res.json().hits as { id: string }[]).map((h) => byId.get(h.id));
};

describe('knowledge search settings', () => {
  it('start at the default and translate a learned word into the title word it stands for', async () => {
    const res = await call(admin, 'GET', '/api/v1/knowledge/settings');
    expect(res.json()).toEqual({ translationWeight: null });
    expect(BM25F.translationWeight).toBeGreaterThan(0);
    expect(await found()).toContain('checkout');
  });

  it('turn the translations off for the workspace, and back to the default', async () => {
    const off = await call(admin, 'PUT', '/api/v1/knowledge/settings', { translationWeight: 0 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ translationWeight: 0 });
    expect(await found()).not.toContain('checkout');
    await call(admin, 'PUT', '/api/v1/knowledge/settings', { translationWeight: null });
    expect(await found()).toContain('checkout');
  });

  it('refuse a weight out of range, an unknown setting, and agents', async () => {
    expect(
      (await call(admin, 'PUT', '/api/v1/knowledge/settings', { translationWeight: 9 })).statusCode,
    ).toBe(400);
    expect((await call(admin, 'PUT', '/api/v1/knowledge/settings', { other: 1 })).statusCode).toBe(400);
    expect(
      (await call(agent, 'PUT', '/api/v1/knowledge/settings', { translationWeight: 1 })).statusCode,
    ).toBe(403);
  });
});
