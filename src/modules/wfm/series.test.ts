import { describe, expect, it } from 'vitest';
import { bankHistory } from './bank-history.ts';
import { aggregateArrivals, buildGrid, DAY_MS, openSlots, weekdayOf } from './series.ts';

describe('series', () => {
  it('numbers weekdays from Sunday', () => {
    expect(weekdayOf(Date.UTC(2024, 0, 7) / DAY_MS)).toBe(0);
    expect(weekdayOf(Date.UTC(1999, 0, 1) / DAY_MS)).toBe(5);
  });

  it('counts arrivals per interval, with zeros on days that had calls and nothing on days without', () => {
    const t = (d: number, h: number, m: number) => Date.UTC(1999, 0, d, h, m);
    const points = aggregateArrivals([t(3, 7, 1), t(3, 7, 29), t(3, 8, 0), t(5, 9, 0)], 60);
    expect(points).toHaveLength(48);
    expect(points.find((p) => p.start === t(3, 7, 0))!.count).toBe(2);
    expect(points.find((p) => p.start === t(3, 10, 0))!.count).toBe(0);
    expect(points.some((p) => p.start === t(4, 7, 0))).toBe(false);
  });

  it('builds history from call records: phantoms left out, handle time of served calls', () => {
    const calls = [
      { date: '1999-01-03', vruEntry: 7 * 3600 + 60, outcome: 'AGENT', serTime: 100 },
      { date: '1999-01-03', vruEntry: 7 * 3600 + 120, outcome: 'AGENT', serTime: 300 },
      { date: '1999-01-03', vruEntry: 7 * 3600 + 180, outcome: 'HANG', serTime: 0 },
      { date: '1999-01-03', vruEntry: 7 * 3600 + 240, outcome: 'PHANTOM', serTime: 0 },
    ];
    const at7 = bankHistory(calls, 30).find((p) => p.start === Date.UTC(1999, 0, 3, 7));
    expect(at7).toEqual({ start: Date.UTC(1999, 0, 3, 7), count: 3, ahtSeconds: 200 });
  });

  it('marks as open the slots seen on the last four same weekdays', () => {
    const monday = Date.UTC(2024, 0, 8);
    const grid = buildGrid(
      [
        { start: monday + 8 * 3_600_000, count: 1 },
        { start: monday + 7 * DAY_MS + 9 * 3_600_000, count: 0 },
      ],
      60,
    );
    const open = openSlots(grid, 1, grid.days);
    expect(open.flatMap((o, s) => (o ? [s] : []))).toEqual([8, 9]);
    expect(openSlots(grid, 2, grid.days).some(Boolean)).toBe(false);
  });
});
