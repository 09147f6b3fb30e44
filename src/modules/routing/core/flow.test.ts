import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { queuePolicy } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';
import type { QueuePolicy, RoutingDecision } from './types.ts';

const offered = (ds: RoutingDecision[]) =>
  ds.flatMap((d) => (d.type === 'offer' ? [`${d.interactionId}>${d.agentIds.join('+')}`] : []));

function serving(queues: QueuePolicy[] = [queuePolicy('q'), queuePolicy('other')]) {
  const engine = createEngine(testConfig(queues));
  engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
  engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
  engine.handle({ type: 'offerAccepted', at: 2, interactionId: 'c', agentId: 'ana' });
  return engine;
}

describe('transfer, requeue and abandon', () => {
  it('transfers to a queue and offers to someone other than the transferring agent', () => {
    const engine = serving();
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('bob') });
    const ds = engine.handle({
      type: 'interactionTransferred',
      at: 4,
      interactionId: 'c',
      toQueueId: 'other',
    });
    expect(ds).toEqual([
      { type: 'requeued', interactionId: 'c', queueId: 'other', reason: 'transferred' },
      { type: 'offer', interactionId: 'c', agentIds: ['bob'], expiresAt: 20_004 },
      { type: 'agentStatusChanged', agentId: 'ana', status: 'available', reason: 'ready' },
    ]);
    expect(engine.snapshot().interactions[0]).toMatchObject({
      queueId: 'other',
      arrivedAt: 4,
      enteredQueueAt: 4,
    });
  });

  it('transfers to a named agent, who has it alone for the transfer window', () => {
    const engine = serving();
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('bob') });
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('cy'), ready: false });
    const ds = engine.handle({ type: 'interactionTransferred', at: 4, interactionId: 'c', toAgentId: 'cy' });
    expect(offered(ds)).toEqual([]);
    expect(offered(engine.handle({ type: 'agentReady', at: 5, agentId: 'cy' }))).toEqual(['c>cy']);
  });

  it('hands a transfer to anyone once the named agent has not come within the window', () => {
    const engine = serving();
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('bob') });
    engine.handle({ type: 'agentLoggedIn', at: 3, agent: testAgent('cy'), ready: false });
    engine.handle({ type: 'interactionTransferred', at: 4, interactionId: 'c', toAgentId: 'cy' });
    expect(offered(engine.handle({ type: 'tick', at: 60_004 }))).toEqual(['c>bob']);
  });

  it('requeues at the agent request, keeping the age, and not back to that agent', () => {
    const engine = serving();
    const ds = engine.handle({ type: 'interactionRequeued', at: 10, interactionId: 'c' });
    expect(ds).toEqual([
      { type: 'requeued', interactionId: 'c', queueId: 'q', reason: 'requested' },
      { type: 'agentStatusChanged', agentId: 'ana', status: 'available', reason: 'ready' },
    ]);
    expect(engine.snapshot().interactions[0]).toMatchObject({ arrivedAt: 1, excludedAgentIds: ['ana'] });
  });

  it('forgets an interaction abandoned while waiting', () => {
    const engine = createEngine(testConfig());
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
    expect(engine.handle({ type: 'interactionAbandoned', at: 2, interactionId: 'c' })).toEqual([]);
    expect(engine.snapshot().interactions).toEqual([]);
  });

  it('revokes the offer of an interaction abandoned while ringing', () => {
    const engine = createEngine(testConfig());
    engine.handle({ type: 'agentLoggedIn', at: 0, agent: testAgent('ana') });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
    expect(engine.handle({ type: 'interactionAbandoned', at: 2, interactionId: 'c' })).toEqual([
      { type: 'offerRevoked', interactionId: 'c', agentId: 'ana', reason: 'abandoned' },
    ]);
    expect(engine.agentStatus('ana')).toBe('available');
  });
});

