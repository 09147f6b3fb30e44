/**
 * A binary heap whose items know their own index, so that any item can be removed in O(log n):
 * the routing core removes agents and interactions from the middle of queues all the time.
 */

/** An item that can sit in one {@link IndexedHeap} at a time. -1 when in none. */
export interface HeapItem {
  heapIndex: number;
}

export class IndexedHeap<T extends HeapItem> {
  readonly items: T[] = [];

  /** `before(a, b)` is true when `a` must come out before `b`; it must be a strict total order. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top) this.remove(top);
    return top;
  }

  /** Restores the order after `item`'s key changed; `item` must be in this heap. */
  update(item: T): void {
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }

  /** Removes `item` if it is in this heap; returns whether it was. */
  remove(item: T): boolean {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return false;
    const last = this.items.pop()!;
    item.heapIndex = -1;
    if (last !== item) {
      this.items[i] = last;
      last.heapIndex = i;
      this.down(i);
      this.up(last.heapIndex);
    }
    return true;
  }

  /** The first item in heap order that satisfies `accept`: the top, unless it is refused. */
  first(accept: (item: T) => boolean): T | undefined {
    const top = this.items[0];
    if (!top || accept(top)) return top;
    return this.firstWhere(accept, 2)[0];
  }

  /**
   * The first items in heap order that satisfy `accept`, at most `limit`, without changing the heap.
   * Walks the heap as a tree with a small frontier, so finding k items costs O(k log k) plus the
   * items rejected on the way, never a sort of the whole heap.
   */
  firstWhere(accept: (item: T) => boolean, limit = 1): T[] {
    const found: T[] = [];
    const top = this.items[0];
    if (!top || limit <= 0) return found;
    if (accept(top)) {
      found.push(top);
      if (limit === 1) return found;
    }
    const frontier = new IndexedFrontier((a, b) => this.before(this.items[a]!, this.items[b]!));
    this.expand(frontier, 0);
    while (found.length < limit) {
      const i = frontier.pop();
      if (i === undefined) break;
      if (accept(this.items[i]!)) found.push(this.items[i]!);
      this.expand(frontier, i);
    }
    return found;
  }

  private expand(frontier: IndexedFrontier, i: number): void {
    if (2 * i + 1 < this.items.length) frontier.push(2 * i + 1);
    if (2 * i + 2 < this.items.length) frontier.push(2 * i + 2);
  }

  private up(start: number): void {
    const items = this.items;
    let i = start;
    const item = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!this.before(item, p)) break;
      items[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    items[i] = item;
    item.heapIndex = i;
  }

  private down(start: number): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    const item = items[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(items[right]!, items[left]!) ? right : left;
      const c = items[child]!;
      if (!this.before(c, item)) break;
      items[i] = c;
      c.heapIndex = i;
      i = child;
    }
    items[i] = item;
    item.heapIndex = i;
  }
}

/** A plain binary heap of numbers ordered by a comparator; the frontier of {@link IndexedHeap.firstWhere}. */
class IndexedFrontier {
  private readonly a: number[] = [];
  constructor(private readonly before: (x: number, y: number) => boolean) {}

  push(x: number): void {
    const a = this.a;
    let i = a.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): number | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && this.before(a[l + 1]!, a[l]!) ? l + 1 : l;
        if (!this.before(a[c]!, a[i]!)) break;
        [a[i], a[c]] = [a[c]!, a[i]!];
        i = c;
      }
    }
    return top;
  }
}
