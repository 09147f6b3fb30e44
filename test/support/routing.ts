/** Routing over HTTP for tests: a workspace with an admin, an agent and a supervisor, and the calls they make. */
import { expect } from 'vitest';
import { createWorkspace, login, type Session, type TestApp } from './app.ts';

export async function routingWorkspace(app: TestApp) {
  const ws = await createWorkspace(app);
  const admin = await login(app, ws.email('admin'));
  const agent = await login(app, ws.email('agent'));
  const supervisor = await login(app, ws.email('supervisor'));
  const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
  const arrive = arrival(call, admin);
  return { ws, admin, agent, supervisor, call, arrive };
}

type Call = (
  s: Session,
  method: 'POST',
  url: string,
  payload: object,
) => Promise<{ statusCode: number; body: string; json(): unknown }>;

/** A voice call arriving in a queue, as committed (already offered when an agent was free). */
export function arrival(call: Call, admin: Session) {
  return async (queueId: string) => {
    const res = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'voice',
      direction: 'inbound',
      queueId,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string; state: string };
  };
}
