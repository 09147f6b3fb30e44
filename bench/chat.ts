/**
 * `npm run bench -- chat [--full] [--json]`: live chat under load, on one process.
 * - N visitors (200; --full 2,000), each with its own WebSocket on the visitor endpoint and its own chat,
 *   and M agents (20; --full 200) on the desk's realtime endpoint, every chat accepted by its agent;
 * - each visitor sends one message a second through the real path (HTTP POST, persisted before the 201),
 *   and the agent's socket hears it as a `chat.message` event: delivery latency is send → agent receives;
 * - the ceiling: a bare `ws` server relaying the same pattern (visitor socket → server → agent socket),
 *   with nothing stored, in the same run.
 * On PostgreSQL when DATABASE_URL is set (a scratch database, dropped after), else PGlite.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import WebSocket, { WebSocketServer } from 'ws';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, queryRows } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logging.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const SITE = 'https://shop.example.com';
const PASSWORD = 'correct horse battery';
/** One message a second per visitor: within the widget's limit of 60 a minute per visitor. */
const INTERVAL_MS = 1000;
/** Visitors per web channel, so that a channel stays under its 3,000 messages a minute. */
const PER_CHANNEL = 40;

// A collection before each memory reading, so that garbage does not count as what a connection holds.
// Live heap plus memory outside it (socket buffers): RSS also moves with pages the collector hands
// back to the system, which can outweigh what the sockets add.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memoryInUse = () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each visitor's source address on the loopback: visitors are strangers from many addresses, and the
 * widget's per-address limits (30 sockets a minute) would otherwise count them all as one.
 */
const addressOf = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Opens a socket and waits for the server's `hello`, listening from the start so it cannot be missed. */
function open(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  const hello = next(socket, (m) => m.type === 'hello');
  return new Promise((resolve, reject) => {
    hello.then(() => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_q, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
  });
}

/** Waits for the first message that `accept` recognises on a socket. */
function next(socket: WebSocket, accept: (m: { type?: string }) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (d: WebSocket.RawData) => {
      if (accept(JSON.parse(d.toString()))) {
        socket.off('message', on);
        resolve();
      }
    };
    socket.on('message', on);
  });
}

interface Load {
  customers: number;
  agents: number;
  seconds: number;
  progress: (m: string) => void;
}

interface Measured {
  sent: number;
  delivered: number;
  seconds: number;
  latencies: number[];
  memoryDeltaBytes: number;
  failures: number;
}

