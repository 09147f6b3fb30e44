import { describe, expect, it } from 'vitest';
import type { Rule } from './api.ts';
import { reorder } from './rules-order.ts';

const rule = (id: string, priority: number): Rule => ({
  id,
  priority,
  scriptId: 's',
  queueId: null,
  channel: null,
  reason: null,
  language: null,
  tiers: [],
});

/** The ids in the order the server lists them after the changes: by priority, then id. */
const orderAfter = (list: Rule[], changes: Rule[]) =>
  list
    .map((r) => changes.find((c) => c.id === r.id) ?? r)
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1))
    .map((r) => r.id);

describe('reorder', () => {
  const list = [rule('a', 10), rule('b', 20), rule('c', 30)];

  it('swaps priorities with the neighbour', () => {
    expect(reorder(list, 2, -1)).toEqual([rule('c', 20), rule('b', 30)]);
    expect(orderAfter(list, reorder(list, 0, 1))).toEqual(['b', 'a', 'c']);
  });

  it('moves past a neighbour with the same priority, either way, even at zero', () => {
    const tied = [rule('a', 0), rule('b', 0), rule('c', 5)];
    expect(orderAfter(tied, reorder(tied, 1, -1))).toEqual(['b', 'a', 'c']);
    expect(orderAfter(tied, reorder(tied, 0, 1))).toEqual(['b', 'a', 'c']);
  });

  it('changes nothing past either end', () => {
    expect(reorder(list, 0, -1)).toEqual([]);
    expect(reorder(list, 2, 1)).toEqual([]);
  });
});