describe('overflow and after hours', () => {
  const overflowing = queuePolicy('q', {
    overflow: { afterSeconds: 60, action: { kind: 'queue', queueId: 'backup' } },
  });
  const backup = queuePolicy('backup');

  it('overflows to another queue after the maximum wait, keeping the age', () => {
    const engine = createEngine(testConfig([overflowing, backup]));
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c') });
    expect(engine.handle({ type: 'tick', at: 60_000 })).toEqual([
      { type: 'overflowed', interactionId: 'c', fromQueueId: 'q', toQueueId: 'backup', reason: 'maxWait' },
    ]);
    expect(engine.snapshot().interactions[0]).toMatchObject({
      queueId: 'backup',
      arrivedAt: 0,
      enteredQueueAt: 60_000,
    });
  });

  it('redirects out of routing when the overflow action is a message', () => {
    const q = queuePolicy('q', { overflow: { afterSeconds: 60, action: { kind: 'message' } } });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'interactionArrived', at: 0, interaction: testRequest('c') });
    expect(engine.handle({ type: 'tick', at: 60_000 })).toEqual([
      { type: 'redirected', interactionId: 'c', queueId: 'q', reason: 'maxWait' },
    ]);
    expect(engine.snapshot().interactions).toEqual([]);
  });

  it('applies the after-hours action to arrivals while the queue is closed', () => {
    const q = queuePolicy('q', { afterHours: { kind: 'queue', queueId: 'backup' } });
    const engine = createEngine(testConfig([q, backup]));
    engine.handle({ type: 'queueHours', at: 0, queueId: 'q', open: false });
    expect(engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') })).toEqual([
      { type: 'overflowed', interactionId: 'c', fromQueueId: 'q', toQueueId: 'backup', reason: 'afterHours' },
    ]);
    engine.handle({ type: 'queueHours', at: 2, queueId: 'q', open: true });
    expect(engine.handle({ type: 'interactionArrived', at: 3, interaction: testRequest('d') })).toEqual([]);
  });

  it('tells whether a queue is open as its statistics do, and null for a queue it does not have', () => {
    const engine = createEngine(testConfig([queuePolicy('q')]));
    expect(engine.queueOpen('q')).toBe(true);
    engine.handle({ type: 'queueHours', at: 0, queueId: 'q', open: false });
    expect(engine.queueOpen('q')).toBe(false);
    expect(engine.queueStats('q')?.open).toBe(false);
    expect(engine.queueOpen('nope')).toBeNull();
  });

  it('applies the after-hours action to those still waiting when the queue closes', () => {
    const q = queuePolicy('q', { afterHours: { kind: 'message' } });
    const engine = createEngine(testConfig([q]));
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
    expect(engine.handle({ type: 'queueHours', at: 2, queueId: 'q', open: false })).toEqual([
      { type: 'redirected', interactionId: 'c', queueId: 'q', reason: 'afterHours' },
    ]);
  });

  it('keeps interactions waiting after hours when the action is keep', () => {
    const engine = createEngine(testConfig([queuePolicy('q')]));
    engine.handle({ type: 'queueHours', at: 0, queueId: 'q', open: false });
    engine.handle({ type: 'interactionArrived', at: 1, interaction: testRequest('c') });
    expect(engine.queueStats('q')?.waiting).toBe(1);
  });
});

describe('refused events', () => {
  it('refuses an unknown queue, an unknown channel and a repeated interaction id', () => {
    const engine = createEngine(testConfig());
    const arrive = (id: string, queueId: string, channel: string) =>
      engine.handle({
        type: 'interactionArrived',
        at: 0,
        interaction: testRequest(id, { queueId, channel }),
      });
    expect(arrive('a', 'nope', 'voice')).toMatchObject([
      { type: 'eventRejected', code: 'routing.unknown_queue' },
    ]);
    expect(arrive('a', 'q', 'fax')).toMatchObject([
      { type: 'eventRejected', code: 'routing.unknown_channel' },
    ]);
    arrive('a', 'q', 'voice');
    expect(arrive('a', 'q', 'voice')).toMatchObject([
      { type: 'eventRejected', code: 'routing.duplicate_interaction' },
    ]);
  });

  it('refuses events for agents who are not logged in', () => {
    const engine = createEngine(testConfig());
    expect(engine.handle({ type: 'agentReady', at: 0, agentId: 'ghost' })).toEqual([
      { type: 'eventRejected', event: 'agentReady', code: 'routing.unknown_agent', id: 'ghost' },
    ]);
  });

  it('refuses a configuration that names an unknown queue', () => {
    const q = queuePolicy('q', {
      overflow: { afterSeconds: 5, action: { kind: 'queue', queueId: 'nowhere' } },
    });
    expect(() => createEngine(testConfig([q]))).toThrow('unknown queue nowhere');
  });

  it('treats an event stamped in the past as happening now', () => {
    const engine = createEngine(testConfig());
    engine.handle({ type: 'tick', at: 5000 });
    engine.handle({ type: 'interactionArrived', at: 10, interaction: testRequest('c') });
    expect(engine.snapshot().interactions[0]?.arrivedAt).toBe(5000);
  });
});
