/** The demo's generated history: purchases, past contacts and notes, and a few deliberate duplicates. Pure. */
import { CHANNELS, CONTACT_TOPICS, NOTES } from './demo-data.ts';
import { normaliseEmail } from './normalise.ts';
import type { customerIdentities, customerPurchases, customers, customerTimeline } from './schema.ts';

const DAY = 86_400_000;

export type Row = typeof customers.$inferInsert;
export type IdentityRow = Omit<typeof customerIdentities.$inferInsert, 'workspaceId'>;

/** A small seeded generator (mulberry32): the same demo every time. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

/** A few people entered twice: a +tagged e-mail, their WhatsApp on a second record, a misspelt name. */
export function makeDuplicates(
  rows: Row[],
  identities: IdentityRow[],
  personIds: string[],
  now: Date,
  newId: () => string,
): string[] {
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const original = rows.find((row) => row.id === personIds[i * 97])!;
    const id = newId();
    const name = i % 3 === 2 ? original.name.replace(/í/g, 'i').replace(/z\b/, 's') : original.name;
    rows.push({
      id,
      workspaceId: original.workspaceId,
      kind: 'person',
      name,
      customerSince: now,
      createdAt: now,
      updatedAt: now,
      language: 'es',
    });
    const email = identities.find((x) => x.customerId === original.id && x.kind === 'email')!;
    const mobile = identities.find((x) => x.customerId === original.id && x.kind === 'phone')!;
    if (i % 3 === 0) {
      const n = normaliseEmail(email.value.replace('@', '+viajes@'));
      if (n.ok)
        identities.push({
          id: newId(),
          customerId: id,
          kind: 'email',
          value: n.value,
          display: n.display,
          matchKey: n.matchKey,
          createdAt: now,
        });
    } else if (
      i % 3 === 1 &&
      !identities.some((x) => x.customerId === original.id && x.kind === 'whatsapp')
    ) {
      identities.push({
        id: newId(),
        customerId: id,
        kind: 'whatsapp',
        value: mobile.value,
        display: mobile.display,
        matchKey: mobile.matchKey,
        createdAt: now,
      });
    }
    ids.push(id);
  }
  return ids;
}

/** Purchases (a long tail: most buy rarely, companies buy often and big) and past contacts on every channel. */
export function history(
  r: ReturnType<typeof random>,
  ids: string[],
  organisations: number,
  now: Date,
  newId: () => string,
) {
  const purchases: Omit<typeof customerPurchases.$inferInsert, 'workspaceId'>[] = [];
  const timeline: Omit<typeof customerTimeline.$inferInsert, 'workspaceId'>[] = [];
  ids.forEach((customerId, index) => {
    const organisation = index < organisations;
    const heavy = organisation ? r.next() < 0.5 : r.next() < 0.05;
    const count = heavy ? 4 + r.int(10) : r.next() < 0.45 ? 0 : 1 + r.int(3);
    for (let p = 0; p < count; p++) {
      const at = new Date(now.getTime() - r.int(heavy ? 400 : 900) * DAY - r.int(DAY));
      const amount =
        Math.round((heavy ? 1_500_000 + r.int(9_000_000) : 180_000 + r.int(2_200_000)) / 1000) * 1000;
      const id = newId();
      purchases.push({
        id,
        customerId,
        at,
        amount,
        currency: 'COP',
        refId: `DEMO-${id.slice(-12)}`,
        createdAt: now,
      });
      timeline.push({
        id: newId(),
        customerId,
        at,
        kind: 'purchase',
        channel: null,
        refId: `DEMO-${id.slice(-12)}`,
        summary: `COP ${amount.toLocaleString('es-CO')}`,
        payload: { amount, currency: 'COP' },
      });
    }
    const contacts = r.int(5);
    for (let c = 0; c < contacts; c++) {
      const [es, en] = r.pick(CONTACT_TOPICS);
      const channel = r.pick(CHANNELS);
      const at = new Date(now.getTime() - r.int(500) * DAY - r.int(DAY));
      timeline.push({
        id: newId(),
        customerId,
        at,
        kind: 'interaction',
        channel,
        refId: null,
        summary: es,
        payload: {
          direction: r.next() < 0.8 ? 'inbound' : 'outbound',
          subject: es,
          topic: en,
          messages:
            channel === 'voice'
              ? []
              : [
                  { from: 'customer', text: es },
                  { from: 'agent', text: 'Con gusto le ayudamos.' },
                ],
          durationSeconds: channel === 'voice' ? 60 + r.int(600) : null,
        },
      });
    }
    if (r.next() < 0.08) {
      const body = r.pick(NOTES);
      timeline.push({
        id: newId(),
        customerId,
        at: new Date(now.getTime() - r.int(300) * DAY),
        kind: 'note',
        channel: null,
        refId: null,
        summary: body,
        payload: { body },
      });
    }
  });
  return { purchases, timeline };
}
