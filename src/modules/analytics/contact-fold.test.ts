/**
 * The projector's set-based batch fold (`contact-fold-sql.ts`) against the per-event definitions of
 * `metrics/`: random logs, written in random commits and folded in random batch sizes, must leave the
 * contacts `foldContacts` gives and the tallies `contactTally` sums to, by interval, day and agent.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import { type Database, queryRows } from '../../platform/db/connect.ts';
import { appendEvents } from '../../platform/events/log.ts';
import { foldContacts, type MetricEvent } from './metrics/contacts.ts';
import { contactTally, DEFAULT_OPTIONS, emptyTally, type Tally } from './metrics/measures.ts';
import { CONTACT_TALLY_KEYS, TALLY_INTERVAL_MS } from './metrics/tallies.ts';
import { createProjector } from './projector.ts';
import { TALLY_COLUMNS } from './tally-store.ts';

const DAY = Date.UTC(2026, 0, 5, 23);
const AGENTS = ['0190c2a0-0000-7000-8000-000000000001', '0190c2a0-0000-7000-8000-000000000002'];
const CUSTOMER = '0190c2a0-0000-7000-8000-0000000000c1';

const stepArb = fc.record({
  type: fc.constantFrom(
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
    'interaction.note_added',
  ),
  // Times need not grow in log order.
  after: fc.integer({ min: -120_000, max: 1_200_000 }),
  payload: fc.record(
    {
      queueId: fc.constantFrom('sales', 'support', ''),
      channel: fc.constantFrom('voice', 'chat', ''),
      agentId: fc.constantFrom(...AGENTS, 'not-a-uuid'),
      customerId: fc.constant(CUSTOMER),
      disposition: fc.constantFrom('sale', 'complaint', ''),
      rating: fc.constantFrom(1, 3, 4, 5, 0, 9, '5'),
    },
    { requiredKeys: [] },
  ),
});

/** Contacts' event lives, interleaved in log order, and cut into commits. */
const logArb = fc
  .array(
    fc.record({ start: fc.integer({ min: 0, max: 7_200_000 }), steps: fc.array(stepArb, { maxLength: 7 }) }),
    {
      minLength: 1,
      maxLength: 10,
    },
  )
  .chain((lives) => {
    const events: MetricEvent[] = [];
    lives.forEach((l, i) => {
      let at = DAY + l.start;
      for (const s of l.steps) {
        at += s.after;
        events.push({ type: s.type, subjectId: `c${i}`, at, payload: { ...s.payload } });
      }
    });
    return fc.shuffledSubarray(events, { minLength: events.length }).map((log) => log);
  });

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const ms = (v: unknown) => (v === null ? null : new Date(v as string).getTime());
const uuidOrNull = (v: string | null) =>
  v !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v : null;

/** Sums contact tallies by key, leaving out keys whose every sum is 0. */
function sumBy(list: [string, Tally][]): Record<string, Tally> {
  const out = new Map<string, Tally>();
  for (const [key, t] of list) {
    const sum = out.get(key) ?? emptyTally();
    for (const k of CONTACT_TALLY_KEYS) sum[k] += t[k];
    out.set(key, sum);
  }
  return Object.fromEntries(
    [...out]
      .filter(([, t]) => CONTACT_TALLY_KEYS.some((k) => t[k] !== 0))
      .map(([key, t]) => [key, Object.fromEntries(CONTACT_TALLY_KEYS.map((k) => [k, t[k]]))]),
  ) as unknown as Record<string, Tally>;
}

async function stored(table: string, workspaceId: string, key: string): Promise<Record<string, Tally>> {
  const rows = await queryRows<Record<string, string | number>>(
    database.db,
    sql`select ${sql.raw(key)} as key, * from ${sql.raw(table)} where workspace_id = ${workspaceId}`,
  );
  return sumBy(
    rows.map((r) => {
      const t = emptyTally();
      for (const [column, k] of TALLY_COLUMNS) t[k] = Number(r[column]);
      return [String(r.key), t];
    }),
  );
}

