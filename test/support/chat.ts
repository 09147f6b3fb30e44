/** A workspace with a web channel open all week, its queues, and callers for the chat API as staff and as visitors. */
import { expect } from 'vitest';
import { staffWorkspace } from './app.ts';

export async function chatFixture() {
  const { app, inject, ws, admin, agent, supervisor, call } = await staffWorkspace();
  const SITE = 'https://shop.example.com';

  for (const key of ['chat', 'callbacks'])
    await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, { name: key, targets: {}, policy: {} });
  const allWeek = {
    weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
    holidays: [],
  };
  const created = await call(admin, 'POST', '/api/v1/chat/channels', {
    name: 'Tienda',
    allowedOrigins: [SITE],
    settings: { hours: allWeek },
  });
  const channel = created.json() as { id: string; publicKey: string; secret: string; snippet: string };

  const visitor = async (extra: object = {}) => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/chat/sessions',
      headers: { origin: SITE, 'accept-language': 'en-US,en;q=0.9' },
      payload: { channel: channel.publicKey, host: SITE, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; visitorId: string; language: string; verified: boolean };
  };
  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    inject({
      method,
      url,
      headers: { 'x-visitor-token': token },
      ...(payload === undefined ? {} : { payload }),
    });

  async function startChat(token: string, message = 'Hola, necesito ayuda') {
    const res = await as(token, 'POST', '/api/v1/chat/visitor/conversations', {
      clientId: 'first',
      message,
      contact: { name: 'Ana Ruiz' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { conversation: { id: string }; messages: { seq: number; body: string }[] };
  }

  return { app, inject, ws, admin, agent, supervisor, SITE, call, created, channel, visitor, as, startChat };
}
