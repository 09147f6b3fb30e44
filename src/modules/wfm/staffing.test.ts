import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangCMeasures } from './erlang.ts';
import { erlangAMeasures } from './erlang-a.ts';
import { agentsNeeded } from './staffing.ts';
import { readSharedData } from './test-data.ts';

interface StaffingVector {
  id: string;
  model: string;
  lambda_per_hour: number;
  aht_seconds: number;
  target_seconds: number;
  target_service_level: number;
  shrinkage?: number;
  max_occupancy?: number;
  expected: Record<string, number | Record<string, number>>;
}

const vectors = (JSON.parse(readSharedData('wfm/erlang-vectors.json')) as StaffingVector[]).filter(
  (v) => v.model === 'erlang_c_staffing',
);

const call = { arrivalsPerHour: 200, ahtSeconds: 180 };
const sl80in20 = { serviceLevel: 0.8, targetSeconds: 20 };

describe('Erlang C staffing vectors', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s gives the expected agents', (_id, v) => {
    const input = {
      model: 'c' as const,
      arrivalsPerHour: v.lambda_per_hour,
      ahtSeconds: v.aht_seconds,
      target: { serviceLevel: v.target_service_level, targetSeconds: v.target_seconds },
    };
    const r = agentsNeeded({ ...input, maxOccupancy: v.max_occupancy, shrinkage: v.shrinkage });
    expect(r.agents).toBe(v.expected.min_agents);
    if (v.expected.scheduled_agents_with_shrinkage !== undefined) {
      expect(r.scheduledAgents).toBe(v.expected.scheduled_agents_with_shrinkage);
    }
    const alt = v.expected.with_max_occupancy_0_7;
    if (typeof alt === 'object') {
      const r7 = agentsNeeded({ ...input, maxOccupancy: 0.7, shrinkage: v.shrinkage });
      expect([r7.agents, r7.scheduledAgents]).toEqual([alt.min_agents, alt.scheduled_agents_with_shrinkage]);
    }
    if (typeof v.expected.service_level_at_min_agents === 'number') {
      expect(r.measures.model === 'c' && r.measures.serviceLevel).toBeCloseTo(
        v.expected.service_level_at_min_agents,
        5,
      );
    }
  });
});

describe('staffing', () => {
  it('is the fewest agents: one fewer misses the service level (Erlang C)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (arrivalsPerHour, ahtSeconds, serviceLevel) => {
          const target = { serviceLevel, targetSeconds: 20 };
          const { agents } = agentsNeeded({ model: 'c', arrivalsPerHour, ahtSeconds, target });
          const at = (n: number) =>
            erlangCMeasures({ arrivalsPerHour, ahtSeconds, agents: n, targetSeconds: 20 });
          expect(at(agents).serviceLevel).toBeGreaterThanOrEqual(serviceLevel);
          expect(at(agents - 1).serviceLevel).toBeLessThan(serviceLevel);
        },
      ),
    );
  });

  it('is the fewest agents: one fewer misses a target (Erlang A, abandonment and ASA)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (arrivalsPerHour, patienceSeconds, maxAbandonRate, maxAsaSeconds) => {
          const target = { maxAbandonRate, maxAsaSeconds };
          const input = { arrivalsPerHour, ahtSeconds: 180, patienceSeconds };
          const { agents } = agentsNeeded({ model: 'a', ...input, target });
          const ok = (n: number) => {
            const m = erlangAMeasures({ ...input, agents: n, targetSeconds: 0 });
            return m.pAbandon <= maxAbandonRate && m.asaAllArrivals <= maxAsaSeconds;
          };
          expect(ok(agents)).toBe(true);
          if (agents > 1) expect(ok(agents - 1)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('needs fewer agents with abandonment than without, for the same service level', () => {
    const c = agentsNeeded({ model: 'c', ...call, target: sl80in20 });
    const a = agentsNeeded({ model: 'a', ...call, patienceSeconds: 300, target: sl80in20 });
    expect(a.agents).toBeLessThanOrEqual(c.agents);
    expect(a.measures.model === 'a' && a.measures.serviceLevelAllArrivals).toBeGreaterThanOrEqual(0.8);
  });

  it('measures the served-only convention when asked, which needs no more agents', () => {
    const target = { ...sl80in20, serviceLevel: 0.95 };
    const all = agentsNeeded({ model: 'a', ...call, patienceSeconds: 120, target });
    const served = agentsNeeded({
      model: 'a',
      ...call,
      patienceSeconds: 120,
      target: { ...target, convention: 'served_only' },
    });
    expect(served.agents).toBeLessThanOrEqual(all.agents);
    expect(served.measures.model === 'a' && served.measures.convention).toBe('served_only');
  });

  it('staffs 10,000 erlangs quickly and exactly', () => {
    const r = agentsNeeded({
      model: 'a',
      arrivalsPerHour: 120_000,
      ahtSeconds: 300,
      patienceSeconds: 200,
      target: sl80in20,
    });
    expect(r.agents).toBeGreaterThan(9_000);
    expect(r.agents).toBeLessThan(10_200);
  });

  it.each([
    [
      'a service level of 1',
      { target: { serviceLevel: 1, targetSeconds: 20 } },
      /target service level must be a fraction in \(0, 1\)/,
    ],
    ['no target', { target: {} }, /needs a service level/],
    ['zero arrivals', { arrivalsPerHour: 0 }, /arrivals per hour must be a positive number/],
    ['a shrinkage of 1', { shrinkage: 1 }, /shrinkage must be a fraction in \[0, 1\)/],
    ['Erlang A without patience', { model: 'a' as const }, /patience .* positive/],
    ['an abandonment target on Erlang C', { target: { maxAbandonRate: 0.05 } }, /needs Erlang A/],
  ])('rejects %s with a clear message', (_name, patch, message) => {
    expect(() => agentsNeeded({ model: 'c', ...call, target: sl80in20, ...patch })).toThrow(message);
  });

  it('says a target is unreachable instead of searching forever', () => {
    const tiny = { maxAsaSeconds: 1e-200 };
    expect(() => agentsNeeded({ model: 'c', ...call, target: tiny })).toThrow(/no staffing meets the target/);
  });

  it('says when the load needs more agents than allowed', () => {
    const big = {
      model: 'a' as const,
      arrivalsPerHour: 2000,
      ahtSeconds: 180,
      patienceSeconds: 300,
      maxAgents: 50,
    };
    expect(() => agentsNeeded({ ...big, target: sl80in20 })).toThrow(
      /even 50 agents for 100 erlangs fall short of 80% within 20 s \(the most agents allowed\)/,
    );
  });
});
