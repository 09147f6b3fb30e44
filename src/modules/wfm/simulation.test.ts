import { describe, expect, it } from 'vitest';
import { erlangCMeasures } from './erlang.ts';
import { erlangAMeasures } from './erlang-a.ts';
import { simulateDay } from './simulation.ts';

/** Eight hours of 30-minute intervals at one load: steady state, where Erlang's formulas hold. */
const steady = (servers: number, volume = 100, ahtSeconds = 180) =>
  Array.from({ length: 16 }, (_, i) => ({ offset: 8 * 3600 + i * 1800, volume, ahtSeconds, servers }));

const pooledSl = (figures: { offered: number; serviceLevel: number | null }[]) => {
  const offered = figures.reduce((s, f) => s + f.offered, 0);
  return figures.reduce((s, f) => s + (f.serviceLevel ?? 0) * f.offered, 0) / offered;
};

describe('validation by simulation', () => {
  it('agrees with Erlang C in steady state', () => {
    const figures = simulateDay(steady(14), { intervalMinutes: 30, targetSeconds: 20, replications: 10 });
    const predicted = erlangCMeasures({
      arrivalsPerHour: 200,
      ahtSeconds: 180,
      agents: 14,
      targetSeconds: 20,
    });
    // Skip the first hour, which starts empty.
    expect(pooledSl(figures.slice(2))).toBeCloseTo(predicted.serviceLevel, 1);
    const offered = figures.reduce((s, f) => s + f.offered, 0);
    expect(offered / 10).toBeGreaterThan(1600 * 0.93);
    expect(offered / 10).toBeLessThan(1600 * 1.07);
  });

  it('agrees with Erlang A when callers hang up', () => {
    const figures = simulateDay(steady(10), {
      intervalMinutes: 30,
      targetSeconds: 20,
      patienceSeconds: 120,
      replications: 10,
    });
    const predicted = erlangAMeasures({
      arrivalsPerHour: 200,
      ahtSeconds: 180,
      agents: 10,
      patienceSeconds: 120,
      targetSeconds: 20,
    });
    expect(pooledSl(figures.slice(2))).toBeCloseTo(predicted.serviceLevelAllArrivals, 1);
    const abandoned =
      figures.reduce((s, f) => s + f.abandoned, 0) / figures.reduce((s, f) => s + f.offered, 0);
    expect(abandoned).toBeCloseTo(predicted.pAbandon, 1);
  });

  it('shows the backlog a formula cannot: an understaffed interval drags down the next', () => {
    const day = steady(14).slice(0, 4);
    day[1] = { ...day[1]!, servers: 8 };
    const figures = simulateDay(day, { intervalMinutes: 30, targetSeconds: 20, replications: 10 });
    const alone = erlangCMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, targetSeconds: 20 });
    expect(figures[1]!.serviceLevel!).toBeLessThan(0.3);
    expect(figures[2]!.serviceLevel!).toBeLessThan(alone.serviceLevel - 0.1);
  });

  it('is repeatable for a seed and refuses a silly number of replications', () => {
    const a = simulateDay(steady(14).slice(0, 2), {
      intervalMinutes: 30,
      targetSeconds: 20,
      replications: 2,
      seed: 5,
    });
    const b = simulateDay(steady(14).slice(0, 2), {
      intervalMinutes: 30,
      targetSeconds: 20,
      replications: 2,
      seed: 5,
    });
    expect(a).toEqual(b);
    expect(() => simulateDay([], { intervalMinutes: 30, targetSeconds: 20, replications: 0 })).toThrow(
      /replications/,
    );
  });
});
