/**
 * Deadlines the core keeps for itself (offer expiry, relaxation, sticky windows, maximum wait, wrap-up
 * limits, presence grace). They fire when an event's time passes them; the shell learns the next one
 * from `nextDueAt()` and sends a tick then. Timers are never cancelled: each is checked against the
 * state when it fires, so a timer whose reason is gone does nothing, and a rebuilt engine that only
 * schedules the timers its state still needs behaves exactly like the original.
 */

/** Kinds in the order they fire when due at the same instant. */
export const TIMER_KINDS = ['wrapUp', 'offer', 'grace', 'sticky', 'relax', 'maxWait'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface Timer {
  due: number;
  kind: TimerKind;
  /** Interaction id, or agent id for `grace`. */
  id: string;
}

const KIND_ORDER: Record<TimerKind, number> = Object.fromEntries(TIMER_KINDS.map((k, i) => [k, i])) as Record<
  TimerKind,
  number
>;

/** Same due time: by kind, then by id, so the order never depends on when a timer was scheduled. */
function before(a: Timer, b: Timer): boolean {
  if (a.due !== b.due) return a.due < b.due;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] < KIND_ORDER[b.kind];
  return a.id < b.id;
}

export class TimerQueue {
  private readonly heap: Timer[] = [];

  get size(): number {
    return this.heap.length;
  }

  schedule(due: number, kind: TimerKind, id: string): void {
    const h = this.heap;
    const t: Timer = { due, kind, id };
    let i = h.push(t) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(t, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = t;
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const c = l + 1 < h.length && before(h[l + 1]!, h[l]!) ? l + 1 : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
