import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Contact, emptyContact, foldContacts, type MetricEvent } from './contacts.ts';
import {
  addTally,
  contactTally,
  DEFAULT_OPTIONS,
  emptyTally,
  figures,
  firstContactResolution,
  type Tally,
  tallyBy,
} from './measures.ts';
import { periodOf } from './periods.ts';

const DAY = Date.UTC(2026, 0, 5, 5); // midnight in Bogotá
const TZ = 'America/Bogota';

/** A random contact's life as events: it arrives, then is answered, abandoned or left waiting. */
const lifeArb = fc.record({
  queue: fc.constantFrom('sales', 'support', 'billing'),
  agent: fc.constantFrom('ana', 'luis', 'eva', 'tom'),
  channel: fc.constantFrom('voice', 'chat', 'email'),
  arrival: fc.integer({ min: 0, max: 86_399_000 }),
  outcome: fc.constantFrom('answered', 'abandoned', 'waiting'),
  wait: fc.integer({ min: 0, max: 600_000 }),
  talk: fc.integer({ min: 1000, max: 1_800_000 }),
  wrap: fc.integer({ min: 0, max: 300_000 }),
  transfers: fc.integer({ min: 0, max: 2 }),
  csat: fc.option(fc.integer({ min: 1, max: 5 })),
});

type Life = typeof lifeArb extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(id: string, l: Life): MetricEvent[] {
  const at = DAY + l.arrival;
  const out: MetricEvent[] = [
    { type: 'interaction.queued', subjectId: id, at, payload: { channel: l.channel, queueId: l.queue } },
  ];
  if (l.outcome === 'abandoned')
    out.push({
      type: 'interaction.abandoned',
      subjectId: id,
      at: at + l.wait,
      payload: { queueId: l.queue },
    });
  if (l.outcome === 'answered') {
    const answered = at + l.wait;
    out.push({ type: 'interaction.active', subjectId: id, at: answered, payload: { agentId: l.agent } });
    for (let i = 0; i < l.transfers; i++)
      out.push({ type: 'interaction.transferred', subjectId: id, at: answered + 1, payload: {} });
    out.push({ type: 'interaction.wrap_up', subjectId: id, at: answered + l.talk, payload: {} });
    out.push({ type: 'interaction.closed', subjectId: id, at: answered + l.talk + l.wrap, payload: {} });
    if (l.csat !== null)
      out.push({
        type: 'csat.recorded',
        subjectId: id,
        at: answered + l.talk + l.wrap,
        payload: { rating: l.csat },
      });
  }
  return out;
}

const contactsArb = fc
  .array(lifeArb, { maxLength: 120 })
  .map((lives) => foldContacts(lives.flatMap((l, i) => eventsOf(`c${i}`, l))));

const sum = (groups: Map<string, Tally>) => [...groups.values()].reduce(addTally, emptyTally());

