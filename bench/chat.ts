/**
 * `npm run bench -- chat [--full] [--json] [--pace-ms=N] [--via=socket|http]`: live chat under load, on
 * one process.
 * - N visitors (200; --full 2,000), each with its own WebSocket on the visitor endpoint and its own chat,
 *   and M agents (20; --full 200) on the desk's realtime endpoint, every chat accepted by its agent;
 *   a visitor's message goes through the real path (a `send` frame on its socket, answered with an `ack`
 *   after the commit; `--via=http`: the HTTP POST, answered 201 after the commit) and the agent's
 *   socket hears it as a `chat.message` event: delivery latency is send → agent receives.
 * - Paced phase, for the latency: each visitor sends one message every 5 s (`--pace-ms`), 400 messages a
 *   second at --full. People in a live chat read, think and type: a turn every 5 s is a brisk
 *   conversation, so this is a busy hour of 2,000 chats, not an idle one.
 * - Saturation phase, for the throughput: each visitor sends its next message as soon as the last one is
 *   acknowledged, within the widget's limit of 60 a minute per visitor; far more than one process takes.
 * - The ceiling: a bare `ws` server relaying the same two phases (visitor socket → server → agent
 *   socket), with nothing stored, in the same run.
 * On PostgreSQL when DATABASE_URL is set (a scratch database, dropped after), else PGlite.
 */
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, queryRows } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logging.ts';
import {
  Deliveries,
  next,
  open,
  type Phase,
  paced,
  percentile,
  pool,
  type Send,
  saturate,
  sleep,
} from './support/chat-load.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const SITE = 'https://shop.example.com';
const PASSWORD = 'correct horse battery';
/** Visitors per web channel, so that a channel stays under its 3,000 messages a minute. */
const PER_CHANNEL = 40;
/** The widget's limit: messages a minute per visitor. */
const VISITOR_LIMIT = 60;

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

/**
 * Each visitor's source address on the loopback: visitors are strangers from many addresses, and the
 * widget's per-address limits (30 sockets a minute) would otherwise count them all as one.
 */
const addressOf = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

interface Load {
  customers: number;
  agents: number;
  /** Each visitor's interval between messages in the paced phase. */
  paceMs: number;
  pacedSeconds: number;
  saturationSeconds: number;
  /** Messages each visitor may send in the saturation phase, within its 60 a minute. */
  budget: number;
  /** How a visitor's message reaches Atiende: over its socket (as the widget sends it) or HTTP POST. */
  via: 'socket' | 'http';
  progress: (m: string) => void;
}

interface Measured {
  paced: Phase;
  saturation: Phase & { exhausted: number };
  memoryDeltaBytes: number;
}

