import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { RoutingDecision } from './types.ts';

const offered = (ds: RoutingDecision[]) =>
  ds.flatMap((d) => (d.type === 'offer' ? [`${d.interactionId}>${d.agentIds.join('+')}`] : []));

function oneAgent(queue = queuePolicy('q'), agent = testAgent('ana'), overrides = {}) {
  const engine = createEngine(testConfig([queue], overrides));
  engine.handle({ type: 'agentLoggedIn', at: 0, agent });
  return engine;
}

describe('capacity in units, per channel', () => {
  it('gives an agent one call at a time, counting the call that rings', () => {
    const engine = oneAgent();
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') })),
    ).toEqual(['c1>ana']);
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('c2') })),
    ).toEqual([]);
  });

  it('fits two chats of 34 units in 100, not a third', () => {
    const engine = oneAgent();
    const chats = ['h1', 'h2', 'h3'].flatMap((id, n) =>
      offered(
        engine.handle({
          type: 'interactionArrived',
          at: n,
          interaction: testRequest(id, { channel: 'chat' }),
        }),
      ),
    );
    expect(chats).toEqual(['h1>ana', 'h2>ana']);
  });

  it('stops at the chat cap of three when the units would allow more', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana', { capacity: 200 }));
    const chats = ['h1', 'h2', 'h3', 'h4'].flatMap((id, n) =>
      offered(
        engine.handle({
          type: 'interactionArrived',
          at: n,
          interaction: testRequest(id, { channel: 'chat' }),
        }),
      ),
    );
    expect(chats).toEqual(['h1>ana', 'h2>ana', 'h3>ana']);
  });

  it('respects the per-channel cap even with units left', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana', { channels: { email: 2 } }));
    const mails = ['m1', 'm2', 'm3'].flatMap((id, n) =>
      offered(
        engine.handle({
          type: 'interactionArrived',
          at: n,
          interaction: testRequest(id, { channel: 'email' }),
        }),
      ),
    );
    expect(mails).toEqual(['m1>ana', 'm2>ana']);
  });

  it('mixes channels within the units: two chats leave room for one e-mail but not a call', () => {
    const engine = oneAgent();
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('h1', { channel: 'chat' }) });
    engine.handle({ type: 'interactionArrived', at: 2, interaction: testRequest('h2', { channel: 'chat' }) });
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 3, interaction: testRequest('v') })),
    ).toEqual([]);
    const mail = engine.handle({
      type: 'interactionArrived',
      at: 4,
      interaction: testRequest('m', { channel: 'email' }),
    });
    expect(offered(mail)).toEqual(['m>ana']);
  });

  it('does not route a channel the agent does not take', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana', { channels: { chat: 3 } }));
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('v') })),
    ).toEqual([]);
  });
});

