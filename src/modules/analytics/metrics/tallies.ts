/**
 * The interval tallies read model, pure: contacts' tallies summed per 15-minute interval (UTC start) ×
 * queue × channel. When the projector changes a contact it adds the difference between the contact's
 * new tally and its old one, so the stored sums always equal the sum of `contactTally` over the
 * contacts, however events are batched.
 */
import type { Contact } from './contacts.ts';
import { contactTally, DEFAULT_OPTIONS, emptyTally, TALLY_KEYS, type Tally } from './measures.ts';

export const TALLY_INTERVAL_MS = 15 * 60_000;

/** Tally keys that contacts contribute (agent time lives elsewhere). */
export const CONTACT_TALLY_KEYS = TALLY_KEYS.filter(
  (k) => !['availableMs', 'busyMs', 'afterWorkMs', 'notReadyMs'].includes(k),
);

export interface TallyDelta {
  intervalStart: number;
  queueId: string;
  channel: string;
  tally: Tally;
}

const keyOf = (c: Contact) =>
  `${Math.floor(c.arrivedAt! / TALLY_INTERVAL_MS) * TALLY_INTERVAL_MS}\u0000${c.queueId ?? ''}\u0000${c.channel ?? ''}`;

/**
 * What a batch of contact changes adds to each interval tally (rows whose every sum is 0 left out).
 * @example tallyDeltas([[null, contact]]) // [{ intervalStart, queueId, channel, tally: { offered: 1, … } }]
 */
export function tallyDeltas(changes: Iterable<[before: Contact | null, after: Contact]>): TallyDelta[] {
  const out = new Map<string, Tally>();
  const add = (c: Contact | null, sign: 1 | -1) => {
    if (!c || c.arrivedAt === null) return;
    const key = keyOf(c);
    const t = out.get(key) ?? emptyTally();
    const d = contactTally(c, DEFAULT_OPTIONS);
    for (const k of CONTACT_TALLY_KEYS) t[k] += sign * d[k];
    out.set(key, t);
  };
  for (const [before, after] of changes) {
    add(before, -1);
    add(after, 1);
  }
  const deltas: TallyDelta[] = [];
  for (const [key, tally] of out) {
    if (CONTACT_TALLY_KEYS.every((k) => tally[k] === 0)) continue;
    const [start, queueId, channel] = key.split('\u0000') as [string, string, string];
    deltas.push({ intervalStart: Number(start), queueId, channel, tally });
  }
  return deltas;
}
