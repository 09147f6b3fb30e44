import { describe, expect, it } from 'vitest';
import { DAY_MS, weekdayOf } from '../series.ts';
import { forecastSeries, methodNames } from './forecast.ts';
import { syntheticHistory } from './synthetic.ts';

const sunday = Date.UTC(2024, 0, 7) / DAY_MS;
/** A centre open 08:00–18:00 Monday to Friday, busier on Mondays and at 10:00. */
const officeMean = (_d: number, w: number, s: number) =>
  w === 0 || w === 6 || s < 16 || s >= 36 ? null : (w === 1 ? 30 : 20) * (s >= 20 && s < 24 ? 1.5 : 1);

describe('forecastSeries', () => {
  const history = syntheticHistory({ days: 56, intervalMinutes: 30, mean: officeMean });

  it('forecasts only the intervals and days the history shows open', () => {
    const { points } = forecastSeries(history, { intervalMinutes: 30, horizonDays: 7 });
    const days = new Set(points.map((p) => weekdayOf(Math.floor(p.start / DAY_MS))));
    expect([...days].sort()).toEqual([1, 2, 3, 4, 5]);
    const slots = new Set(points.map((p) => (p.start % DAY_MS) / 1_800_000));
    expect(Math.min(...slots)).toBe(16);
    expect(Math.max(...slots)).toBe(35);
    expect(points.length).toBe(5 * 20);
    expect(points[0]!.start).toBe((sunday + 56 + 1) * DAY_MS + 16 * 1_800_000);
  });

  it.each(methodNames)('%s forecasts close to the true means, with the interval around them', (method) => {
    const { points } = forecastSeries(history, { intervalMinutes: 30, horizonDays: 7, method });
    for (const p of points) {
      const day = Math.floor(p.start / DAY_MS);
      const truth = officeMean(0, weekdayOf(day), (p.start % DAY_MS) / 1_800_000)!;
      // Within five standard deviations of a single Poisson draw, for the naive method's sake.
      expect(Math.abs(p.forecast - truth)).toBeLessThan(5 * Math.sqrt(truth));
      expect(p.lo).toBeLessThanOrEqual(p.forecast);
      expect(p.hi).toBeGreaterThanOrEqual(p.forecast);
      expect(Number.isFinite(p.lo) && Number.isFinite(p.hi)).toBe(true);
    }
  });

  it('picks a method by backtest and reports every candidate’s accuracy by horizon', () => {
    const r = forecastSeries(history, { intervalMinutes: 30, horizonDays: 3 });
    expect(r.backtest.map((b) => b.method)).toEqual([...methodNames]);
    const chosen = r.backtest.find((b) => b.method === r.method)!;
    for (const b of r.backtest) expect(chosen.overall.mae).toBeLessThanOrEqual(b.overall.mae);
    expect(chosen.byHorizon).toHaveLength(3);
  });

  it('covers about the level asked for on data it did not see', () => {
    const longer = syntheticHistory({ days: 63, intervalMinutes: 30, mean: officeMean, seed: 7 });
    const cut = (sunday + 56) * DAY_MS;
    const r = forecastSeries(
      longer.filter((p) => p.start < cut),
      { intervalMinutes: 30, horizonDays: 7, level: 0.8 },
    );
    const actual = new Map(longer.filter((p) => p.start >= cut).map((p) => [p.start, p.count]));
    const inside = r.points.filter((p) => {
      const a = actual.get(p.start)!;
      return a >= p.lo && a <= p.hi;
    }).length;
    expect(inside / r.points.length).toBeGreaterThan(0.7);
    expect(inside / r.points.length).toBeLessThan(0.92);
  });

  it('reads a day missing from the history as unknown, not as a quiet day', () => {
    const constant = syntheticHistory({ days: 28, intervalMinutes: 60, mean: () => 10, seed: 3 });
    const withHole = constant.filter((p) => Math.floor(p.start / DAY_MS) !== sunday + 21);
    const { points } = forecastSeries(withHole, {
      intervalMinutes: 60,
      horizonDays: 1,
      method: 'weekday_mean',
    });
    const mean = points.reduce((s, p) => s + p.forecast, 0) / points.length;
    expect(mean).toBeGreaterThan(8.5);
  });

  it('applies special days: closed days get no forecast, campaign days scale it', () => {
    const base = forecastSeries(history, { intervalMinutes: 30, horizonDays: 7, method: 'weekday_mean' });
    const special = forecastSeries(history, {
      intervalMinutes: 30,
      horizonDays: 7,
      method: 'weekday_mean',
      specialDays: [
        { date: '2024-03-04', factor: 0 },
        { date: '2024-03-05', factor: 2 },
      ],
    });
    const on = (points: typeof base.points, date: string) =>
      points.filter((p) => new Date(p.start).toISOString().startsWith(date));
    expect(on(special.points, '2024-03-04')).toEqual([]);
    const tuesday = on(base.points, '2024-03-05');
    expect(on(special.points, '2024-03-05').map((p) => p.forecast)).toEqual(
      tuesday.map((p) => p.forecast * 2),
    );
  });

  it('does not let a past holiday drag its weekday down', () => {
    const holiday = history.map((p) =>
      new Date(p.start).toISOString().startsWith('2024-02-26') ? { ...p, count: Math.round(p.count / 4) } : p,
    );
    const opts = { intervalMinutes: 30, horizonDays: 3, method: 'weekday_mean' as const };
    const ignored = forecastSeries(holiday, opts).points;
    const adjusted = forecastSeries(holiday, {
      ...opts,
      specialDays: [{ date: '2024-02-26', factor: 0.25 }],
    }).points;
    const total = (ps: typeof ignored) => ps.reduce((s, p) => s + p.forecast, 0);
    expect(total(adjusted)).toBeGreaterThan(total(ignored) * 1.15);
  });

  it('falls back to the 4-week mean when the history is too short to backtest', () => {
    const short = syntheticHistory({ days: 3, intervalMinutes: 60, mean: () => 5 });
    const r = forecastSeries(short, { intervalMinutes: 60, horizonDays: 2 });
    expect(r.method).toBe('weekday_mean');
    // Only weekdays seen in the history are known to be open.
    expect(r.points).toEqual([]);
    const week = syntheticHistory({ days: 7, intervalMinutes: 60, mean: () => 5 });
    expect(forecastSeries(week, { intervalMinutes: 60, horizonDays: 2 }).points).toHaveLength(48);
  });

  it('forecasts handle time when the history has it', () => {
    const withAht = history.map((p) => ({ ...p, ahtSeconds: 200 }));
    const { points } = forecastSeries(withAht, { intervalMinutes: 30, horizonDays: 1 });
    expect(points.every((p) => p.ahtSeconds === 200)).toBe(true);
  });

  it.each([
    ['a horizon of 0 days', { horizonDays: 0 }, /horizon must be a whole number of days/],
    ['an interval of 7 minutes', { intervalMinutes: 7 }, /interval must be one of 5, 15, 30, 60 minutes/],
    ['an unknown method', { method: 'arima' as 'auto' }, /unknown method 'arima'/],
    ['a level of 1', { level: 1 }, /prediction interval level must be a fraction/],
    ['a bad special day', { specialDays: [{ date: '2024-02-30', factor: 1 }] }, /'2024-02-30' is not a date/],
  ])('rejects %s', (_name, patch, message) => {
    expect(() => forecastSeries(history, { intervalMinutes: 30, horizonDays: 1, ...patch })).toThrow(message);
  });
});
