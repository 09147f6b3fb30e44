import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../platform/events/log.ts';
import type { Interaction, TransitionRequest } from '../interactions/index.ts';
import type { RoutingDecision } from './core/index.ts';
import { emptyPlan, type Plan, planDecisions, tell } from './effects.ts';

const WS = 'w1';
const rows = new Map([
  ['i1', { id: 'i1', channel: 'chat', subject: 'Hola', customerId: 'c1', queueId: 'q1' } as Interaction],
]);
const expiresAt = Date.parse('2026-12-07T10:00:20.000Z');
const offer = (agentIds: string[]): RoutingDecision => ({
  type: 'offer',
  interactionId: 'i1',
  agentIds,
  expiresAt,
});
const revoked = (agentId: string, reason: 'taken' | 'abandoned' | 'expired'): RoutingDecision => ({
  type: 'offerRevoked',
  interactionId: 'i1',
  agentId,
  reason,
});

/** The transitions of a plan made as `planTransitions` would, except those named in `skipped`. */
function made(plan: Plan, skipped: TransitionRequest[] = []) {
  const events = new Map<TransitionRequest, NewEvent>();
  for (const t of plan.transitions) {
    if (skipped.includes(t)) continue;
    events.set(t, {
      workspaceId: WS,
      type: `interaction.${t.to}`,
      subject: 'interaction',
      subjectId: t.id,
      topics: [`interaction:${t.id}`, 'queue:q1'],
      payload: { from: 'queued', queueId: 'q1' },
    });
  }
  return events;
}

const told = (plan: Plan, skipped: TransitionRequest[] = []) => {
  const events = made(plan, skipped);
  return tell(WS, plan, [...events.values()], events, rows);
};

describe('offers told with the transitions that make them', () => {
  it('tells an offer in the event of the move to offered, to each agent offered', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [offer(['a', 'b'])]);
    const [event, ...rest] = told(plan);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'interaction.offered',
      topics: ['interaction:i1', 'queue:q1', 'user:a', 'user:b'],
      payload: {
        from: 'queued',
        queueId: 'q1',
        offer: {
          agentIds: ['a', 'b'],
          expiresAt: '2026-12-07T10:00:20.000Z',
          channel: 'chat',
          subject: 'Hola',
          customerId: 'c1',
        },
      },
    });
  });

  it('tells an offer on its own when the interaction already was offered', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [offer(['a'])]);
    expect(told(plan, plan.transitions)).toEqual([
      {
        workspaceId: WS,
        type: 'routing.offered',
        subject: 'interaction',
        subjectId: 'i1',
        topics: ['user:a'],
        payload: {
          interactionId: 'i1',
          agentIds: ['a'],
          expiresAt: '2026-12-07T10:00:20.000Z',
          channel: 'chat',
          subject: 'Hola',
          customerId: 'c1',
          queueId: 'q1',
        },
      },
    ]);
  });

  it("tells the offered agents an abandon in the abandon's own event", () => {
    const plan = emptyPlan();
    const from = plan.transitions.length;
    plan.transitions.push({ id: 'i1', to: 'abandoned' });
    planDecisions(plan, WS, [revoked('a', 'abandoned'), revoked('b', 'abandoned')], from);
    const events = told(plan);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'interaction.abandoned',
      topics: ['interaction:i1', 'queue:q1', 'user:a', 'user:b'],
      payload: {
        revoked: [
          { agentId: 'a', reason: 'abandoned' },
          { agentId: 'b', reason: 'abandoned' },
        ],
      },
    });
  });

  it('tells a revoke with the move that follows it for the same interaction, not an earlier one', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [offer(['a'])]);
    // A later event of the group: the offer expires, the interaction waits again and goes to b.
    planDecisions(plan, WS, [
      revoked('a', 'expired'),
      { type: 'requeued', interactionId: 'i1', queueId: 'q1', reason: 'missed' },
      offer(['b']),
    ]);
    const [first, queued, second] = told(plan);
    expect(first?.topics).toContain('user:a');
    expect(first?.payload).not.toHaveProperty('revoked');
    expect(queued).toMatchObject({
      type: 'interaction.queued',
      topics: ['interaction:i1', 'queue:q1', 'user:a'],
      payload: { revoked: [{ agentId: 'a', reason: 'expired' }] },
    });
    expect(second?.topics).toEqual(['interaction:i1', 'queue:q1', 'user:b']);
  });

  it('tells a revoke on its own when the interaction does not move (another agent still has it)', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [revoked('a', 'expired')]);
    expect(told(plan)).toEqual([
      {
        workspaceId: WS,
        type: 'routing.offer_revoked',
        subject: 'interaction',
        subjectId: 'i1',
        topics: ['user:a'],
        payload: { interactionId: 'i1', agentId: 'a', reason: 'expired' },
      },
    ]);
  });

  it('adds an agent already told of the interaction once', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [offer(['a'])]);
    const events = made(plan);
    for (const e of events.values()) e.topics!.push('user:a');
    const [event] = tell(WS, plan, [...events.values()], events, rows);
    expect(event?.topics).toEqual(['interaction:i1', 'queue:q1', 'user:a']);
  });

  it('leaves the events it was given as they were', () => {
    const plan = emptyPlan();
    planDecisions(plan, WS, [offer(['a'])]);
    const events = made(plan);
    const before = structuredClone([...events.values()]);
    tell(WS, plan, [...events.values()], events, rows);
    expect([...events.values()]).toEqual(before);
  });
});
