import { describe, expect, it } from 'vitest';
import { duration, newlyRed, percent } from './format.ts';

describe('supervisor formats', () => {
  it('shows rates as whole percentages and durations as m:ss', () => {
    expect(percent(0.8123)).toBe('81%');
    expect(percent(null)).toBe('—');
    expect(duration(65)).toBe('1:05');
    expect(duration(3725)).toBe('1:02:05');
  });

  it('alerts only for queues that just turned red', () => {
    const q = (queueId: string, level: string) => ({ queueId, levels: { waiting: level } });
    expect(
      newlyRed([q('a', 'red'), q('b', 'ok')], [q('a', 'red'), q('b', 'red')]).map((x) => x.queueId),
    ).toEqual(['b']);
    expect(newlyRed(undefined, [q('a', 'amber')])).toEqual([]);
  });
});
