import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StateSpan, splitSpan, stateSpans } from './agent-time.ts';
import type { MetricEvent } from './contacts.ts';

const status = (agentId: string, at: number, s: string): MetricEvent => ({
  type: 'agent.status_changed',
  subjectId: agentId,
  at,
  payload: { agentId, status: s },
});

describe('agent time', () => {
  it('each state lasts until the next change, the last until the end, offline not at all', () => {
    const spans = stateSpans(
      [status('ana', 0, 'available'), status('ana', 60_000, 'busy'), status('ana', 90_000, 'offline')],
      200_000,
    );
    expect(spans).toEqual([
      { agentId: 'ana', state: 'available', start: 0, end: 60_000 },
      { agentId: 'ana', state: 'busy', start: 60_000, end: 90_000 },
    ]);
  });

  it('cutting a span into intervals of any size keeps every millisecond once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(60_000, 900_000, 1_800_000, 3_600_000),
        (start, length, size) => {
          const span: StateSpan = { agentId: 'a', state: 'busy', start, end: start + length };
          const parts = splitSpan(span, size);
          expect(parts.reduce((s, [, ms]) => s + ms, 0)).toBe(length);
          for (const [i, ms] of parts) expect(i % size === 0 && ms > 0 && ms <= size).toBe(true);
        },
      ),
    );
  });
});
