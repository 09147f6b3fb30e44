import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, type Contact, emptyContact, type MetricEvent } from './contacts.ts';
import { contactTally, DEFAULT_OPTIONS, emptyTally, type Tally } from './measures.ts';
import { CONTACT_TALLY_KEYS, TALLY_INTERVAL_MS, tallyDeltas } from './tallies.ts';

const DAY = Date.UTC(2026, 0, 5, 5);

/** Event lives of a few interactions, interleaved in log order. */
const logArb = fc
  .array(
    fc.record({
      queue: fc.constantFrom('sales', 'support'),
      channel: fc.constantFrom('voice', 'chat'),
      arrival: fc.integer({ min: 0, max: 7_200_000 }),
      steps: fc.array(
        fc.record({
          type: fc.constantFrom(
            'interaction.queued',
            'interaction.active',
            'interaction.wrap_up',
            'interaction.closed',
            'interaction.abandoned',
            'interaction.transferred',
            'interaction.overflowed',
            'csat.recorded',
          ),
          after: fc.integer({ min: 0, max: 1_200_000 }),
          queue: fc.constantFrom('sales', 'support', 'vip'),
        }),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((lives) => {
    const events: MetricEvent[] = [];
    lives.forEach((l, i) => {
      let at = DAY + l.arrival;
      events.push({
        type: 'interaction.queued',
        subjectId: `c${i}`,
        at,
        payload: { queueId: l.queue, channel: l.channel },
      });
      for (const s of l.steps) {
        at += s.after;
        events.push({ type: s.type, subjectId: `c${i}`, at, payload: { queueId: s.queue, rating: 4 } });
      }
    });
    return events.sort((a, b) => a.at - b.at);
  });

/** Applies the log in batches, keeping tallies by the deltas, as the projector does. */
function project(events: MetricEvent[], batch: number) {
  const contacts = new Map<string, Contact>();
  const stored = new Map<string, Tally>();
  for (let i = 0; i < events.length; i += batch) {
    const before = new Map<string, Contact | null>();
    for (const e of events.slice(i, i + batch)) {
      if (!before.has(e.subjectId)) before.set(e.subjectId, contacts.get(e.subjectId) ?? null);
      contacts.set(e.subjectId, applyEvent(contacts.get(e.subjectId) ?? emptyContact(e.subjectId), e));
    }
    const changes = [...before].map(([id, b]) => [b, contacts.get(id)!] as [Contact | null, Contact]);
    for (const d of tallyDeltas(changes)) {
      const key = `${d.intervalStart}|${d.queueId}|${d.channel}`;
      const t = stored.get(key) ?? emptyTally();
      for (const k of CONTACT_TALLY_KEYS) t[k] += d.tally[k];
      stored.set(key, t);
    }
  }
  return { contacts, stored };
}

describe('interval tallies', () => {
  it('a contact counts in the 15-minute interval it arrived in, for its queue and channel', () => {
    const c = applyEvent(emptyContact('a'), {
      type: 'interaction.queued',
      subjectId: 'a',
      at: DAY + 20 * 60_000,
      payload: { queueId: 'sales', channel: 'chat' },
    });
    expect(tallyDeltas([[null, c]])).toEqual([
      {
        intervalStart: DAY + 15 * 60_000,
        queueId: 'sales',
        channel: 'chat',
        tally: expect.objectContaining({ offered: 1 }),
      },
    ]);
    // No change, no delta.
    expect(tallyDeltas([[c, c]])).toEqual([]);
  });

  it('property: in any batching, the stored tallies equal the contacts’ tallies summed by interval', () => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: 1, max: 10 }), (events, batch) => {
        const { contacts, stored } = project(events, batch);
        const expected = new Map<string, Tally>();
        for (const c of contacts.values()) {
          if (c.arrivedAt === null) continue;
          const start = Math.floor(c.arrivedAt / TALLY_INTERVAL_MS) * TALLY_INTERVAL_MS;
          const key = `${start}|${c.queueId ?? ''}|${c.channel ?? ''}`;
          const t = expected.get(key) ?? emptyTally();
          const d = contactTally(c, DEFAULT_OPTIONS);
          for (const k of CONTACT_TALLY_KEYS) t[k] += d[k];
          expected.set(key, t);
        }
        const nonZero = (m: Map<string, Tally>) =>
          new Map([...m].filter(([, t]) => CONTACT_TALLY_KEYS.some((k) => t[k] !== 0)));
        expect(nonZero(stored)).toEqual(nonZero(expected));
      }),
    );
  });
});
