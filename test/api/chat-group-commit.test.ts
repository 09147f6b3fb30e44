/** Chat messages sent together share a transaction: order, retries and failures stay per message. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createMessageWriter, type Outgoing } from '../../src/modules/chat/message-writer.ts';
import { createMessageService } from '../../src/modules/interactions/index.ts';
import { newId, systemClock } from '../../src/platform/clock.ts';
import { queryRows } from '../../src/platform/db/connect.ts';
import { createLocalBus } from '../../src/platform/events/bus.ts';
import { createUnitOfWork } from '../../src/platform/events/unit-of-work.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const SITE = 'https://shop.example.com';
const { conversations, visitors } = app.services.chat.services;

const call = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  inject({ method, url, headers: s.headers, payload });
for (const key of ['chat', 'callbacks'])
  await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, { name: key, targets: {}, policy: {} });
const channel = (
  await call(admin, 'POST', '/api/v1/chat/channels', {
    name: 'Tienda',
    allowedOrigins: [SITE],
    settings: {
      hours: {
        weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
        holidays: [],
      },
    },
  })
).json() as { publicKey: string };
await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });

/** A visitor with a started chat (its first message is seq 1). */
async function chat() {
  const session = await visitors.start({ channelKey: channel.publicKey, origin: SITE, languages: ['es'] });
  const { visitor } = await visitors.authenticate(session.token);
  const res = await inject({
    method: 'POST',
    url: '/api/v1/chat/visitor/conversations',
    headers: { 'x-visitor-token': session.token },
    payload: { clientId: 'first', message: 'Hola' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return {
    token: session.token,
    actor: { kind: 'visitor' as const, visitor },
    id: res.json().conversation.id as string,
  };
}

const transactionsOf = async (ids: string[]) =>
  (
    await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(distinct tx)::int as n from events
          where type = 'chat.message' and subject_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    )
  )[0]!.n;

describe('group commit of chat messages', () => {
  it('stores concurrent sends in few transactions, each conversation in the order they were sent', async () => {
    const [a, b] = [await chat(), await chat()];
    const sends = Array.from({ length: 30 }, (_, n) => {
      const c = n % 3 === 0 ? b : a;
      return conversations.send(c.actor, c.id, { clientId: `m${n}`, body: `mensaje ${n}` });
    });
    const results = await Promise.all(sends);
    expect(results.every((r) => r.created)).toBe(true);
    for (const c of [a, b]) {
      const mine = results.filter((r) => r.message.interactionId === c.id).map((r) => r.message.seq);
      expect(mine).toEqual(mine.map((_, i) => i + 2));
      const { messages } = await conversations.history(c.actor, c.id);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      expect(messages.slice(1).map((m) => m.clientId)).toEqual(
        results.filter((r) => r.message.interactionId === c.id).map((r) => r.message.clientId),
      );
    }
    // 30 messages plus the 2 first ones, in far fewer transactions than messages.
    expect(await transactionsOf([a.id, b.id])).toBeLessThan(10);
  });

  it('stores a retried client id once, whether the retry shares the group or comes later', async () => {
    const c = await chat();
    const same = { clientId: 'dup', body: 'una vez' };
    const together = await Promise.all([1, 2, 3].map(() => conversations.send(c.actor, c.id, same)));
    expect(together.map((r) => r.created).sort()).toEqual([false, false, true]);
    expect(new Set(together.map((r) => r.message.id)).size).toBe(1);
    const later = await inject({
      method: 'POST',
      url: `/api/v1/chat/visitor/conversations/${c.id}/messages`,
      headers: { 'x-visitor-token': c.token },
      payload: same,
    });
    expect(later.statusCode).toBe(200);
    expect(later.json().id).toBe(together[0]!.message.id);
    const { messages } = await conversations.history(c.actor, c.id);
    expect(messages.filter((m) => m.clientId === 'dup')).toHaveLength(1);
  });

  it('fails only the message at fault: the rest of its group is stored with no gap in the sequence', async () => {
    const [a, b] = [await chat(), await chat()];
    const writer = createMessageWriter({
      uow: createUnitOfWork(app.database.db, createLocalBus(), systemClock),
      clock: systemClock,
      newId,
      messages: createMessageService(),
    });
    const outgoing = (c: typeof a, clientId: string, body: string): Outgoing => ({
      workspaceId: c.actor.visitor.workspaceId,
      conversationId: c.id,
      visitorIds: [c.actor.visitor.id],
      authorId: null,
      direction: 'inbound',
      clientId,
      body,
      attachments: [],
    });
    const settled = await Promise.allSettled([
      writer.write(outgoing(a, 'ok1', 'uno')),
      // The database refuses a NUL character in JSON: this one's transaction fails.
      writer.write(outgoing(a, 'bad', 'nul \u0000 here')),
      writer.write(outgoing(a, 'ok2', 'dos')),
      // Another visitor's conversation: refused, without touching the others.
      writer.write({ ...outgoing(b, 'theirs', 'no'), visitorIds: [a.actor.visitor.id] }),
      writer.write(outgoing(b, 'ok3', 'tres')),
    ]);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[3] as PromiseRejectedResult).reason).toMatchObject({ status: 404 });
    const seqs = (s: PromiseSettledResult<{ message: { seq: number | null } }>) =>
      s.status === 'fulfilled' ? s.value.message.seq : null;
    expect([seqs(settled[0]!), seqs(settled[2]!), seqs(settled[4]!)]).toEqual([2, 3, 2]);
    const { messages } = await conversations.history(a.actor, a.id);
    expect(messages.map((m) => m.clientId)).toEqual(['first', 'ok1', 'ok2']);
  });

  it('refuses a message with a NUL character with a 400, and answers a closed chat with a 409', async () => {
    const c = await chat();
    const url = `/api/v1/chat/visitor/conversations/${c.id}/messages`;
    const headers = { 'x-visitor-token': c.token };
    const nul = await inject({ method: 'POST', url, headers, payload: { clientId: 'n', body: 'a\u0000b' } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('chat.bad_body');
    await conversations.close(c.actor, c.id);
    const closed = await inject({
      method: 'POST',
      url,
      headers,
      payload: { clientId: 'late', body: 'hola?' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('chat.closed');
  });
});