describe('the batch fold in SQL', () => {
  it('property: in any commits and batch sizes, it gives the contacts and tallies of the per-event fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        async (log, commit, batch) => {
          const workspaceId = randomUUID();
          const ids = new Map<string, string>();
          const uuid = (id: string) => ids.get(id) ?? ids.set(id, randomUUID()).get(id)!;
          const events = log.map((e) => ({ ...e, subjectId: uuid(e.subjectId) }));
          for (let i = 0; i < events.length; i += commit)
            await appendEvents(
              database.db,
              { now: () => new Date() },
              events.slice(i, i + commit).map((e) => ({
                workspaceId,
                type: e.type,
                subject: 'interaction',
                subjectId: e.subjectId,
                at: new Date(e.at),
                payload: e.payload,
              })),
            );
          await createProjector(database.db, async () => 'UTC', { maxBatch: batch }).catchUp(workspaceId);

          const contacts = foldContacts(events.filter((e) => e.type !== 'interaction.note_added'));
          const rows = await queryRows<Record<string, unknown>>(
            database.db,
            sql`select * from analytics_contacts where workspace_id = ${workspaceId}`,
          );
          const byId = new Map(rows.map((r) => [String(r.interaction_id), r]));
          expect(rows.length).toBe(contacts.length);
          for (const c of contacts) {
            const r = byId.get(c.id)!;
            expect({
              channel: r.channel,
              queueId: r.queue_id,
              agentId: r.agent_id,
              customerId: r.customer_id,
              reason: r.reason,
              arrivedAt: ms(r.arrived_at),
              answeredAt: ms(r.answered_at),
              talkEndedAt: ms(r.talk_ended_at),
              closedAt: ms(r.closed_at),
              abandonedAt: ms(r.abandoned_at),
              firstReplyAt: ms(r.first_reply_at),
              transfers: r.transfers,
              csat: r.csat,
            }).toEqual({
              ...c,
              id: undefined,
              agentId: uuidOrNull(c.agentId),
              customerId: uuidOrNull(c.customerId),
            });
          }

          const tallied = contacts
            .filter((c) => c.arrivedAt !== null)
            .map((c) => {
              const start = Math.floor(c.arrivedAt! / TALLY_INTERVAL_MS) * TALLY_INTERVAL_MS;
              return { c, start, tally: contactTally(c, DEFAULT_OPTIONS) };
            });
          const day = (start: number) => new Date(start).toISOString().slice(0, 10);
          expect(
            await stored(
              'analytics_tallies',
              workspaceId,
              `(extract(epoch from interval_start) * 1000)::bigint || '|' || queue_id || '|' || channel`,
            ),
          ).toEqual(
            sumBy(tallied.map((t) => [`${t.start}|${t.c.queueId ?? ''}|${t.c.channel ?? ''}`, t.tally])),
          );
          expect(
            await stored(
              'analytics_day_tallies',
              workspaceId,
              `day::text || '|' || queue_id || '|' || channel`,
            ),
          ).toEqual(
            sumBy(tallied.map((t) => [`${day(t.start)}|${t.c.queueId ?? ''}|${t.c.channel ?? ''}`, t.tally])),
          );
          expect(
            await stored('analytics_agent_day_tallies', workspaceId, `day::text || '|' || agent_id`),
          ).toEqual(sumBy(tallied.map((t) => [`${day(t.start)}|${uuidOrNull(t.c.agentId) ?? ''}`, t.tally])));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('the projector across transaction ids of different lengths', () => {
  it('folds an event of transaction 10 after one of transaction 9 in the same catch-up', async () => {
    const workspaceId = randomUUID();
    const contact = randomUUID();
    // Ids as any long-lived server reaches them (9 → 10, 999 → 1000): "10" sorts before "9" as text.
    const event = (tx: number, type: string, payload: object) =>
      sql`insert into events (tx, workspace_id, type, subject, subject_id, topics, at, payload)
          values (${String(tx)}::xid8, ${workspaceId}, ${type}, 'interaction', ${contact}, '{workspace}',
                  ${new Date(DAY).toISOString()}::timestamptz, ${JSON.stringify(payload)}::jsonb)`;
    await database.db.execute(event(9, 'interaction.queued', { channel: 'voice', customerId: CUSTOMER }));
    await database.db.execute(event(10, 'csat.recorded', { rating: 4 }));
    await createProjector(database.db, async () => 'UTC').catchUp(workspaceId);
    const [row] = await queryRows<{ channel: string; csat: number | null }>(
      database.db,
      sql`select channel, csat from analytics_contacts where workspace_id = ${workspaceId}`,
    );
    expect(row).toEqual({ channel: 'voice', csat: 4 });
  });
});
