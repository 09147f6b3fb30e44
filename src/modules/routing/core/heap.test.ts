import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from './heap.ts';

interface Item {
  key: number;
  heapIndex: number;
}
const item = (key: number): Item => ({ key, heapIndex: -1 });
const smaller = (a: Item, b: Item) => a.key < b.key;

describe('IndexedHeap', () => {
  it('pops in order and removes from the middle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.nat()), (keys, removals) => {
        const heap = new IndexedHeap<Item>(smaller);
        const items = keys.map(item);
        for (const i of items) heap.push(i);
        const removed = new Set<Item>();
        for (const r of removals) {
          const victim = items[r % Math.max(items.length, 1)];
          if (victim && heap.remove(victim)) removed.add(victim);
        }
        const out: number[] = [];
        for (let i = heap.pop(); i; i = heap.pop()) out.push(i.key);
        const expected = items
          .filter((i) => !removed.has(i))
          .map((i) => i.key)
          .sort((a, b) => a - b);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('finds the first items that pass a test in heap order without changing the heap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: 1, max: 5 }),
        (keys, limit) => {
          const heap = new IndexedHeap<Item>(smaller);
          for (const k of keys) heap.push(item(k));
          const odd = (i: Item) => i.key % 2 === 1;
          const expected = keys
            .filter((k) => k % 2 === 1)
            .sort((a, b) => a - b)
            .slice(0, limit);
          expect(heap.firstWhere(odd, limit).map((i) => i.key)).toEqual(expected);
          expect(heap.first(odd)?.key).toBe(expected[0]);
          expect(heap.size).toBe(keys.length);
        },
      ),
    );
  });

  it('restores the order after a key changes in place', () => {
    const heap = new IndexedHeap<Item>(smaller);
    const items = [5, 3, 8, 1].map(item);
    for (const i of items) heap.push(i);
    items[3]!.key = 10;
    heap.update(items[3]!);
    expect(heap.peek()?.key).toBe(3);
  });

  it('says so when asked to remove an item it does not hold', () => {
    const heap = new IndexedHeap<Item>(smaller);
    expect(heap.remove(item(1))).toBe(false);
  });
});