describe('agent states and wrap-up', () => {
  it('moves an agent from available to busy to wrap-up and back', () => {
    const engine = oneAgent(queuePolicy('q', { wrapUpSeconds: 30 }));
    expect(engine.agentStatus('ana')).toBe('available');
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c1') });
    engine.handle({ type: 'offerAccepted', at: 2, interactionId: 'c1', agentId: 'ana' });
    expect(engine.agentStatus('ana')).toBe('busy');
    engine.handle({ type: 'interactionEnded', at: 3, interactionId: 'c1' });
    expect(engine.agentStatus('ana')).toBe('wrap_up');
    engine.handle({ type: 'wrapUpDone', at: 4, interactionId: 'c1' });
    expect(engine.agentStatus('ana')).toBe('available');
    expect(engine.agentStatus('nobody')).toBe('offline');
  });

  it('holds the capacity during wrap-up and frees it at the time limit', () => {
    const engine = oneAgent(queuePolicy('q', { wrapUpSeconds: 30 }));
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c1') });
    engine.handle({ type: 'offerAccepted', at: 1, interactionId: 'c1', agentId: 'ana' });
    engine.handle({ type: 'interactionEnded', at: 10_000, interactionId: 'c1' });
    expect(
      offered(engine.handle({ type: 'interactionArrived', at: 10_001, interaction: testRequest('c2') })),
    ).toEqual([]);
    expect(engine.handle({ type: 'tick', at: 40_000 })).toEqual([
      { type: 'wrapUpEnded', interactionId: 'c1', agentId: 'ana' },
      { type: 'offer', interactionId: 'c2', agentIds: ['ana'], expiresAt: 60_000 },
      { type: 'agentStatusChanged', agentId: 'ana', status: 'available', reason: 'ready' },
    ]);
  });

  it('sets a disconnected desk not-ready after the grace period', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana'), { presenceGraceSeconds: 30 });
    engine.handle({ type: 'agentConnection', at: 1000, agentId: 'ana', connected: false });
    expect(engine.handle({ type: 'tick', at: 31_000 })).toEqual([
      { type: 'agentStatusChanged', agentId: 'ana', status: 'not_ready', reason: 'disconnected' },
    ]);
  });

  it('keeps a desk that reconnects within the grace period ready', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana'), { presenceGraceSeconds: 30 });
    engine.handle({ type: 'agentConnection', at: 1000, agentId: 'ana', connected: false });
    engine.handle({ type: 'agentConnection', at: 5000, agentId: 'ana', connected: true });
    expect(engine.handle({ type: 'tick', at: 60_000 })).toEqual([]);
    expect(engine.agentStatus('ana')).toBe('available');
  });

  it('requeues active work and withdraws offers when an agent logs out', () => {
    const engine = oneAgent();
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('h1', { channel: 'chat' }) });
    engine.handle({ type: 'offerAccepted', at: 2, interactionId: 'h1', agentId: 'ana' });
    engine.handle({ type: 'interactionArrived', at: 3, interaction: testRequest('h2', { channel: 'chat' }) });
    expect(engine.handle({ type: 'agentLoggedOut', at: 4, agentId: 'ana' })).toEqual([
      { type: 'offerRevoked', interactionId: 'h2', agentId: 'ana', reason: 'agentUnavailable' },
      { type: 'requeued', interactionId: 'h2', queueId: 'q', reason: 'agentUnavailable' },
      { type: 'requeued', interactionId: 'h1', queueId: 'q', reason: 'agentUnavailable' },
      { type: 'agentStatusChanged', agentId: 'ana', status: 'offline', reason: 'logged_out' },
    ]);
    expect(engine.queueStats('q')).toEqual({
      queueId: 'q',
      waiting: 2,
      offered: 0,
      oldestArrivedAt: 1,
      open: true,
    });
  });

  it('re-evaluates eligibility when an agent profile changes', () => {
    const q = queuePolicy('q', { requirements: [{ skill: 'loans', minProficiency: 3 }] });
    const engine = oneAgent(q, testAgent('ana'));
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
    const ds = engine.handle({
      type: 'agentProfileChanged',
      at: 2,
      agent: testAgent('ana', { skills: { loans: 3 } }),
    });
    expect(offered(ds)).toEqual(['c>ana']);
  });

  it('applies a per-channel cap changed by a profile change, and keeps it in a rebuilt engine', () => {
    const engine = oneAgent(queuePolicy('q'), testAgent('ana', { channels: { chat: 1 } }));
    const chat = (id: string, at: number) =>
      offered(
        engine.handle({ type: 'interactionArrived', at, interaction: testRequest(id, { channel: 'chat' }) }),
      );
    expect(chat('c1', 1)).toEqual(['c1>ana']);
    expect(chat('c2', 2)).toEqual([]);
    // A second chat allowed: the waiting one is offered at once.
    const ds = engine.handle({
      type: 'agentProfileChanged',
      at: 3,
      agent: testAgent('ana', { channels: { chat: 2 } }),
    });
    expect(offered(ds)).toEqual(['c2>ana']);
    const rebuilt = createEngine(testConfig(), engine.snapshot());
    const arrival = {
      type: 'interactionArrived',
      at: 4,
      interaction: testRequest('c3', { channel: 'chat' }),
    } as const;
    // Two chats held and a cap of two: neither engine offers a third.
    expect(offered(rebuilt.handle(arrival))).toEqual([]);
    expect(offered(engine.handle(arrival))).toEqual([]);
    expect(offered(rebuilt.handle({ type: 'interactionAbandoned', at: 5, interactionId: 'c1' }))).toEqual([
      'c3>ana',
    ]);
  });
});
