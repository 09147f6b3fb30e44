/** A visitor sends its messages over its socket: stored like a POST, acknowledged after the commit. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatFixture } from '../support/chat.ts';
import { collectingSocket } from '../support/socket.ts';

const f = await chatFixture();
await f.app.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = f.app.app.server.address() as { port: number };
beforeAll(async () => {
  await f.call(f.agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
});

interface Frame {
  type: string;
  clientId?: string | null;
  code?: string;
  status?: number;
  message?: unknown;
  created?: boolean;
  details?: { path: string; message: string }[];
}
interface Stored {
  id: string;
  seq: number;
  body: string;
  clientId: string;
}

async function connect(token: string) {
  const { socket, received, arrival } = await collectingSocket<Frame>(
    `ws://127.0.0.1:${port}/api/v1/chat/visitor/socket?token=${token}`,
  );
  /** The next frame (after those already read) that `accept` recognises. */
  let read = 0;
  async function next(accept: (m: Frame) => boolean = () => true): Promise<Frame> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      while (read < received.length) {
        const m = received[read++]!;
        if (accept(m)) return m;
      }
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(received)}`);
      await arrival();
    }
  }
  await next((m) => m.type === 'hello');
  const raw = (text: string) => socket.send(text);
  const send = (frame: object) => raw(JSON.stringify(frame));
  const answer = () => next((m) => m.type === 'ack' || m.type === 'error');
  return { socket, received, next, raw, send, answer };
}

async function visitorWithChat() {
  const { token } = await f.visitor();
  const started = await f.startChat(token);
  return { token, id: started.conversation.id };
}

const history = async (token: string, id: string) =>
  (await f.as(token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`)).json().messages as Stored[];

