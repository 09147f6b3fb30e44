import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCMeasures } from './erlang.ts';
import { erlangAMeasures } from './erlang-a.ts';
import { readSharedData } from './test-data.ts';

interface Vector {
  id: string;
  model: string;
  lambda_per_hour: number;
  aht_seconds: number;
  agents: number | null;
  patience_seconds: number | null;
  target_seconds: number | null;
  expected: Record<string, unknown>;
  tolerance?: Record<string, number>;
}

const vectors = JSON.parse(readSharedData('wfm/erlang-vectors.json')) as Vector[];

/** Our value for each key the vectors file uses. */
function measured(v: Vector): Record<string, number> {
  const base = {
    arrivalsPerHour: v.lambda_per_hour,
    ahtSeconds: v.aht_seconds,
    agents: v.agents ?? 0,
    targetSeconds: v.target_seconds ?? 0,
  };
  if (v.model === 'erlang_b')
    return { blocking: erlangB(base.agents, (v.lambda_per_hour * v.aht_seconds) / 3600) };
  if (v.model === 'erlang_c') {
    const m = erlangCMeasures(base);
    return {
      traffic_erlangs: m.trafficErlangs,
      p_wait: m.pWait,
      service_level: m.serviceLevel,
      asa_seconds: m.asaSeconds,
      occupancy: m.occupancy,
      erlang_b_blocking: m.blocking,
      p_wait_gt_target: 1 - m.serviceLevel,
    };
  }
  const m = erlangAMeasures({ ...base, patienceSeconds: v.patience_seconds ?? 0 });
  return {
    p_wait: m.pWait,
    p_abandon: m.pAbandon,
    service_level_all_arrivals: m.serviceLevelAllArrivals,
    service_level_served_only: m.serviceLevelServedOnly,
    asa_all_arrivals: m.asaAllArrivals,
    asa_served: m.asaServed,
    occupancy: m.occupancy,
    mean_queue_length: m.meanQueueLength,
  };
}

describe('queueing vectors of ../shared/data/wfm/erlang-vectors.json', () => {
  const measures = vectors.filter((v) => v.model !== 'erlang_c_staffing');
  it.each(measures.map((v) => [v.id, v] as const))('%s matches every expected value', (_id, v) => {
    const ours = measured(v);
    for (const [key, expected] of Object.entries(v.expected)) {
      if (typeof expected !== 'number') continue;
      // Keys without a stated tolerance are printed to 6 decimals (or 6 significant digits).
      const tol = v.tolerance?.[key] ?? Math.max(1e-6, Math.abs(expected) * 1e-6);
      expect(ours[key], `${v.id} ${key}`).toBeDefined();
      expect(Math.abs((ours[key] ?? Number.NaN) - expected), `${v.id} ${key}`).toBeLessThanOrEqual(tol);
    }
  });
});

describe('Erlang B and C', () => {
  it('stays finite and exact at 100,000 agents, where factorials overflow', () => {
    const b = erlangB(100_000, 100_000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
    expect(erlangC(100_300, 100_000)).toBeCloseTo(0.24493, 6);
  });

  it('agrees with the full recursion from zero agents (the shortcut start is exact)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.integer({ min: 0, max: 6000 }),
        (a, n) => {
          let b = 1;
          for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
          const ours = erlangB(n, a);
          expect(Math.abs(ours - b)).toBeLessThanOrEqual(1e-12 * Math.max(b, 1e-300) + 1e-300);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decreases in agents and increases in load', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 2000, noNaN: true }),
        fc.integer({ min: 1, max: 3000 }),
        (a, n) => {
          expect(erlangB(n + 1, a)).toBeLessThanOrEqual(erlangB(n, a));
          expect(erlangB(n, a * 1.01)).toBeGreaterThanOrEqual(erlangB(n, a));
        },
      ),
    );
  });

  it('reports an unstable queue, not NaN, when agents do not exceed the load', () => {
    const m = erlangCMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 10, targetSeconds: 20 });
    expect(m).toMatchObject({ stable: false, pWait: 1, serviceLevel: 0, occupancy: 1 });
    expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['zero arrivals', { arrivalsPerHour: 0 }, /arrivals per hour must be a positive number/],
    ['negative handle time', { ahtSeconds: -5 }, /handle time .* positive/],
    ['fractional agents', { agents: 2.5 }, /whole number of agents/],
    ['NaN target', { targetSeconds: Number.NaN }, /service-level target/],
  ])('rejects %s with a clear message', (_name, patch, message) => {
    const input = { arrivalsPerHour: 100, ahtSeconds: 180, agents: 10, targetSeconds: 20, ...patch };
    expect(() => erlangCMeasures(input)).toThrow(message);
  });
});
