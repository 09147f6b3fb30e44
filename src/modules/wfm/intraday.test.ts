import { describe, expect, it } from 'vitest';
import { intraday } from './intraday.ts';
import { type PlanSettings, planIntervals } from './plan.ts';

const settings: PlanSettings = {
  horizonDays: 1,
  method: 'auto',
  level: 0.8,
  specialDays: [],
  work: 'queue',
  model: 'c',
  serviceLevel: 0.8,
  targetSeconds: 20,
  maxOccupancy: 1,
  shrinkage: 0,
  concurrency: 1,
  defaultAhtSeconds: 180,
};
const start = Date.UTC(2026, 2, 2, 8);
const step = 1_800_000;
const plan = planIntervals(
  Array.from({ length: 6 }, (_, i) => ({
    start: start + i * step,
    forecast: 100,
    lo: 80,
    hi: 120,
    ahtSeconds: 180,
  })),
  30,
  settings,
);

describe('intraday', () => {
  it('re-forecasts the rest of the day from the morning and alerts where the plan falls short', () => {
    // Two intervals done with 130 calls each: 30 % busier than forecast.
    const actuals = new Map([
      [start, 130],
      [start + step, 130],
    ]);
    const r = intraday({
      intervals: plan,
      actuals,
      now: start + 2 * step + 60_000,
      agentsOnDuty: 30,
      intervalMinutes: 30,
      settings,
    });
    expect(r.factor).toBeCloseTo(1.3, 12);
    expect(r.intervals.map((p) => p.phase)).toEqual([
      'past',
      'past',
      'current',
      'coming',
      'coming',
      'coming',
    ]);
    expect(r.intervals[2]!.reforecast).toBeCloseTo(130, 9);
    expect(r.intervals[0]!.reforecast).toBe(100);
    // 100 calls need 14 agents; 130 need 17.
    expect(r.intervals[2]).toMatchObject({ plannedOnQueue: 14, requiredOnQueue: 17 });
    expect(r.alerts).toHaveLength(4);
    expect(r.alerts.every((a) => a.reason === 'plan_short' && a.required === 17 && a.available === 14)).toBe(
      true,
    );
  });

  it('alerts when fewer agents are logged in than the coming intervals need', () => {
    const r = intraday({
      intervals: plan,
      actuals: new Map(),
      now: start - 60_000,
      agentsOnDuty: 10,
      intervalMinutes: 30,
      settings,
      lookahead: 2,
    });
    expect(r.factor).toBeNull();
    expect(r.alerts).toEqual([
      { start, reason: 'on_duty_short', required: 14, available: 10 },
      { start: start + step, reason: 'on_duty_short', required: 14, available: 10 },
    ]);
  });

  it('a quieter morning lowers the need and raises no alert', () => {
    const actuals = new Map([[start, 60]]);
    const r = intraday({
      intervals: plan,
      actuals,
      now: start + step,
      agentsOnDuty: 14,
      intervalMinutes: 30,
      settings,
    });
    expect(r.factor).toBeCloseTo(0.6, 12);
    expect(r.alerts).toEqual([]);
  });
});
