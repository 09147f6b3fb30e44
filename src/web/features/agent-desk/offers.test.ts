import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../api/types.ts';
import type { Offer } from './api.ts';
import { offersAfter } from './offers.ts';

const event = (type: string, subjectId: string, payload: Record<string, unknown>): DomainEvent => ({
  type,
  at: '2026-12-07T10:00:00.000Z',
  subject: 'interaction',
  subjectId,
  payload,
});
const offer = { expiresAt: '2026-12-07T10:00:20.000Z', channel: 'chat', subject: 'Hola', customerId: null };
const shown = (id: string): Offer => ({ interactionId: id, ...offer });

describe('the offers a desk shows', () => {
  it('takes an offer told with the interaction moving to offered, or on its own', () => {
    const moved = event('interaction.offered', 'i1', {
      from: 'queued',
      offer: { ...offer, agentIds: ['me', 'b'] },
    });
    expect(offersAfter([], moved, 'me')).toEqual({ offers: [shown('i1')], revoked: null });
    const alone = event('routing.offered', 'i2', { interactionId: 'i2', ...offer, agentIds: ['me'] });
    expect(offersAfter([shown('i1')], alone, 'me').offers).toEqual([shown('i1'), shown('i2')]);
    // Told again (after a rebuild): shown once.
    expect(offersAfter([shown('i1')], moved, 'me').offers).toEqual([shown('i1')]);
  });

  it("ignores another agent's offer", () => {
    const other = event('interaction.offered', 'i1', { offer: { ...offer, agentIds: ['b'] } });
    expect(offersAfter([], other, 'me')).toEqual({ offers: [], revoked: null });
  });

  it('drops an offer withdrawn from this agent, with the reason', () => {
    const taken = event('interaction.active', 'i1', {
      agentId: 'b',
      revoked: [{ agentId: 'me', reason: 'taken' }],
    });
    expect(offersAfter([shown('i1'), shown('i2')], taken, 'me')).toEqual({
      offers: [shown('i2')],
      revoked: 'taken',
    });
    const expired = event('routing.offer_revoked', 'i1', {
      interactionId: 'i1',
      agentId: 'me',
      reason: 'expired',
    });
    expect(offersAfter([shown('i1')], expired, 'me')).toEqual({ offers: [], revoked: 'expired' });
  });

  it('keeps an offer withdrawn from another agent only, and drops one whose interaction moved on', () => {
    const otherRevoked = event('routing.offer_revoked', 'i1', { agentId: 'b', reason: 'expired' });
    expect(offersAfter([shown('i1')], otherRevoked, 'me').offers).toEqual([shown('i1')]);
    const closed = event('interaction.closed', 'i1', { from: 'wrap_up' });
    expect(offersAfter([shown('i1')], closed, 'me')).toEqual({ offers: [], revoked: null });
  });

  it('tells no reason when nothing shown was withdrawn', () => {
    const abandoned = event('interaction.abandoned', 'i9', {
      revoked: [{ agentId: 'me', reason: 'abandoned' }],
    });
    expect(offersAfter([shown('i1')], abandoned, 'me')).toEqual({ offers: [shown('i1')], revoked: null });
    const chat = event('chat.message', 'i1', { body: 'hola' });
    expect(offersAfter([shown('i1')], chat, 'me').offers).toEqual([shown('i1')]);
  });
});
