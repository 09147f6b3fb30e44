import { describe, expect, it } from 'vitest';
import { createEngine, type RoutingEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { AgentProfile, InteractionRequest, QueuePolicy, RoutingDecision } from './types.ts';

const offered = (ds: RoutingDecision[]) =>
  ds.flatMap((d) => (d.type === 'offer' ? [`${d.interactionId}>${d.agentIds.join('+')}`] : []));

/** Queues interactions while nobody is ready, then lets one agent pick. */
function firstPick(
  queues: QueuePolicy[],
  waiting: [number, InteractionRequest][],
  agent = testAgent('ana'),
): string[] {
  const engine = createEngine(testConfig(queues));
  engine.handle({ type: 'agentLoggedIn', at: 0, agent, ready: false });
  for (const [at, interaction] of waiting) engine.handle({ type: 'interactionArrived', at, interaction });
  const last = Math.max(...waiting.map(([at]) => at));
  return offered(engine.handle({ type: 'agentReady', at: last + 1, agentId: agent.id }));
}

/** Logs agents in (all idle, in order), then sends one interaction. */
function agentPick(queue: QueuePolicy, agents: AgentProfile[], setup?: (e: RoutingEngine) => void): string[] {
  const engine = createEngine(testConfig([queue]));
  agents.forEach((agent, n) => {
    engine.handle({ type: 'agentLoggedIn', at: n, agent });
  });
  setup?.(engine);
  return offered(
    engine.handle({
      type: 'interactionArrived',
      at: 10_000,
      interaction: testRequest('x', { channel: 'chat' }),
    }),
  );
}

describe('order of waiting interactions', () => {
  it('serves the higher priority first when the queue weighs priority', () => {
    const q = queuePolicy('q', { priorityWeight: 100 });
    const pick = firstPick(
      [q],
      [
        [0, testRequest('low', { priority: 0 })],
        [10_000, testRequest('high', { priority: 1 })],
      ],
    );
    expect(pick).toEqual(['high>ana']);
  });

  it('lets aging overtake: after enough wait a low priority goes before a newer high one', () => {
    const q = queuePolicy('q', { priorityWeight: 100, agingWeightPerSecond: 1 });
    const pick = firstPick(
      [q],
      [
        [0, testRequest('low', { priority: 0 })],
        [101_000, testRequest('high', { priority: 1 })],
      ],
    );
    expect(pick).toEqual(['low>ana']);
  });

  it("gives the bank's high-value callers a 90-second head start", () => {
    const bank = queuePolicy('q', { valueTierBoost: { high: 90 } });
    const within = firstPick(
      [bank],
      [
        [0, testRequest('regular')],
        [89_000, testRequest('vip', { valueTier: 'high' })],
      ],
    );
    expect(within).toEqual(['vip>ana']);
    const beyond = firstPick(
      [bank],
      [
        [0, testRequest('regular')],
        [91_000, testRequest('vip', { valueTier: 'high' })],
      ],
    );
    expect(beyond).toEqual(['regular>ana']);
  });

  it('serves equal scores in arrival order', () => {
    const pick = firstPick(
      [queuePolicy('q')],
      [
        [5, testRequest('first')],
        [5, testRequest('second')],
      ],
    );
    expect(pick).toEqual(['first>ana']);
  });

  it('picks across queues by score at the moment of choosing', () => {
    const a = queuePolicy('a', { agingWeightPerSecond: 1 });
    const b = queuePolicy('b', { agingWeightPerSecond: 3 });
    const pick = firstPick(
      [a, b],
      [
        [0, testRequest('inA', { queueId: 'a' })],
        [20_000, testRequest('inB', { queueId: 'b' })],
      ],
    );
    // At 20 s: a scores 20, b scores 0; b ages three times faster but has not caught up yet.
    expect(pick).toEqual(['inA>ana']);
  });
});

describe('choice among eligible agents', () => {
  it('offers to the agent idle the longest', () => {
    expect(agentPick(queuePolicy('q'), [testAgent('zed'), testAgent('amy')])).toEqual(['x>zed']);
  });

  it('offers to the least occupied agent', () => {
    const q = queuePolicy('q', { selection: 'least_occupied' });
    const pick = agentPick(q, [testAgent('busy'), testAgent('free')], (engine) => {
      engine.handle({
        type: 'interactionArrived',
        at: 100,
        interaction: testRequest('c1', { channel: 'chat' }),
      });
      engine.handle({ type: 'offerAccepted', at: 101, interactionId: 'c1', agentId: 'busy' });
      engine.handle({ type: 'agentNotReady', at: 102, agentId: 'free', reason: 'x' });
      engine.handle({ type: 'agentReady', at: 103, agentId: 'free' });
    });
    // `free` became ready last (shortest idle) but holds nothing: least occupied wins.
    expect(pick).toEqual(['x>free']);
  });

  it('keeps the least-occupied order as loads change', () => {
    const q = queuePolicy('q', { selection: 'least_occupied' });
    const engine = createEngine(testConfig([q]));
    const chat = (id: string, at: number) =>
      engine.handle({ type: 'interactionArrived', at, interaction: testRequest(id, { channel: 'chat' }) });
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'agentLoggedIn', at: 1, agent: testAgent('bo') });
    expect(offered([...chat('c1', 2), ...chat('c2', 3), ...chat('c3', 4)])).toEqual([
      'c1>ana',
      'c2>bo',
      'c3>ana',
    ]);
    for (const id of ['c1', 'c2', 'c3']) {
      const agentId = id === 'c2' ? 'bo' : 'ana';
      engine.handle({ type: 'offerAccepted', at: 5, interactionId: id, agentId });
    }
    engine.handle({ type: 'interactionEnded', at: 6, interactionId: 'c1' });
    engine.handle({ type: 'interactionEnded', at: 7, interactionId: 'c3' });
    // Ana now holds nothing, Bo one chat.
    expect(offered(chat('c4', 8))).toEqual(['c4>ana']);
  });

  it('puts an agent who just finished behind those idle longer', () => {
    const engine = createEngine(testConfig([queuePolicy('q')]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    engine.handle({ type: 'offerAccepted', at: 2, interactionId: 'c1', agentId: 'ana' });
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('bo') });
    engine.handle({ type: 'interactionEnded', at: 4, interactionId: 'c1' });
    const ds = engine.handle({ type: 'interactionArrived', at: 5, interaction: testRequest('c2') });
    expect(offered(ds)).toEqual(['c2>bo']);
  });

  it('offers to the most proficient agent, then the longest idle among equals', () => {
    const q = queuePolicy('q', {
      selection: 'highest_proficiency',
      requirements: [{ skill: 'es', minProficiency: 1 }],
    });
    const agents = [
      testAgent('three', { skills: { es: 3 } }),
      testAgent('fiveIdleLonger', { skills: { es: 5 } }),
      testAgent('fiveIdleLess', { skills: { es: 5 } }),
    ];
    expect(agentPick(q, agents)).toEqual(['x>fiveIdleLonger']);
  });

  it('prefers an agent who speaks the customer language over one idle longer', () => {
    const q = queuePolicy('q', { language: 'prefer' });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('en', { languages: ['en'] }) });
    engine.handle({ type: 'agentLoggedIn', at: 1, agent: testAgent('es', { languages: ['es'] }) });
    const ds = engine.handle({
      type: 'interactionArrived',
      at: 2,
      interaction: testRequest('c', { language: 'es' }),
    });
    expect(offered(ds)).toEqual(['c>es']);
  });

  it('still offers to an agent without the language when the queue only prefers it', () => {
    const q = queuePolicy('q', { language: 'prefer' });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('en', { languages: ['en'] }) });
    const ds = engine.handle({
      type: 'interactionArrived',
      at: 2,
      interaction: testRequest('c', { language: 'es' }),
    });
    expect(offered(ds)).toEqual(['c>en']);
  });

  it('waits for a speaker when the queue requires the language', () => {
    const q = queuePolicy('q', { language: 'require' });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('en', { languages: ['en'] }) });
    expect(
      engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c', { language: 'es' }) }),
    ).toEqual([]);
    const ds = engine.handle({
      type: 'agentLoggedIn',
      at: 2,
      agent: testAgent('es', { languages: ['es', 'en'] }),
    });
    expect(offered(ds)).toEqual(['c>es']);
  });

  it('offers only to members of the queue teams', () => {
    const q = queuePolicy('q', { teams: ['north'] });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('south', { teams: ['south'] }) });
    engine.handle({ type: 'agentLoggedIn', at: 1, agent: testAgent('north', { teams: ['north'] }) });
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('c') })),
    ).toEqual(['c>north']);
  });
});