/** Both phases, one after the other, on sockets already open. */
async function phases(load: Load, send: Send, deliveries: Deliveries) {
  load.progress(`paced: one message every ${load.paceMs} ms per visitor for ${load.pacedSeconds} s`);
  const pacedPhase = await paced(load.customers, load.paceMs, load.pacedSeconds, send, deliveries);
  load.progress(`saturation: back to back for up to ${load.saturationSeconds} s`);
  const saturation = await saturate(load.customers, load.saturationSeconds, load.budget, send, deliveries);
  return { paced: pacedPhase, saturation };
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

  progress(`atiende on ${database.kind}: ${customers} visitors, ${agents} agents, sending over ${load.via}`);
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
  const deliveries = new Deliveries();
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
        if (body) deliveries.arrived(body);
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
  const fail = (why: string): false => {
    firstFailure ||= why;
    return false;
  };
  // Over the socket: each send waits for its `ack` (stored) or its `error` frame, by client id.
  const answers = new Map<string, (ok: boolean) => void>();
  for (const socket of visitorSockets)
    socket.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; clientId?: string; code?: string };
      if ((m.type !== 'ack' && m.type !== 'error') || !m.clientId) return;
      if (m.type === 'error') fail(`${m.code} for ${m.clientId}`);
      answers.get(m.clientId)?.(m.type === 'ack');
      answers.delete(m.clientId);
    });
  const overSocket: Send = (c, key) =>
    new Promise<boolean>((resolve) => {
      const socket = visitorSockets[c]!;
      if (socket.readyState !== socket.OPEN) return resolve(fail('visitor socket closed'));
      answers.set(key, resolve);
      socket.send(JSON.stringify({ type: 'send', conversationId: chats[c]!.id, clientId: key, body: key }));
    });
  const overHttp: Send = async (c, key) => {
    const chat = chats[c]!;
    // A connection the overloaded server drops is a failed send, not the end of the run.
    const res = await fetch(`${base}/chat/visitor/conversations/${chat.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-token': chat.token },
      body: JSON.stringify({ clientId: key, body: key }),
    }).catch((e: Error) => fail(`${e.message} (${(e.cause as Error | undefined)?.message ?? ''})`));
    if (!res) return false;
    const text = await res.text();
    return res.status === 201 || fail(`${res.status} ${text}`);
  };
  const run = await phases(load, load.via === 'http' ? overHttp : overSocket, deliveries);
  if (firstFailure) progress(`a send failed: ${firstFailure}`);
  for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
  await app.close();
  await database.close();
  await scratch?.drop();
  return { ...run, memoryDeltaBytes, kind: database.kind };
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
  const deliveries = new Deliveries();
  const agentSockets = await Promise.all(
    Array.from({ length: agents }, async (_, a) => {
      const socket = await open(`ws://127.0.0.1:${port}/?agent=${a}`);
      socket.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { event?: { body: string } };
        if (m.event) deliveries.arrived(m.event.body);
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
  const run = await phases(
    load,
    (c, key) =>
      new Promise<boolean>((resolve) => {
        acks.set(key, () => {
          acks.delete(key);
          resolve(true);
        });
        visitorSockets[c]!.send(JSON.stringify({ body: key }));
      }),
    deliveries,
  );
  for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
  await new Promise((r) => server.close(r));
  return { ...run, memoryDeltaBytes };
}

const latency = (p: Phase) => {
  const sorted = [...p.latencies].sort((a, b) => a - b);
  const ms = (q: number) => Number(percentile(sorted, q).toFixed(2));
  return { p50: ms(0.5), p99: ms(0.99) };
};
const perSecond = (p: Phase) => (p.seconds > 0 ? Math.round(p.sent / p.seconds) : 0);
/** CPU of the whole process (server and load generator) per message delivered: steady on a busy machine. */
const cpuPerMessage = (p: Phase) => Number((p.cpuMs / Math.max(1, p.latencies.length)).toFixed(3));
const kbPer = (m: Measured, connections: number) =>
  Number((m.memoryDeltaBytes / 1024 / connections).toFixed(1));

/** `--via=http`: visitors send with HTTP POST instead of over their socket (the widget's fallback). */
function viaFromArgs(): Load['via'] {
  const given = process.argv.find((a) => a.startsWith('--via='))?.slice('--via='.length) ?? 'socket';
  if (given !== 'socket' && given !== 'http') throw new Error('--via must be socket or http');
  return given;
}

/** `--pace-ms=N`: each visitor's interval between messages in the paced phase (default 5,000). */
function paceFromArgs(): number {
  const given = process.argv.find((a) => a.startsWith('--pace-ms='));
  const pace = given ? Number(given.slice('--pace-ms='.length)) : 5000;
  if (!Number.isInteger(pace) || pace < 100) throw new Error('--pace-ms must be an integer of 100 or more');
  return pace;
}

const bench: Bench = async ({ full, progress }) => {
  const paceMs = paceFromArgs();
  const pacedSeconds = full ? 30 : 15;
  const load: Load = {
    customers: full ? 2000 : 200,
    agents: full ? 200 : 20,
    paceMs,
    pacedSeconds,
    saturationSeconds: 10,
    // What the paced phase left of each visitor's minute, with a margin.
    budget: VISITOR_LIMIT - Math.ceil((pacedSeconds * 1000) / paceMs) - 2,
    via: viaFromArgs(),
    progress,
  };
  const connections = load.customers + load.agents;
  // The ceiling first, so the application's heap does not inflate its memory figure.
  const bare = await bareWs(load);
  const ours = await atiende(process.env.DATABASE_URL ?? null, load);
  const [o, b] = [latency(ours.paced), latency(bare.paced)];
  const [oSat, bSat] = [latency(ours.saturation), latency(bare.saturation)];
  return {
    name: 'chat',
    figures: {
      concurrent_customers: load.customers,
      concurrent_agents: load.agents,
      messages_per_s: perSecond(ours.saturation),
      delivery_p50_ms: o.p50,
      delivery_p99_ms: o.p99,
      memory_per_connection_kb: kbPer(ours, connections),
      saturation_delivery_p50_ms: oSat.p50,
      saturation_delivery_p99_ms: oSat.p99,
      saturation_cpu_ms_per_message: cpuPerMessage(ours.saturation),
    },
    peer: {
      bare_ws_messages_per_s: perSecond(bare.saturation),
      bare_ws_delivery_p50_ms: b.p50,
      bare_ws_delivery_p99_ms: b.p99,
      bare_ws_memory_per_connection_kb: kbPer(bare, connections),
      bare_ws_saturation_delivery_p99_ms: bSat.p99,
      bare_ws_saturation_cpu_ms_per_message: cpuPerMessage(bare.saturation),
    },
    ratios: {
      vs_bare_ws: Number((perSecond(ours.saturation) / Math.max(1, perSecond(bare.saturation))).toFixed(3)),
    },
    context: {
      sent_via:
        load.via === 'http'
          ? 'HTTP POST per message (--via=http)'
          : "the visitor's socket, a send frame answered by an ack after commit",
      persisted_on:
        ours.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (set DATABASE_URL for PostgreSQL)',
      messages_per_s:
        'saturation phase: stored and acknowledged per second, every visitor sending back to back',
      delivery: `paced phase: one message every ${paceMs} ms per visitor, offered ${Math.round((load.customers * 1000) / paceMs)}/s for ${pacedSeconds} s`,
      paced_sent_delivered_failed: `${ours.paced.sent} / ${ours.paced.latencies.length} / ${ours.paced.failures}`,
      saturation_sent_delivered_failed: `${ours.saturation.sent} / ${ours.saturation.latencies.length} / ${ours.saturation.failures} in ${ours.saturation.seconds.toFixed(1)} s`,
      saturation_visitors_at_budget: `${ours.saturation.exhausted} of ${load.customers} sent their ${load.budget} (bare ws: ${bare.saturation.exhausted})`,
      bare_ws_saturation_sent: `${bare.saturation.sent} in ${bare.saturation.seconds.toFixed(2)} s`,
      memory:
        'live heap and external memory added while the sockets opened, client and server ends together, over connections',
    },
  };
};

export default bench;
