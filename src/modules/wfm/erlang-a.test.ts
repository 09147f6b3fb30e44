import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangCMeasures } from './erlang.ts';
import { erlangAMeasures } from './erlang-a.ts';

const base = { arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 14, targetSeconds: 20 };

describe('Erlang A', () => {
  it('tends to Erlang C as patience grows without bound', () => {
    const a = erlangAMeasures({ ...base, patienceSeconds: 1e9 });
    const c = erlangCMeasures(base);
    expect(a.pWait).toBeCloseTo(c.pWait, 6);
    expect(a.serviceLevelAllArrivals).toBeCloseTo(c.serviceLevel, 6);
    expect(a.asaAllArrivals).toBeCloseTo(c.asaSeconds, 4);
    expect(a.pAbandon).toBeLessThan(1e-6);
  });

  it('gives the same mean wait by Little’s law and by summing per-state waits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 10, max: 900, noNaN: true }),
        fc.double({ min: 5, max: 2000, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (arrivalsPerHour, ahtSeconds, patienceSeconds, agents) => {
          const m = erlangAMeasures({
            arrivalsPerHour,
            ahtSeconds,
            patienceSeconds,
            agents,
            targetSeconds: 20,
          });
          const little = (m.meanQueueLength * 3600) / arrivalsPerHour;
          expect(Math.abs(m.asaAllArrivals - little)).toBeLessThanOrEqual(1e-9 * Math.max(1, little));
          for (const v of [
            m.pWait,
            m.pAbandon,
            m.serviceLevelAllArrivals,
            m.serviceLevelServedOnly,
            m.occupancy,
          ]) {
            expect(v).toBeGreaterThanOrEqual(-1e-12);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });

  it('improves every measure as agents are added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 3000, noNaN: true }),
        fc.double({ min: 30, max: 600, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (arrivalsPerHour, patienceSeconds, agents) => {
          const at = (n: number) => erlangAMeasures({ ...base, arrivalsPerHour, patienceSeconds, agents: n });
          const [m, more] = [at(agents), at(agents + 1)];
          expect(more.pAbandon).toBeLessThanOrEqual(m.pAbandon + 1e-12);
          expect(more.serviceLevelAllArrivals).toBeGreaterThanOrEqual(m.serviceLevelAllArrivals - 1e-12);
          expect(more.asaAllArrivals).toBeLessThanOrEqual(m.asaAllArrivals + 1e-9);
        },
      ),
    );
  });

  it('stays finite far into overload and at 100,000 agents', () => {
    const overloaded = erlangAMeasures({
      ...base,
      arrivalsPerHour: 1_000_000,
      agents: 10,
      patienceSeconds: 600,
    });
    expect(overloaded.pAbandon).toBeGreaterThan(0.99);
    expect(Number.isFinite(overloaded.asaAllArrivals)).toBe(true);
    const huge = erlangAMeasures({ ...base, arrivalsPerHour: 100_000, ahtSeconds: 3600, agents: 100_000 });
    expect(huge.pWait).toBeGreaterThan(0);
    expect(huge.pWait).toBeLessThan(1);
  });

  it('answers nobody within a zero-second target except those who never wait', () => {
    const m = erlangAMeasures({ ...base, targetSeconds: 0 });
    expect(m.serviceLevelAllArrivals).toBeCloseTo(1 - m.pWait, 12);
  });

  it('refuses, rather than hangs on, a queue too far beyond its agents to sum', () => {
    const absurd = { ...base, arrivalsPerHour: 1e9, patienceSeconds: 1e6 };
    expect(() => erlangAMeasures(absurd)).toThrow(/Erlang A is summed exactly up to 1e\+7 queue states/);
  });

  it('rejects a zero patience', () => {
    expect(() => erlangAMeasures({ ...base, patienceSeconds: 0 })).toThrow(/patience .* positive/);
  });
});