describe('metric definitions', () => {
  it('totals by agent add up to totals by queue', () => {
    fc.assert(
      fc.property(contactsArb, (contacts) => {
        const byAgent = sum(tallyBy(contacts, (c) => c.agentId ?? '', DEFAULT_OPTIONS));
        const byQueue = sum(tallyBy(contacts, (c) => c.queueId ?? '', DEFAULT_OPTIONS));
        const byChannel = sum(tallyBy(contacts, (c) => c.channel ?? '', DEFAULT_OPTIONS));
        expect(byAgent).toEqual(byQueue);
        expect(byChannel).toEqual(byQueue);
      }),
    );
  });

  it('any interval split gives the same daily totals', () => {
    fc.assert(
      fc.property(contactsArb, fc.constantFrom(15, 30, 60, 120, 360, 1440), (contacts, minutes) => {
        const key = (c: Contact) => periodOf(c.arrivedAt!, 'interval', TZ, minutes);
        const byInterval = tallyBy(contacts, key, DEFAULT_OPTIONS);
        const byDay = tallyBy(contacts, (c) => periodOf(c.arrivedAt!, 'day', TZ), DEFAULT_OPTIONS);
        expect([...byDay.keys()]).toEqual(contacts.length ? ['2026-01-05'] : []);
        expect(sum(byInterval)).toEqual(sum(byDay));
        for (const k of byInterval.keys()) expect(k.startsWith('2026-01-05T')).toBe(true);
      }),
    );
  });

  it('every answered or abandoned contact was offered, and rates stay between 0 and 1', () => {
    fc.assert(
      fc.property(contactsArb, (contacts) => {
        const f = figures(sum(tallyBy(contacts, () => 'all', DEFAULT_OPTIONS)));
        expect(f.answered + f.abandoned + f.shortAbandoned).toBeLessThanOrEqual(f.offered);
        for (const r of [f.serviceLevel, f.abandonRate, f.csatSatisfied]) {
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
      }),
    );
  });

  it('service level counts answers within the target over offered minus short abandons', () => {
    const c = (id: string, wait: number, outcome: 'active' | 'abandoned'): MetricEvent[] => [
      { type: 'interaction.queued', subjectId: id, at: 0, payload: { queueId: 'q' } },
      { type: `interaction.${outcome}`, subjectId: id, at: wait * 1000, payload: {} },
    ];
    const contacts = foldContacts([
      ...c('a', 10, 'active'),
      ...c('b', 20, 'active'),
      ...c('c', 21, 'active'),
      ...c('d', 3, 'abandoned'),
      ...c('e', 40, 'abandoned'),
    ]);
    const f = figures(sum(tallyBy(contacts, () => 'q', DEFAULT_OPTIONS)));
    expect(f).toMatchObject({ offered: 5, answered: 3, abandoned: 1, shortAbandoned: 1 });
    expect(f.serviceLevel).toBe(2 / 4);
    expect(f.asaSeconds).toBe(17);
    expect(f.abandonRate).toBe(1 / 4);
  });

  it('handle time is talk plus after-contact work, over contacts handled', () => {
    const contacts = foldContacts([
      { type: 'interaction.queued', subjectId: 'a', at: 0, payload: {} },
      { type: 'interaction.active', subjectId: 'a', at: 5000, payload: { agentId: 'ana' } },
      { type: 'interaction.wrap_up', subjectId: 'a', at: 125_000, payload: {} },
      { type: 'interaction.closed', subjectId: 'a', at: 155_000, payload: {} },
    ]);
    const f = figures(contactTally(contacts[0]!, DEFAULT_OPTIONS));
    expect([f.talkSeconds, f.wrapUpSeconds, f.ahtSeconds]).toEqual([120, 30, 150]);
  });

  it('an abandon after an answer is not an abandon', () => {
    const contacts = foldContacts([
      { type: 'interaction.queued', subjectId: 'a', at: 0, payload: {} },
      { type: 'interaction.active', subjectId: 'a', at: 5000, payload: {} },
      { type: 'interaction.abandoned', subjectId: 'a', at: 9000, payload: {} },
    ]);
    expect(figures(contactTally(contacts[0]!, DEFAULT_OPTIONS))).toMatchObject({ answered: 1, abandoned: 0 });
  });

  it('first-contact resolution fails when the customer comes back for the same reason in the window', () => {
    const contact = (id: string, day: number, reason: string): Contact => ({
      ...emptyContact(id),
      customerId: 'cust',
      reason,
      arrivedAt: day * 86_400_000,
      answeredAt: day * 86_400_000 + 1,
      closedAt: day * 86_400_000 + 2,
    });
    const result = firstContactResolution(
      [contact('a', 0, 'card'), contact('b', 3, 'card'), contact('c', 20, 'card'), contact('d', 1, 'loan')],
      7,
    );
    expect(result).toEqual({ eligible: 4, resolved: 3, rate: 0.75 });
  });
});
