import { describe, expect, it } from 'vitest';
import { erlangCMeasures } from './erlang.ts';
import { adjustIntervals, type PlanSettings, planIntervals, plannedScheduled } from './plan.ts';

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
  shrinkage: 0.3,
  concurrency: 1,
  defaultAhtSeconds: 300,
};
const start = Date.UTC(2026, 2, 2, 8);
const point = (i: number, forecast: number, ahtSeconds?: number) => ({
  start: start + i * 1_800_000,
  forecast,
  lo: forecast * 0.8,
  hi: forecast * 1.2,
  ...(ahtSeconds ? { ahtSeconds } : {}),
});

describe('plans', () => {
  it('staffs each interval with Erlang C and adds shrinkage', () => {
    // 100 calls in 30 minutes at 180 s: 10 erlangs, 14 agents for 80/20 (the textbook example).
    const [p] = planIntervals([point(0, 100, 180)], 30, settings);
    expect(p).toMatchObject({ requiredAgents: 14, requiredScheduled: 20, adjustedScheduled: null });
    const exact = erlangCMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, targetSeconds: 20 });
    expect(p!.serviceLevel).toBeCloseTo(exact.serviceLevel, 12);
  });

  it('uses the default handle time where the forecast has none, and nobody for no volume', () => {
    const [a, b] = planIntervals([point(0, 12), point(1, 0)], 30, settings);
    expect(a!.ahtSeconds).toBe(300);
    expect(b).toMatchObject({ requiredAgents: 0, serviceLevel: null });
  });

  it('an adjustment below the requirement lowers the predicted service level, above raises it', () => {
    const plan = planIntervals([point(0, 100, 180)], 30, settings);
    const [low] = adjustIntervals(plan, [{ start, scheduledAgents: 16 }], 30, settings);
    const [high] = adjustIntervals(plan, [{ start, scheduledAgents: 26 }], 30, settings);
    expect(low!.serviceLevel!).toBeLessThan(plan[0]!.serviceLevel!);
    expect(high!.serviceLevel!).toBeGreaterThan(plan[0]!.serviceLevel!);
    expect(plannedScheduled(low!)).toBe(16);
    // 16 scheduled at 30 % shrinkage leave 11 on the queue: 11 agents for 10 erlangs.
    const eleven = erlangCMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 11, targetSeconds: 20 });
    expect(low!.serviceLevel).toBeCloseTo(eleven.serviceLevel, 12);
  });

  it('too few agents for the load predict a service level of 0, never NaN', () => {
    const plan = planIntervals([point(0, 100, 180)], 30, settings);
    const [none] = adjustIntervals(plan, [{ start, scheduledAgents: 0 }], 30, settings);
    const [few] = adjustIntervals(plan, [{ start, scheduledAgents: 10 }], 30, settings);
    expect(none!.serviceLevel).toBe(0);
    expect(few!.serviceLevel).toBe(0);
  });

  it('spreads deferrable work over the open intervals before its due time', () => {
    // 20 e-mails of 6 minutes at 08:00 due in 2 hours: 2 h of work over 4 half hours = 1 agent each.
    const plan = planIntervals([point(0, 20), point(1, 0), point(2, 0), point(3, 0), point(4, 0)], 30, {
      ...settings,
      work: 'deferrable',
      dueMinutes: 120,
      defaultAhtSeconds: 360,
      shrinkage: 0,
    });
    expect(plan.map((p) => p.requiredAgents)).toEqual([1, 1, 1, 1, 0]);
  });

  it('refuses an adjustment at an unknown interval or a negative count', () => {
    const plan = planIntervals([point(0, 10, 180)], 30, settings);
    expect(() =>
      adjustIntervals(plan, [{ start: start + 60_000, scheduledAgents: 2 }], 30, settings),
    ).toThrow(/not an interval of this plan/);
    expect(() => adjustIntervals(plan, [{ start, scheduledAgents: -1 }], 30, settings)).toThrow(
      /whole number/,
    );
  });
});