/** Sends at a steady rate for `seconds`, then waits for stragglers; `deliver` records the arrival. */
async function drive(
  load: Load,
  send: (customer: number, key: string) => Promise<boolean>,
  sentAt: Map<string, number>,
  arrived: () => number,
): Promise<{ sent: number; failures: number; seconds: number }> {
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  const until = started + load.seconds * 1000;
  await Promise.all(
    Array.from({ length: load.customers }, async (_, c) => {
      // Spread the visitors over the interval so the load is steady, not in bursts.
      await sleep((c / load.customers) * INTERVAL_MS);
      for (let n = 0; performance.now() < until; n++) {
        const due = performance.now() + INTERVAL_MS;
        const key = `m${c}-${n}`;
        sentAt.set(key, performance.now());
        if (await send(c, key)) sent++;
        else failures++;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  const deadline = performance.now() + 30_000;
  while (arrived() < sent && performance.now() < deadline) await sleep(20);
  return { sent, failures, seconds: (performance.now() - started) / 1000 };
}

async function atiende(databaseUrl: string | null, load: Load): Promise<Measured & { kind: string }> {
  const { customers, agents, progress } = load;
  const scratch = databaseUrl ? await scratchDatabase(databaseUrl, 'chat') : null;
  const database = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir: null, poolSize: 16 });
  await migrate(database);
  const config = loadConfig({ ATIENDE_MODE: 'test' });
  const { app, services } = await buildApp(config, {
    database,
    logger: createLogger({ logLevel: 'silent' }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/v1`;

  progress(`atiende on ${database.kind}: ${customers} visitors, ${agents} agents`);
  const ws = await services.identity.provisionWorkspace(
    { slug: 'bench', name: 'Bench', timeZone: 'UTC', defaultLanguage: 'es', defaultCountry: 'CO' },
    Array.from({ length: agents }, (_, i) => ({
      email: `agent${i}@bench.test`,
      name: `Agent ${i}`,
      role: 'agent' as const,
      password: PASSWORD,
    })),
  );
  const { routing } = services;
  for (const key of ['chat', 'callbacks'])
    await routing.config.saveQueue(ws.id, { key, name: key, targets: {}, policy: {} });
  const perAgent = Math.ceil(customers / agents);
  const chatCost = (await routing.config.settings(ws.id)).channels.chat?.cost ?? 100;
  const agentSessions: { id: string; cookie: string }[] = [];
  for (let i = 0; i < agents; i++) {
    const s = await services.identity.auth.login(
      { email: `agent${i}@bench.test`, password: PASSWORD },
      { ip: '127.0.0.1', userAgent: 'bench' },
    );
    await routing.config.saveAgentProfile(ws.id, s.userId, {
      skills: {},
      languages: ['es'],
      channels: { chat: perAgent },
      // Room for every chat it is given: each one costs the workspace's chat cost in capacity units.
      capacity: chatCost * perAgent,
      teams: [],
    });
    await routing.service.setState(ws.id, s.userId, 'available');
    agentSessions.push({ id: s.userId, cookie: `atiende_session=${s.token}` });
  }
  const { channels, visitors, intake } = services.chat.services;
  const allWeek = {
    weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
    holidays: [],
  };
  const channelKeys: string[] = [];
  for (let i = 0; i < Math.ceil(customers / PER_CHANNEL); i++) {
    const ch = await channels.create(ws.id, {
      name: `Web ${i}`,
      allowedOrigins: [SITE],
      settings: { hours: allWeek },
    });
    channelKeys.push(ch.publicKey);
  }

  progress('starting the chats and accepting them');
  const chats: { token: string; id: string; agent: string }[] = [];
  await pool(customers, 8, async (c) => {
    const session = await visitors.start({
      channelKey: channelKeys[Math.floor(c / PER_CHANNEL)]!,
      origin: SITE,
      languages: ['es'],
    });
    const visitor = (await visitors.authenticate(session.token)).visitor;
    const started = await intake.startChat(visitor, {
      clientId: 'first',
      message: 'Hola',
      contact: { name: `Visitante ${c}` },
      fields: {},
    });
    const id = started.conversation.id;
    // The agent it was offered to, as the desk learns it: from the `routing.offered` event.
    const offerOf = () =>
      queryRows<{ agent: string }>(
        database.db,
        sql`select payload->'agentIds'->>0 as agent from events
            where workspace_id = ${ws.id} and type = 'routing.offered' and subject_id = ${id}
            order by id desc limit 1`,
      );
    let [offer] = await offerOf();
    for (let tries = 0; !offer && tries < 100; tries++) {
      await sleep(50);
      [offer] = await offerOf();
    }
    if (!offer) {
      const { state } = await services.interactions.get(ws.id, id);
      throw new Error(`chat ${c} was not offered (${state})`);
    }
    await routing.service.accept(ws.id, id, offer.agent);
    chats[c] = { token: session.token, id, agent: offer.agent };
  });

  const memoryBefore = memoryInUse();
  progress('opening the sockets');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = new Set<string>();
  const agentSockets = await Promise.all(
    agentSessions.map(async (a) => {
      const socket = await open(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { cookie: a.cookie } });
      const topics = chats.filter((c) => c.agent === a.id).map((c) => `interaction:${c.id}`);
      for (let i = 0; i < topics.length; i += 50) {
        socket.send(JSON.stringify({ type: 'subscribe', topics: topics.slice(i, i + 50) }));
        await next(socket, (m) => m.type === 'subscribed');
      }
      socket.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { event?: { type: string; payload: { body?: string } } };
        const body = m.event?.type === 'chat.message' ? m.event.payload.body : undefined;
        const t0 = body ? sentAt.get(body) : undefined;
        if (body && t0 !== undefined && !seen.has(body)) {
          seen.add(body);
          latencies.push(performance.now() - t0);
        }
      });
      return socket;
    }),
  );
  const visitorSockets: WebSocket[] = [];
  await pool(customers, 16, async (c) => {
    const chat = chats[c]!;
    const socket = await open(`ws://127.0.0.1:${port}/api/v1/chat/visitor/socket?token=${chat.token}`, {
      localAddress: addressOf(c),
    });
    socket.send(JSON.stringify({ type: 'subscribe', topics: [`chat:${chat.id}`] }));
    await next(socket, (m) => m.type === 'subscribed');
    visitorSockets[c] = socket;
  });
  const memoryDeltaBytes = memoryInUse() - memoryBefore;

  let firstFailure = '';
  progress(`sending for ${load.seconds} s`);
  const run = await drive(
    load,
    async (c, key) => {
      const chat = chats[c]!;
      // A connection the overloaded server drops is a failed send, not the end of the run.
      const res = await fetch(`${base}/chat/visitor/conversations/${chat.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-visitor-token': chat.token },
        body: JSON.stringify({ clientId: key, body: key }),
      }).catch((e: Error) => {
        firstFailure ||= `${e.message} (${(e.cause as Error | undefined)?.message ?? ''})`;
        return null;
      });
      if (!res) return false;
      const text = await res.text();
      if (res.status !== 201 && !firstFailure) firstFailure = `${res.status} ${text}`;
      return res.status === 201;
    },
    sentAt,
    () => latencies.length,
  );
  if (firstFailure) progress(`a send failed: ${firstFailure}`);
  for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
  await app.close();
  await database.close();
  await scratch?.drop();
  return { ...run, delivered: latencies.length, latencies, memoryDeltaBytes, kind: database.kind };
}

/**
 * The ceiling: a bare `ws` server. A visitor's message goes over its socket; the server acks it and
 * relays it to the agent's socket of that chat. Nothing is authenticated, stored or logged.
 */
async function bareWs(load: Load): Promise<Measured> {
  const { customers, agents, progress } = load;
  progress(`bare ws: ${customers} visitors, ${agents} agents`);
  const memoryBefore = memoryInUse();
  const agentOf = new Map<number, WebSocket>();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const agent = url.searchParams.get('agent');
    if (agent !== null) {
      agentOf.set(Number(agent), socket);
      socket.send('{"type":"hello"}');
      return;
    }
    const customer = Number(url.searchParams.get('customer'));
    socket.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { body: string };
      agentOf.get(customer % agents)?.send(JSON.stringify({ type: 'event', event: { body: m.body } }));
      socket.send(JSON.stringify({ type: 'ack', body: m.body }));
    });
    socket.send('{"type":"hello"}');
  });
  const { port } = server.address() as AddressInfo;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const agentSockets = await Promise.all(
    Array.from({ length: agents }, async (_, a) => {
      const socket = await open(`ws://127.0.0.1:${port}/?agent=${a}`);
      socket.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { event?: { body: string } };
        const t0 = m.event ? sentAt.get(m.event.body) : undefined;
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      });
      return socket;
    }),
  );
  const acks = new Map<string, () => void>();
  const visitorSockets: WebSocket[] = [];
  await pool(customers, 16, async (c) => {
    const socket = await open(`ws://127.0.0.1:${port}/?customer=${c}`, { localAddress: addressOf(c) });
    socket.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; body?: string };
      if (m.type === 'ack' && m.body) acks.get(m.body)?.();
    });
    visitorSockets[c] = socket;
  });
  const memoryDeltaBytes = memoryInUse() - memoryBefore;
  const run = await drive(
    load,
    (c, key) =>
      new Promise<boolean>((resolve) => {
        acks.set(key, () => {
          acks.delete(key);
          resolve(true);
        });
        visitorSockets[c]!.send(JSON.stringify({ body: key }));
      }),
    sentAt,
    () => latencies.length,
  );
  for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
  await new Promise((r) => server.close(r));
  return { ...run, delivered: latencies.length, latencies, memoryDeltaBytes };
}

