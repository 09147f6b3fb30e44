import { describe, expect, it } from 'vitest';
import { staffDeferrable, staffIntervals } from './interval-staffing.ts';

const options = {
  model: 'c' as const,
  intervalMinutes: 30,
  target: { serviceLevel: 0.8, targetSeconds: 20 },
};

describe('staffing per interval', () => {
  it('staffs each interval on its own volume and needs nobody when nothing arrives', () => {
    const r = staffIntervals(
      [
        { volume: 100, ahtSeconds: 180 },
        { volume: 0, ahtSeconds: 180 },
      ],
      { ...options, shrinkage: 0.3 },
    );
    expect(r.map((x) => [x.agents, x.scheduledAgents])).toEqual([
      [14, 20],
      [0, 0],
    ]);
  });

  it('divides chat slots among agents by concurrency, rounding up', () => {
    const single = staffIntervals([{ volume: 100, ahtSeconds: 180 }], options)[0]!;
    const chat = staffIntervals([{ volume: 100, ahtSeconds: 180 }], { ...options, concurrency: 3 })[0]!;
    expect(chat.agents).toBe(Math.ceil(single.agents / 3));
  });

  it('names the interval of a bad volume', () => {
    expect(() =>
      staffIntervals(
        [
          { volume: 10, ahtSeconds: 60 },
          { volume: -1, ahtSeconds: 60 },
        ],
        options,
      ),
    ).toThrow(/interval 1: volume must be zero or a positive number/);
  });
});

describe('deferrable work', () => {
  it('spreads each arrival evenly over the open intervals before its due time', () => {
    const r = staffDeferrable({
      volumes: [40, 0, 0, 0],
      ahtSeconds: 360,
      dueMinutes: 180,
      intervalMinutes: 60,
      open: [true, false, true, true],
    });
    expect(r.workloadSeconds).toEqual([7200, 0, 7200, 0]);
    expect(r.agents).toEqual([2, 0, 2, 0]);
    expect(r.carriedOverSeconds).toBe(0);
  });

  it('keeps the total work and carries past the horizon what is due after it', () => {
    const volumes = [10, 20, 30, 40];
    const r = staffDeferrable({ volumes, ahtSeconds: 100, dueMinutes: 120, intervalMinutes: 60 });
    const placed = r.workloadSeconds.reduce((s, w) => s + w, 0);
    expect(placed + r.carriedOverSeconds).toBeCloseTo(100 * 100, 9);
    expect(r.carriedOverSeconds).toBeCloseTo(2000, 9);
  });

  it('refuses work that no open interval can take before its due time', () => {
    expect(() =>
      staffDeferrable({
        volumes: [5, 0],
        ahtSeconds: 60,
        dueMinutes: 60,
        intervalMinutes: 60,
        open: [false, true],
      }),
    ).toThrow(/interval 0: 5 items are due before any open interval/);
  });

  it('refuses a due time shorter than one interval', () => {
    expect(() =>
      staffDeferrable({ volumes: [5], ahtSeconds: 60, dueMinutes: 10, intervalMinutes: 15 }),
    ).toThrow(/shorter than one 15-min interval/);
  });
});
