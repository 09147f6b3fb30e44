/**
 * Contact records folded from the event log, pure. One record per interaction gathers the instants the
 * metrics need (arrival in a queue, answer, end of talk, close, abandonment) from the `interaction.*`
 * events the interactions and routing modules write, and CSAT from `csat.recorded`. The fold is a
 * reducer, so a projector can apply new events to stored records without reading old ones again.
 */

/** The part of an event row the fold reads. `at` in milliseconds. */
export interface MetricEvent {
  type: string;
  subjectId: string;
  at: number;
  payload: Record<string, unknown>;
}

/** What happened to one interaction, as far as the events tell. Times in ms, null when not (yet) seen. */
export interface Contact {
  id: string;
  channel: string | null;
  queueId: string | null;
  /** The agent who answered (the last one, after transfers). */
  agentId: string | null;
  /** First time it entered a queue: the moment it counts as offered. */
  arrivedAt: number | null;
  /** First time an agent took it. */
  answeredAt: number | null;
  /** Talk (or work) ended: wrap-up started, or the contact closed without wrap-up. */
  talkEndedAt: number | null;
  closedAt: number | null;
  /** The customer left before being answered. */
  abandonedAt: number | null;
  /** First reply to the customer on an asynchronous channel. */
  firstReplyAt: number | null;
  transfers: number;
  /** Disposition or contact reason, for first-contact resolution. */
  reason: string | null;
  customerId: string | null;
  csat: number | null;
}

export const emptyContact = (id: string): Contact => ({
  id,
  channel: null,
  queueId: null,
  agentId: null,
  arrivedAt: null,
  answeredAt: null,
  talkEndedAt: null,
  closedAt: null,
  abandonedAt: null,
  firstReplyAt: null,
  transfers: 0,
  reason: null,
  customerId: null,
  csat: null,
});

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The event types the fold reads; the projector selects only these from the log. */
export const CONTACT_EVENT_TYPES = [
  'interaction.created',
  'interaction.queued',
  'interaction.offered',
  'interaction.active',
  'interaction.waiting_on_customer',
  'interaction.wrap_up',
  'interaction.closed',
  'interaction.abandoned',
  'interaction.transferred',
  'interaction.overflowed',
  'csat.recorded',
] as const;

/**
 * Applies one event to a contact and returns the new record (the input is not changed). Events must
 * come in log order for one interaction; events of other types return the record as it was.
 *
 * @example
 * const c = applyEvent(emptyContact(id), { type: 'interaction.queued', subjectId: id, at, payload: { queueId: 'q' } });
 */
export function applyEvent(contact: Contact, e: MetricEvent): Contact {
  const c = { ...contact };
  const p = e.payload;
  c.channel = c.channel ?? text(p.channel);
  c.customerId = c.customerId ?? text(p.customerId);
  switch (e.type) {
    case 'interaction.created':
      break;
    case 'interaction.queued':
      c.queueId = text(p.queueId) ?? c.queueId;
      c.arrivedAt = c.arrivedAt ?? e.at;
      break;
    case 'interaction.offered':
      c.queueId = text(p.queueId) ?? c.queueId;
      break;
    case 'interaction.overflowed':
      c.queueId = text(p.queueId) ?? c.queueId;
      break;
    case 'interaction.active':
      c.queueId = text(p.queueId) ?? c.queueId;
      c.agentId = text(p.agentId) ?? c.agentId;
      // A contact taken straight from `new` (outbound, or picked by hand) counts as offered when taken.
      c.arrivedAt = c.arrivedAt ?? e.at;
      if (c.abandonedAt === null) c.answeredAt = c.answeredAt ?? e.at;
      break;
    case 'interaction.waiting_on_customer':
      c.firstReplyAt = c.firstReplyAt ?? e.at;
      break;
    case 'interaction.wrap_up':
      if (c.answeredAt !== null) c.talkEndedAt = c.talkEndedAt ?? e.at;
      c.reason = text(p.disposition) ?? c.reason;
      break;
    case 'interaction.closed':
      if (c.answeredAt !== null) c.talkEndedAt = c.talkEndedAt ?? e.at;
      c.closedAt = c.closedAt ?? e.at;
      c.reason = text(p.disposition) ?? c.reason;
      break;
    case 'interaction.abandoned':
      if (c.answeredAt === null && c.arrivedAt !== null) c.abandonedAt = c.abandonedAt ?? e.at;
      c.closedAt = c.closedAt ?? e.at;
      break;
    case 'interaction.transferred':
      c.transfers += 1;
      break;
    case 'csat.recorded': {
      const rating = p.rating;
      if (typeof rating === 'number' && rating >= 1 && rating <= 5) c.csat = rating;
      break;
    }
  }
  return c;
}

/**
 * Folds events (in log order) into contacts, one per interaction.
 * @example const contacts = foldContacts(events);
 */
export function foldContacts(events: Iterable<MetricEvent>): Contact[] {
  const byId = new Map<string, Contact>();
  for (const e of events)
    byId.set(e.subjectId, applyEvent(byId.get(e.subjectId) ?? emptyContact(e.subjectId), e));
  return [...byId.values()];
}
