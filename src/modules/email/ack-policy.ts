/**
 * Whether to send an automatic acknowledgement, pure. Never to automated mail (RFC 3834), at most
 * `perSender` acknowledgements to one address per window, and none at all to an address that has
 * sent `loopThreshold` messages within the window: two autoresponders that ignore RFC 3834 would
 * otherwise answer each other for ever.
 */
export interface AckFacts {
  enabled: boolean;
  automated: boolean;
  /** The sender is one of this installation's own mailboxes. */
  fromOwnMailbox: boolean;
  /** Acknowledgements already sent to this sender within the window. */
  acksToSender: number;
  /** Messages received from this sender within the window, this one included. */
  messagesFromSender: number;
}

export interface AckLimits {
  perSender: number;
  loopThreshold: number;
  windowMinutes: number;
}

export const DEFAULT_ACK_LIMITS: AckLimits = { perSender: 3, loopThreshold: 10, windowMinutes: 60 };

export type AckDecision =
  | { send: true }
  | { send: false; reason: 'disabled' | 'automated' | 'own_mailbox' | 'rate_limited' | 'loop' };

/**
 * @example decideAck({ enabled: true, automated: false, fromOwnMailbox: false, acksToSender: 0, messagesFromSender: 1 }) // { send: true }
 */
export function decideAck(facts: AckFacts, limits: AckLimits = DEFAULT_ACK_LIMITS): AckDecision {
  if (!facts.enabled) return { send: false, reason: 'disabled' };
  if (facts.automated) return { send: false, reason: 'automated' };
  if (facts.fromOwnMailbox) return { send: false, reason: 'own_mailbox' };
  if (facts.messagesFromSender >= limits.loopThreshold) return { send: false, reason: 'loop' };
  if (facts.acksToSender >= limits.perSender) return { send: false, reason: 'rate_limited' };
  return { send: true };
}
