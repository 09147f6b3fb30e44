import { describe, expect, it } from 'vitest';
import { queuePolicy } from '../core/policy.ts';
import { erlangServiceLevel, poissonLoad } from './poisson.ts';
import { seededRandom } from './prng.ts';
import { runSimulation, type Shift, type SimCall } from './run.ts';

const call = (id: string, arrival: number, service: number, extra: Partial<SimCall> = {}): SimCall => ({
  id,
  arrival,
  service,
  patience: Number.POSITIVE_INFINITY,
  ...extra,
});
const allDay = (agentId: string): Shift => ({ agentId, start: 0, end: 86_400 });
const waits = (r: ReturnType<typeof runSimulation>) => r.outcomes.map((o) => `${o.result}:${o.wait}`);

describe('runSimulation', () => {
  it('serves in arrival order with one agent', () => {
    const r = runSimulation({ calls: [call('a', 0, 30), call('b', 10, 30)], shifts: [allDay('x')] });
    expect(waits(r)).toEqual(['answered:0', 'answered:20']);
    expect(r.total).toMatchObject({
      offered: 2,
      answered: 2,
      abandoned: 0,
      service_level: 1,
      asa_seconds: 10,
    });
  });

  it('serves a high-value caller ahead of regulars who waited less than 90 s longer', () => {
    const calls = [call('busy', 0, 100), call('regular', 1, 10), call('vip', 60, 10, { valueTier: 'high' })];
    const r = runSimulation({ calls, shifts: [allDay('x')] });
    expect(r.outcomes.map((o) => o.arrival)).toEqual([0, 60, 1]);
  });

  it('lets a caller hang up when its patience runs out, and only then', () => {
    const calls = [
      call('busy', 0, 100),
      call('gives up', 10, 10, { patience: 50 }),
      call('stays', 20, 10, { patience: 81 }),
    ];
    const r = runSimulation({ calls, shifts: [allDay('x')] });
    expect(waits(r)).toEqual(['answered:0', 'abandoned:50', 'answered:80']);
  });

  it('does not answer a caller at the very second its patience ends', () => {
    const r = runSimulation({
      calls: [call('busy', 0, 60), call('late', 0, 10, { patience: 60 })],
      shifts: [allDay('x')],
    });
    expect(waits(r)).toEqual(['answered:0', 'abandoned:60']);
  });

  it('keeps the agent away for the after-call time', () => {
    const calls = [call('a', 0, 30, { wrapUp: 15 }), call('b', 0, 30)];
    expect(waits(runSimulation({ calls, shifts: [allDay('x')] }))).toEqual(['answered:0', 'answered:45']);
  });

  it('lets an agent finish its call after its shift but take no new one', () => {
    const calls = [call('a', 0, 100), call('b', 50, 10, { patience: 500 })];
    const r = runSimulation({ calls, shifts: [{ agentId: 'x', start: 0, end: 60 }] });
    expect(waits(r)).toEqual(['answered:0', 'abandoned:500']);
    expect(r.total.occupancy).toBe(1);
  });

  it('brings an agent back for a second shift', () => {
    const shifts = [
      { agentId: 'x', start: 0, end: 10 },
      { agentId: 'x', start: 100, end: 200 },
    ];
    expect(waits(runSimulation({ calls: [call('a', 50, 10)], shifts }))).toEqual(['answered:50']);
  });

  it('counts a call answered outside routing without taking an agent', () => {
    const calls = [call('self-service', 0, 5, { answeredOutsideAfter: 0 }), call('a', 1, 10)];
    expect(waits(runSimulation({ calls, shifts: [allDay('x')] }))).toEqual(['answered:0', 'answered:0']);
  });

  it('routes with the queue policy it is given', () => {
    const lifo = queuePolicy('lifo', { agingWeightPerSecond: 0, priorityWeight: 1 });
    const calls = [call('busy', 0, 100), call('low', 1, 10), call('urgent', 2, 10)];
    const withPriority = calls.map((c) => (c.id === 'urgent' ? { ...c, valueTier: 'vip' } : c));
    const r = runSimulation({
      calls: withPriority,
      shifts: [allDay('x')],
      queue: { ...lifo, valueTierBoost: { vip: 5 } },
    });
    expect(r.outcomes.map((o) => o.arrival)).toEqual([0, 2, 1]);
  });

  it('reports per interval of the given length', () => {
    const r = runSimulation({
      calls: [call('a', 10, 5), call('b', 1900, 5)],
      shifts: [allDay('x')],
      intervalSeconds: 1800,
    });
    expect(r.intervals.map((i) => [i.start, i.offered])).toEqual([
      ['00:00', 1],
      ['00:30', 1],
    ]);
  });

  it('matches Erlang C on a long M/M/N run', () => {
    const load = { arrivalsPerHour: 100, ahtSeconds: 180, agents: 6, hours: 400 };
    const { calls, shifts } = poissonLoad(load, seededRandom(7));
    const r = runSimulation({ calls, shifts, targetSeconds: 20 });
    const expected = erlangServiceLevel(6, 100, 180, 20);
    expect(Math.abs(r.total.service_level! - expected)).toBeLessThan(0.02);
  });

  it('gives the same result for the same seed', () => {
    const load = { arrivalsPerHour: 60, ahtSeconds: 200, agents: 3, hours: 4, patienceSeconds: 120 };
    const once = runSimulation(poissonLoad(load, seededRandom(3)));
    const twice = runSimulation(poissonLoad(load, seededRandom(3)));
    expect(twice.total).toEqual(once.total);
    expect(once.total.abandoned).toBeGreaterThan(0);
  });
});
