import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { EngineSnapshot, RoutingEvent } from './types.ts';

const config = testConfig([
  queuePolicy('q', {
    relaxation: [{ afterSeconds: 30, lowerProficiencyBy: 1 }],
    requirements: [{ skill: 'loans', minProficiency: 3 }],
    wrapUpSeconds: 10,
  }),
]);

const before: RoutingEvent[] = [
  { type: 'agentLoggedIn', at: 0, agent: testAgent('ana', { skills: { loans: 3 } }) },
  { type: 'agentLoggedIn', at: 0, agent: testAgent('bo', { skills: { loans: 2 } }) },
  { type: 'interactionArrived', at: 1000, interaction: testRequest('c1') },
  { type: 'interactionArrived', at: 2000, interaction: testRequest('c2') },
  { type: 'offerAccepted', at: 3000, interactionId: 'c1', agentId: 'ana' },
];
const after: RoutingEvent[] = [
  { type: 'tick', at: 32_000 },
  { type: 'interactionEnded', at: 40_000, interactionId: 'c1' },
  { type: 'tick', at: 50_000 },
];

describe('snapshot and rebuild', () => {
  it('persists as JSON and rebuilds an engine that carries on exactly like the original', () => {
    const original = createEngine(config);
    for (const e of before) original.handle(e);
    const saved = JSON.parse(JSON.stringify(original.snapshot())) as EngineSnapshot;
    const rebuilt = createEngine(config, saved);
    expect(rebuilt.snapshot()).toEqual(original.snapshot());
    expect(rebuilt.nextDueAt()).toBe(original.nextDueAt());
    for (const e of after) expect(rebuilt.handle(e)).toEqual(original.handle(e));
  });

  it('holds everything in plain data: waiting, offered, active and the clock', () => {
    const engine = createEngine(config);
    for (const e of before) engine.handle(e);
    const snap = engine.snapshot();
    expect(snap.now).toBe(3000);
    expect(snap.interactions.map((i) => [i.request.id, i.phase, i.agentId])).toEqual([
      ['c1', 'active', 'ana'],
      ['c2', 'queued', null],
    ]);
  });
});
