import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition, isTerminal, STATES } from './lifecycle.ts';

describe('interaction lifecycle', () => {
  it('follows the main path new → queued → offered → active → wrap-up → closed', () => {
    const path = ['new', 'queued', 'offered', 'active', 'wrap_up', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('a declined or missed offer goes back to the queue', () => {
    expect(canTransition('offered', 'queued')).toBe(true);
  });

  it('closed and abandoned are final', () => {
    expect(isTerminal('closed')).toBe(true);
    expect(isTerminal('abandoned')).toBe(true);
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        (to) => !canTransition('closed', to) && !canTransition('abandoned', to),
      ),
    );
  });

  it('no state moves to itself, and every non-final state can still end', () => {
    for (const s of STATES) {
      expect(canTransition(s, s)).toBe(false);
      if (!isTerminal(s)) {
        const reachesEnd = (from: string, seen = new Set<string>()): boolean => {
          if (from === 'closed' || from === 'abandoned') return true;
          seen.add(from);
          return STATES.filter((t) => canTransition(from as never, t) && !seen.has(t)).some((t) =>
            reachesEnd(t, seen),
          );
        };
        expect(reachesEnd(s)).toBe(true);
      }
    }
  });
});
