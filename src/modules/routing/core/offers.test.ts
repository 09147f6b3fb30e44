import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { RoutingDecision } from './types.ts';

const offers = (ds: RoutingDecision[]) => ds.filter((d) => d.type === 'offer');

function engineWith(queue = queuePolicy('q'), missed = 0) {
  return createEngine(testConfig([queue], { missedOffersBeforeNotReady: missed }));
}

describe('offers', () => {
  it('offers a waiting call to the available agent, expiring after the queue timeout', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    const ds = engine.handle({ type: 'interactionArrived', at: 1000, interaction: testRequest('c1') });
    expect(ds).toEqual([{ type: 'offer', interactionId: 'c1', agentIds: ['ana'], expiresAt: 21_000 }]);
    expect(engine.nextDueAt()).toBe(21_000);
  });

  it('keeps a call waiting until an agent becomes ready', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana'), ready: false });
    expect(engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') })).toEqual([]);
    expect(offers(engine.handle({ type: 'agentReady', at: 2, agentId: 'ana' }))).toHaveLength(1);
  });

  it('offers to several agents at once where the queue says so, and the first accept wins', () => {
    const engine = engineWith(queuePolicy('q', { offer: { timeoutSeconds: 20, agents: 2 } }));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'agentLoggedIn', at: 1, agent: testAgent('bob') });
    const [offer] = offers(
      engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('c1') }),
    );
    expect(offer?.agentIds).toEqual(['ana', 'bob']);
    expect(engine.handle({ type: 'offerAccepted', at: 3, interactionId: 'c1', agentId: 'bob' })).toEqual([
      { type: 'offerRevoked', interactionId: 'c1', agentId: 'ana', reason: 'taken' },
      { type: 'assigned', interactionId: 'c1', agentId: 'bob' },
      { type: 'agentStatusChanged', agentId: 'bob', status: 'busy', reason: 'on_interaction' },
    ]);
    expect(engine.handle({ type: 'offerAccepted', at: 4, interactionId: 'c1', agentId: 'ana' })).toEqual([
      { type: 'acceptRejected', interactionId: 'c1', agentId: 'ana', reason: 'taken' },
    ]);
  });

  it('never offers a declined interaction to the same agent again', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    const ds = engine.handle({ type: 'offerDeclined', at: 2, interactionId: 'c1', agentId: 'ana' });
    expect(ds).toEqual([{ type: 'requeued', interactionId: 'c1', queueId: 'q', reason: 'declined' }]);
    expect(offers(engine.handle({ type: 'tick', at: 60_000 }))).toEqual([]);
    const bob = engine.handle({ type: 'agentLoggedIn', at: 60_001, agent: testAgent('bob') });
    expect(offers(bob)[0]?.agentIds).toEqual(['bob']);
  });

  it('keeps the age of a declined interaction, so it still goes before later arrivals', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('old') });
    engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('new') });
    engine.handle({ type: 'offerDeclined', at: 3, interactionId: 'old', agentId: 'ana' });
    const ds = engine.handle({ type: 'agentLoggedIn', at: 4, agent: testAgent('bob') });
    expect(offers(ds)).toEqual([
      { type: 'offer', interactionId: 'old', agentIds: ['bob'], expiresAt: 20_004 },
    ]);
  });

  it('treats an unanswered offer as missed: revoked, requeued, never offered to that agent again', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c1') });
    expect(engine.handle({ type: 'tick', at: 20_000 })).toEqual([
      { type: 'offerRevoked', interactionId: 'c1', agentId: 'ana', reason: 'expired' },
      { type: 'requeued', interactionId: 'c1', queueId: 'q', reason: 'missed' },
    ]);
    expect(engine.handle({ type: 'offerAccepted', at: 20_001, interactionId: 'c1', agentId: 'ana' })).toEqual(
      [{ type: 'acceptRejected', interactionId: 'c1', agentId: 'ana', reason: 'expired' }],
    );
  });

  it('sets an agent not-ready after K missed offers in a row', () => {
    const engine = engineWith(queuePolicy('q'), 2);
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c1') });
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c2') });
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c3') });
    expect(
      engine.handle({ type: 'tick', at: 20_000 }).filter((d) => d.type === 'agentStatusChanged'),
    ).toEqual([]);
    const second = engine.handle({ type: 'tick', at: 40_000 });
    expect(second).toContainEqual({
      type: 'agentStatusChanged',
      agentId: 'ana',
      status: 'not_ready',
      reason: 'missed_offers',
    });
    expect(offers(second)).toEqual([]);
    expect(engine.agentStatus('ana')).toBe('not_ready');
  });

  it('counts only misses in a row: a decline in between starts the count again', () => {
    const engine = engineWith(queuePolicy('q'), 2);
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    for (const id of ['c1', 'c2', 'c3'])
      engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest(id) });
    engine.handle({ type: 'tick', at: 20_000 });
    engine.handle({ type: 'offerDeclined', at: 20_001, interactionId: 'c2', agentId: 'ana' });
    engine.handle({ type: 'tick', at: 40_001 });
    expect(engine.agentStatus('ana')).toBe('available');
  });

  it('refuses a timeout reported before the offer expires', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c1') });
    expect(engine.handle({ type: 'offerTimedOut', at: 5_000, interactionId: 'c1' })).toEqual([
      { type: 'eventRejected', event: 'offerTimedOut', code: 'routing.offer_not_pending', id: 'c1' },
    ]);
  });

  it('withdraws a ringing offer when the agent goes not-ready, without counting it against the agent', () => {
    const engine = engineWith();
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    expect(engine.handle({ type: 'agentNotReady', at: 2, agentId: 'ana', reason: 'break' })).toEqual([
      { type: 'offerRevoked', interactionId: 'c1', agentId: 'ana', reason: 'agentUnavailable' },
      { type: 'requeued', interactionId: 'c1', queueId: 'q', reason: 'agentUnavailable' },
      { type: 'agentStatusChanged', agentId: 'ana', status: 'not_ready', reason: 'break' },
    ]);
    expect(offers(engine.handle({ type: 'agentReady', at: 3, agentId: 'ana' }))[0]?.agentIds).toEqual([
      'ana',
    ]);
  });

  it('says an accept for an interaction that is gone was taken', () => {
    const engine = engineWith();
    expect(engine.handle({ type: 'offerAccepted', at: 0, interactionId: 'nope', agentId: 'ana' })).toEqual([
      { type: 'acceptRejected', interactionId: 'nope', agentId: 'ana', reason: 'taken' },
    ]);
  });
});
