import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { QueuePolicy, RoutingDecision } from './types.ts';

const offered = (ds: RoutingDecision[]) =>
  ds.flatMap((d) => (d.type === 'offer' ? [`${d.interactionId}>${d.agentIds.join('+')}`] : []));

const expert = queuePolicy('expert', { requirements: [{ skill: 'loans', minProficiency: 4 }] });

function withJunior(queue: QueuePolicy, others: QueuePolicy[] = []) {
  const engine = createEngine(testConfig([queue, ...others]));
  engine.handle({
    type: 'agentLoggedIn',
    at: 0,
    agent: testAgent('junior', { skills: { loans: 2, cards: 3 } }),
  });
  engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c', { queueId: queue.id }) });
  return engine;
}

describe('relaxation over time since arrival', () => {
  it('lowers the proficiency needed once the step time has passed', () => {
    const engine = withJunior({ ...expert, relaxation: [{ afterSeconds: 30, lowerProficiencyBy: 2 }] });
    expect(engine.nextDueAt()).toBe(30_000);
    expect(engine.handle({ type: 'tick', at: 29_999 })).toEqual([]);
    expect(engine.handle({ type: 'tick', at: 30_000 })).toEqual([
      { type: 'relaxed', interactionId: 'c', level: 1 },
      { type: 'offer', interactionId: 'c', agentIds: ['junior'], expiresAt: 50_000 },
    ]);
  });

  it('drops a skill after a wait', () => {
    const q = queuePolicy('q', {
      requirements: [
        { skill: 'cards', minProficiency: 3 },
        { skill: 'french', minProficiency: 3 },
      ],
      relaxation: [{ afterSeconds: 10, dropSkills: ['french'] }],
    });
    const engine = withJunior(q);
    expect(offered(engine.handle({ type: 'tick', at: 10_000 }))).toEqual(['c>junior']);
  });

  it("widens to another queue's agents", () => {
    const cards = queuePolicy('cards', { requirements: [{ skill: 'cards', minProficiency: 3 }] });
    const engine = withJunior({ ...expert, relaxation: [{ afterSeconds: 45, widenToQueues: ['cards'] }] }, [
      cards,
    ]);
    expect(offered(engine.handle({ type: 'tick', at: 44_000 }))).toEqual([]);
    expect(offered(engine.handle({ type: 'tick', at: 45_000 }))).toEqual(['c>junior']);
  });

  it('relaxes on time with a fractional clock (the timer must not fire a hair early forever)', () => {
    const engine = createEngine(
      testConfig([{ ...expert, relaxation: [{ afterSeconds: 60, lowerProficiencyBy: 2 }] }]),
    );
    const arrivedAt = 94_823.324_879_236_77;
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('junior', { skills: { loans: 2 } }) });
    engine.handle({
      type: 'interactionArrived',
      at: arrivedAt,
      interaction: testRequest('c', { queueId: 'expert' }),
    });
    expect(offered(engine.handle({ type: 'tick', at: engine.nextDueAt()! }))).toEqual(['c>junior']);
  });

  it('counts relaxation from arrival, not from the last missed offer', () => {
    const q = { ...expert, relaxation: [{ afterSeconds: 30, lowerProficiencyBy: 2 }] };
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('senior', { skills: { loans: 5 } }) });
    engine.handle({
      type: 'interactionArrived',
      at: 0,
      interaction: testRequest('c', { queueId: 'expert' }),
    });
    engine.handle({ type: 'offerDeclined', at: 25_000, interactionId: 'c', agentId: 'senior' });
    engine.handle({
      type: 'agentLoggedIn',
      at: 25_001,
      agent: testAgent('junior', { skills: { loans: 2 } }),
    });
    expect(offered(engine.handle({ type: 'tick', at: 30_000 }))).toEqual(['c>junior']);
  });
});

describe('sticky and history-aware routing', () => {
  const sticky = queuePolicy('q', { sticky: { seconds: 30, lastAgent: true, accountOwner: true } });

  function twoAgents() {
    const engine = createEngine(testConfig([sticky]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('other') });
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('last'), ready: false });
    return engine;
  }

  it('waits for the agent who last served the customer, then offers to anyone', () => {
    const engine = twoAgents();
    const arrival = engine.handle({
      type: 'interactionArrived',
      at: 1,
      interaction: testRequest('c', { lastAgentId: 'last' }),
    });
    expect(arrival).toEqual([]);
    expect(offered(engine.handle({ type: 'tick', at: 30_001 }))).toEqual(['c>other']);
  });

  it('offers to the last agent as soon as it is ready within the window', () => {
    const engine = twoAgents();
    engine.handle({
      type: 'interactionArrived',
      at: 1,
      interaction: testRequest('c', { lastAgentId: 'last' }),
    });
    expect(offered(engine.handle({ type: 'agentReady', at: 10_000, agentId: 'last' }))).toEqual(['c>last']);
  });

  it('prefers the account owner the same way', () => {
    const engine = twoAgents();
    engine.handle({ type: 'agentReady', at: 1, agentId: 'last' });
    const ds = engine.handle({
      type: 'interactionArrived',
      at: 2,
      interaction: testRequest('c', { accountOwnerId: 'last' }),
    });
    expect(offered(ds)).toEqual(['c>last']);
  });

  it('does not wait for a last agent who is not logged in', () => {
    const engine = createEngine(testConfig([sticky]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('other') });
    const ds = engine.handle({
      type: 'interactionArrived',
      at: 1,
      interaction: testRequest('c', { lastAgentId: 'gone' }),
    });
    expect(offered(ds)).toEqual(['c>other']);
  });

  it('stops waiting when the last agent logs out', () => {
    const engine = twoAgents();
    engine.handle({
      type: 'interactionArrived',
      at: 1,
      interaction: testRequest('c', { lastAgentId: 'last' }),
    });
    expect(offered(engine.handle({ type: 'agentLoggedOut', at: 2, agentId: 'last' }))).toEqual(['c>other']);
  });

  it('stops waiting when the last agent declines', () => {
    const engine = twoAgents();
    engine.handle({
      type: 'interactionArrived',
      at: 1,
      interaction: testRequest('c', { lastAgentId: 'last' }),
    });
    engine.handle({ type: 'agentNotReady', at: 2, agentId: 'other', reason: 'lunch' });
    engine.handle({ type: 'agentReady', at: 3, agentId: 'last' });
    engine.handle({ type: 'agentReady', at: 4, agentId: 'other' });
    expect(
      offered(engine.handle({ type: 'offerDeclined', at: 5, interactionId: 'c', agentId: 'last' })),
    ).toEqual(['c>other']);
  });
});