describe("a visitor's socket takes its messages", () => {
  it('answers ack with the stored message only once it is committed', async () => {
    const { token, id } = await visitorWithChat();
    const c = await connect(token);
    c.send({ type: 'send', conversationId: id, clientId: 'm-1', body: '<b>Pedido</b> 1234' });
    const ack = await c.answer();
    expect(ack).toMatchObject({ type: 'ack', clientId: 'm-1', created: true });
    const message = ack.message as Stored;
    expect(message).toMatchObject({ body: '<b>Pedido</b> 1234', clientId: 'm-1', seq: 2 });
    // Acknowledged means stored: a read right after the ack finds it.
    expect((await history(token, id)).map((m) => m.id)).toContain(message.id);
  });

  it('stores a repeated client id once, whether sent again later or at once', async () => {
    const { token, id } = await visitorWithChat();
    const c = await connect(token);
    const frame = { type: 'send', conversationId: id, clientId: 'dup-1', body: 'una vez' };
    c.send(frame);
    c.send(frame);
    const [first, second] = [await c.answer(), await c.answer()];
    expect([first.created, second.created]).toEqual([true, false]);
    expect((second.message as Stored).id).toBe((first.message as Stored).id);
    // After a reconnect, the widget sends its outbox again with the same ids.
    c.socket.close();
    const again = await connect(token);
    again.send(frame);
    expect(await again.answer()).toMatchObject({ type: 'ack', created: false });
    // The same id over HTTP answers the stored message too.
    const http = await f.as(token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
      clientId: 'dup-1',
      body: 'una vez',
    });
    expect(http.statusCode).toBe(200);
    expect((await history(token, id)).filter((m) => m.clientId === 'dup-1')).toHaveLength(1);
  });

  it('keeps the order of a conversation’s messages as they were sent', async () => {
    const { token, id } = await visitorWithChat();
    const c = await connect(token);
    for (let n = 1; n <= 5; n++)
      c.send({ type: 'send', conversationId: id, clientId: `o-${n}`, body: `${n}` });
    const acks = [];
    for (let n = 1; n <= 5; n++) acks.push(await c.answer());
    expect(acks.map((a) => (a.message as Stored).seq)).toEqual([2, 3, 4, 5, 6]);
    expect((await history(token, id)).map((m) => m.body).slice(1)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('answers bad frames with an error frame and keeps the socket working', async () => {
    const { token, id } = await visitorWithChat();
    const other = await visitorWithChat();
    const c = await connect(token);

    c.raw('{"type":"send",');
    expect(await c.next((m) => m.type === 'error')).toMatchObject({ code: 'realtime.bad_message' });
    c.raw('[1,2]');
    expect(await c.next((m) => m.type === 'error')).toMatchObject({ code: 'realtime.bad_message' });

    c.send({ type: 'send', conversationId: id, clientId: 'long', body: 'x'.repeat(4001) });
    const long = await c.answer();
    expect(long).toMatchObject({ type: 'error', clientId: 'long', code: 'validation.failed', status: 400 });
    expect(long.details?.[0]?.path).toBe('/body');

    c.send({ type: 'send', conversationId: id, body: 'sin id' });
    expect(await c.answer()).toMatchObject({ clientId: null, code: 'validation.failed', status: 400 });
    c.send({ type: 'send', conversationId: id, clientId: 'extra', body: 'a', internal: true });
    const extra = await c.answer();
    expect(extra).toMatchObject({ code: 'validation.failed' });
    expect(extra.details?.[0]?.path).toBe('/internal');
    c.send({ type: 'send', conversationId: id, clientId: 'nul', body: 'a\u0000b' });
    expect(await c.answer()).toMatchObject({ code: 'chat.bad_body', status: 400 });
    c.send({ type: 'send', conversationId: id, clientId: 'empty', body: '  ' });
    expect(await c.answer()).toMatchObject({ code: 'chat.empty_message', status: 400 });

    c.send({ type: 'send', conversationId: randomUUID(), clientId: 'nobody', body: 'hola' });
    expect(await c.answer()).toMatchObject({ clientId: 'nobody', code: 'not_found', status: 404 });
    c.send({ type: 'send', conversationId: other.id, clientId: 'theirs', body: 'hola' });
    expect(await c.answer()).toMatchObject({ clientId: 'theirs', code: 'not_found', status: 404 });
    c.send({ type: 'send', conversationId: id, clientId: 'file', body: '', attachmentIds: [randomUUID()] });
    expect(await c.answer()).toMatchObject({
      clientId: 'file',
      code: 'chat.unknown_attachment',
      status: 400,
    });

    c.send({ type: 'shout', body: 'hola' });
    expect(await c.next((m) => m.type === 'error')).toMatchObject({ code: 'realtime.bad_message' });

    // Nothing of the above was stored in either conversation, and the socket still takes a good one.
    expect(await history(other.token, other.id)).toHaveLength(1);
    c.send({ type: 'send', conversationId: id, clientId: 'good', body: 'bien' });
    expect(await c.answer()).toMatchObject({ type: 'ack', clientId: 'good' });
    expect((await history(token, id)).map((m) => m.clientId)).toEqual(['first', 'good']);
  });

  it('refuses a closed conversation with chat.closed', async () => {
    const { token, id } = await visitorWithChat();
    await f.as(token, 'POST', `/api/v1/chat/visitor/conversations/${id}/close`);
    const c = await connect(token);
    c.send({ type: 'send', conversationId: id, clientId: 'late', body: 'hola?' });
    expect(await c.answer()).toMatchObject({ code: 'chat.closed', status: 409 });
  });

  it('limits a visitor to 60 messages a minute, whichever socket or HTTP they come on', async () => {
    const { token, id } = await visitorWithChat();
    const [a, b] = [await connect(token), await connect(token)];
    for (let n = 0; n < 6; n++) {
      const res = await f.as(token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
        clientId: `h-${n}`,
        body: `${n}`,
      });
      expect(res.statusCode).toBe(201);
    }
    for (let n = 0; n < 27; n++) {
      a.send({ type: 'send', conversationId: id, clientId: `a-${n}`, body: `${n}` });
      b.send({ type: 'send', conversationId: id, clientId: `b-${n}`, body: `${n}` });
    }
    for (let n = 0; n < 27; n++) {
      expect(await a.answer()).toMatchObject({ type: 'ack' });
      expect(await b.answer()).toMatchObject({ type: 'ack' });
    }
    a.send({ type: 'send', conversationId: id, clientId: 'one-more', body: 'más' });
    expect(await a.answer()).toMatchObject({ clientId: 'one-more', code: 'rate_limited', status: 429 });
    expect((await history(token, id)).map((m) => m.clientId)).not.toContain('one-more');
  });
});
