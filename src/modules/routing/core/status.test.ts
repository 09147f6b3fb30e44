import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { RoutingDecision } from './types.ts';

const statuses = (ds: RoutingDecision[]) =>
  ds.flatMap((d) => (d.type === 'agentStatusChanged' ? [`${d.agentId} ${d.status} ${d.reason}`] : []));

describe('agent status changes', () => {
  it('says every change of an agent: log-in, busy, wrap-up, ready, not-ready with its reason, log-out', () => {
    const engine = createEngine(testConfig([queuePolicy('q', { wrapUpSeconds: 30 })]));
    expect(statuses(engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') }))).toEqual([
      'ana available ready',
    ]);
    // An offer that rings does not change how the agent shows; accepting it does.
    expect(
      statuses(engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') })),
    ).toEqual([]);
    expect(
      statuses(engine.handle({ type: 'offerAccepted', at: 2, interactionId: 'c1', agentId: 'ana' })),
    ).toEqual(['ana busy on_interaction']);
    expect(statuses(engine.handle({ type: 'interactionEnded', at: 3, interactionId: 'c1' }))).toEqual([
      'ana wrap_up after_contact_work',
    ]);
    expect(statuses(engine.handle({ type: 'wrapUpDone', at: 4, interactionId: 'c1' }))).toEqual([
      'ana available ready',
    ]);
    expect(
      statuses(engine.handle({ type: 'agentNotReady', at: 5, agentId: 'ana', reason: 'break' })),
    ).toEqual(['ana not_ready break']);
    // A new reason is a change too; the same one again is not.
    expect(
      statuses(engine.handle({ type: 'agentNotReady', at: 6, agentId: 'ana', reason: 'training' })),
    ).toEqual(['ana not_ready training']);
    expect(
      statuses(engine.handle({ type: 'agentNotReady', at: 7, agentId: 'ana', reason: 'training' })),
    ).toEqual([]);
    expect(statuses(engine.handle({ type: 'agentReady', at: 8, agentId: 'ana' }))).toEqual([
      'ana available ready',
    ]);
    expect(statuses(engine.handle({ type: 'agentLoggedOut', at: 9, agentId: 'ana' }))).toEqual([
      'ana offline logged_out',
    ]);
  });

  it('says a log-in that is not ready, and the wrap-up time limit running out', () => {
    const engine = createEngine(testConfig([queuePolicy('q', { wrapUpSeconds: 30 })]));
    expect(
      statuses(engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('bob'), ready: false })),
    ).toEqual(['bob not_ready login']);
    engine.handle({ type: 'agentReady', at: 1, agentId: 'bob' });
    engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('c1') });
    engine.handle({ type: 'offerAccepted', at: 3, interactionId: 'c1', agentId: 'bob' });
    engine.handle({ type: 'interactionEnded', at: 4, interactionId: 'c1' });
    expect(statuses(engine.handle({ type: 'tick', at: 40_000 }))).toEqual(['bob available ready']);
  });

  it('a rebuilt engine says the same changes as the one it was rebuilt from', () => {
    const engine = createEngine(testConfig());
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    const rebuilt = createEngine(testConfig(), engine.snapshot());
    const accept = { type: 'offerAccepted', at: 2, interactionId: 'c1', agentId: 'ana' } as const;
    const decisions = rebuilt.handle(accept);
    expect(statuses(decisions)).toEqual(['ana busy on_interaction']);
    expect(engine.handle(accept)).toEqual(decisions);
  });

  it('says the changes of several agents in one event in id order, and a logged-out agent as offline', () => {
    const engine = createEngine(testConfig([queuePolicy('q', { wrapUpSeconds: 30 })]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('zoe') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    engine.handle({ type: 'agentLoggedIn', at: 2, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 3, interaction: testRequest('c2') });
    engine.handle({ type: 'offerAccepted', at: 4, interactionId: 'c1', agentId: 'zoe' });
    engine.handle({ type: 'offerAccepted', at: 4, interactionId: 'c2', agentId: 'ana' });
    engine.handle({ type: 'interactionEnded', at: 10, interactionId: 'c1' });
    engine.handle({ type: 'interactionEnded', at: 10, interactionId: 'c2' });
    // Both wrap-ups end at the same instant; zoe's fires first, the changes are said by agent id.
    expect(statuses(engine.handle({ type: 'tick', at: 40_000 }))).toEqual([
      'ana available ready',
      'zoe available ready',
    ]);
    engine.handle({ type: 'agentNotReady', at: 40_001, agentId: 'ana', reason: 'break' });
    engine.handle({ type: 'interactionArrived', at: 40_002, interaction: testRequest('c3') });
    engine.handle({ type: 'offerAccepted', at: 40_003, interactionId: 'c3', agentId: 'zoe' });
    // zoe's call waits again; ana is on a break, so nobody else changes.
    expect(statuses(engine.handle({ type: 'agentLoggedOut', at: 40_004, agentId: 'zoe' }))).toEqual([
      'zoe offline logged_out',
    ]);
    expect(statuses(engine.handle({ type: 'agentReady', at: 40_005, agentId: 'ana' }))).toEqual([
      'ana available ready',
    ]);
  });
});
