/**
 * The offers an agent's desk shows, as the events on its own topic change them. An offer comes in the
 * event of its interaction's move to `offered` (under `offer`), or on its own as `routing.offered`; it
 * goes with any later event of that interaction (under `revoked` when it was withdrawn from this agent),
 * or with `routing.offer_revoked`.
 */
import type { DomainEvent } from '../../api/types.ts';
import type { Offer } from './api.ts';

/** Why an offer was withdrawn: another agent took it, the customer left, it expired, the agent left. */
export type RevokeReason = 'taken' | 'abandoned' | 'expired' | 'agentUnavailable';

type OfferPayload = Omit<Offer, 'interactionId'> & { agentIds?: string[] };

/** The offers after `event`, and why one of them was withdrawn from `me`, if it was. Pure. */
export function offersAfter(
  offers: Offer[],
  event: DomainEvent,
  me: string,
): { offers: Offer[]; revoked: RevokeReason | null } {
  const unchanged = { offers, revoked: null };
  const id = event.subjectId;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const moved = event.type.startsWith('interaction.');
  if (!id || !(moved || event.type.startsWith('routing.offer'))) return unchanged;
  const offer = (event.type === 'routing.offered' ? p : moved ? p.offer : undefined) as
    | OfferPayload
    | undefined;
  if (offer?.agentIds?.includes(me)) {
    const { expiresAt, channel, subject, customerId } = offer;
    const next = { interactionId: id, expiresAt, channel, subject, customerId };
    return { offers: [...offers.filter((o) => o.interactionId !== id), next], revoked: null };
  }
  const revokedHere = event.type === 'routing.offer_revoked';
  if (event.type === 'routing.offered' || (revokedHere && p.agentId !== me)) return unchanged;
  if (!offers.some((o) => o.interactionId === id)) return unchanged;
  const reason = revokedHere
    ? (p.reason as RevokeReason)
    : (p.revoked as { agentId: string; reason: RevokeReason }[] | undefined)?.find((r) => r.agentId === me)
        ?.reason;
  return { offers: offers.filter((o) => o.interactionId !== id), revoked: reason ?? null };
}