const summary = (m: Measured, connections: number) => {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  return {
    perSecond: m.delivered / m.seconds,
    p50: Number(percentile(sorted, 0.5).toFixed(2)),
    p99: Number(percentile(sorted, 0.99).toFixed(2)),
    kbPerConnection: Number((m.memoryDeltaBytes / 1024 / connections).toFixed(1)),
  };
};

const bench: Bench = async ({ full, progress }) => {
  const load: Load = {
    customers: full ? 2000 : 200,
    agents: full ? 200 : 20,
    seconds: full ? 30 : 15,
    progress,
  };
  const connections = load.customers + load.agents;
  // The ceiling first, so the application's heap does not inflate its memory figure.
  const bare = await bareWs(load);
  const ours = await atiende(process.env.DATABASE_URL ?? null, load);
  const o = summary(ours, connections);
  const b = summary(bare, connections);
  return {
    name: 'chat',
    figures: {
      concurrent_customers: load.customers,
      concurrent_agents: load.agents,
      messages_per_s: Math.round(o.perSecond),
      delivery_p50_ms: o.p50,
      delivery_p99_ms: o.p99,
      memory_per_connection_kb: o.kbPerConnection,
    },
    peer: {
      bare_ws_messages_per_s: Math.round(b.perSecond),
      bare_ws_delivery_p50_ms: b.p50,
      bare_ws_delivery_p99_ms: b.p99,
      bare_ws_memory_per_connection_kb: b.kbPerConnection,
    },
    ratios: { vs_bare_ws: Number((o.perSecond / b.perSecond).toFixed(3)) },
    context: {
      persisted_on:
        ours.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (set DATABASE_URL for PostgreSQL)',
      offered_load_per_s: Math.round((load.customers * 1000) / INTERVAL_MS),
      send_seconds: load.seconds,
      sent: ours.sent,
      delivered: ours.delivered,
      failed_sends: ours.failures,
      bare_ws_sent: bare.sent,
      memory:
        'live heap and external memory added while the sockets opened, client and server ends together, over connections',
    },
  };
};

export default bench;
