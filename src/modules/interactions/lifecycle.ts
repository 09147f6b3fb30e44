/**
 * The interaction state machine, pure. Every channel's contacts share it:
 *
 *   new → queued → offered → active → wrap_up → closed
 *
 * plus `abandoned` (the customer left before being served), `transferred` (on its way to another queue or
 * agent, then queued again), `waiting_on_customer` (asynchronous channels: the agent replied and waits)
 * and `scheduled` (a call-back due at a time).
 */
export const STATES = [
  'new',
  'scheduled',
  'queued',
  'offered',
  'active',
  'waiting_on_customer',
  'transferred',
  'wrap_up',
  'closed',
  'abandoned',
] as const;

export type InteractionState = (typeof STATES)[number];

const NEXT: Record<InteractionState, readonly InteractionState[]> = {
  new: ['queued', 'scheduled', 'active', 'closed', 'abandoned'],
  scheduled: ['queued', 'closed', 'abandoned'],
  queued: ['offered', 'active', 'scheduled', 'transferred', 'closed', 'abandoned'],
  offered: ['queued', 'active', 'transferred', 'abandoned'],
  active: ['wrap_up', 'waiting_on_customer', 'transferred', 'queued', 'closed', 'abandoned'],
  waiting_on_customer: ['queued', 'active', 'closed'],
  transferred: ['queued', 'offered', 'active', 'abandoned'],
  wrap_up: ['closed'],
  closed: [],
  abandoned: [],
};

export const isTerminal = (state: InteractionState): boolean => NEXT[state].length === 0;

/**
 * Whether an interaction may go from one state to another.
 * @example canTransition('queued', 'offered') // true
 * @example canTransition('closed', 'queued')  // false
 */
export const canTransition = (from: InteractionState, to: InteractionState): boolean =>
  NEXT[from].includes(to);

export const CHANNELS = [
  'voice',
  'chat',
  'email',
  'callback',
  'sms',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'webform',
  'task',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Channels where the customer is not waiting on the line: replies can wait for the customer. */
export const isAsynchronous = (channel: Channel): boolean => !['voice', 'chat', 'callback'].includes(channel);
