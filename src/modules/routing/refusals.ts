/** How routing's refusals reach a caller: each core rejection code as a 4xx with a message. */
import { AppError } from '../../platform/errors.ts';
import type { RoutingDecision } from './core/index.ts';

const REJECTIONS: Record<string, [number, string]> = {
  'routing.unknown_queue': [400, 'Unknown queue'],
  'routing.unknown_channel': [400, 'This channel is not routed'],
  'routing.unknown_agent': [409, 'The agent is not logged in to routing'],
  'routing.unknown_interaction': [404, 'The interaction is not in routing'],
  'routing.duplicate_interaction': [409, 'The interaction is already in routing'],
  'routing.agent_already_logged_in': [409, 'The agent is already logged in'],
  'routing.offer_not_pending': [409, 'There is no pending offer of this interaction to this agent'],
  'routing.invalid_state': [409, 'The interaction is not in a state that allows this'],
};

export const ACCEPT_REJECTIONS = {
  expired: ['routing.offer_expired', 'The offer has expired'],
  taken: ['routing.offer_taken', 'Another agent took this interaction'],
  notOffered: ['routing.not_offered', 'This interaction was not offered to you'],
} as const;

/** Throws the first refusal among the decisions, as a 4xx for the caller. */
export function refuse(decisions: RoutingDecision[]): void {
  for (const d of decisions) {
    if (d.type === 'eventRejected') {
      const [status, message] = REJECTIONS[d.code] ?? [409, 'Refused by routing'];
      throw new AppError(d.code, status, message);
    }
  }
}
