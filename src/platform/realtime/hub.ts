/**
 * The realtime hub: one WebSocket per browser tab. A client subscribes to topics it may see and names the
 * cursor of the last event it received; the hub replays what it missed from the event log, then streams new
 * events as the bus announces them. The log is read in (transaction, id) order behind the oldest running
 * transaction, so a cursor never passes an event that commits late: nothing is missed across reconnects.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { type Cursor, decodeCursor, headCursor, readEventsAfter, type StoredEvent } from '../events/log.ts';
import type { Logger } from '../logging.ts';

export type TopicAuthorizer = (principal: Principal, id: string) => boolean | Promise<boolean>;

/**
 * A module's own frame type on a socket it serves (the widget's `send`): gets the parsed frame and a
 * way to answer on the same socket. The frames a connection sends this way are handled one after
 * another, apart from subscriptions, so an answer that waits for a commit holds up neither pings nor
 * subscribing.
 */
export type FrameHandler = (
  frame: Record<string, unknown>,
  reply: (message: unknown) => void,
) => Promise<void>;

interface Connection {
  socket: WebSocket;
  principal: Principal;
  topics: Set<string>;
  cursor: Cursor;
  replaying: boolean;
  /** A live event for this connection went by while it was replaying: read the log once more. */
  missed: boolean;
  alive: boolean;
  handlers: ReadonlyMap<string, FrameHandler>;
  /** The chain of this connection's module frames, in the order they came. */
  work: Promise<void>;
}

interface WorkspaceFeed {
  cursor: Cursor;
  connections: Set<Connection>;
  /** The connections listening to each topic, so an event visits only its own listeners. */
  listeners: Map<string, Set<Connection>>;
  draining: Promise<void> | null;
  again: boolean;
}

const TOPIC = /^[a-z_]+(:[\w-]{1,80})?$/;
const PAGE = 500;

export const compareCursors = (a: Cursor, b: Cursor): number => {
  const tx = BigInt(a.tx) - BigInt(b.tx);
  return tx === 0n ? a.id - b.id : tx < 0n ? -1 : 1;
};

export function createRealtimeHub(deps: { db: Db; bus: EventBus; logger: Logger; pollMs?: number }) {
  const { db, bus, logger } = deps;
  const feeds = new Map<string, WorkspaceFeed>();
  const authorizers = new Map<string, TopicAuthorizer>([
    ['workspace', (p) => p.permissions.has('supervise') || p.permissions.has('workspace.manage')],
    ['user', (p, id) => p.userId === id],
  ]);
  const presence = new Set<(principal: Principal, connected: boolean) => void>();

  /** Lets a module say who may subscribe to its topics, e.g. `queue:<id>`. */
  function registerTopic(prefix: string, authorize: TopicAuthorizer): void {
    authorizers.set(prefix, authorize);
  }

  async function mayOpen(principal: Principal, topic: string): Promise<boolean> {
    if (!TOPIC.test(topic)) return false;
    const [prefix, id = ''] = topic.split(':') as [string, string?];
    const authorize = authorizers.get(prefix);
    return authorize ? Boolean(await authorize(principal, id)) : false;
  }

  const unsubscribe = bus.subscribe((workspaceId) => schedule(workspaceId));
  const poll = setInterval(() => {
    for (const ws of feeds.keys()) schedule(ws);
  }, deps.pollMs ?? 1000);
  poll.unref();

  function schedule(workspaceId: string): void {
    const feed = feeds.get(workspaceId);
    if (!feed) return;
    if (feed.draining) {
      feed.again = true;
      return;
    }
    feed.draining = drain(workspaceId, feed)
      .catch((err) => logger.error({ err }, 'realtime drain failed'))
      .finally(() => {
        feed.draining = null;
        if (feed.again) {
          feed.again = false;
          schedule(workspaceId);
        }
      });
  }

  async function drain(workspaceId: string, feed: WorkspaceFeed): Promise<void> {
    for (;;) {
      const batch = await readEventsAfter(db, workspaceId, feed.cursor, { limit: PAGE });
      for (const event of batch) {
        const at = decodeCursor(event.cursor)!;
        // Serialised once for all its listeners.
        let frame: string | null = null;
        for (const conn of listenersOf(feed, event)) {
          if (compareCursors(at, conn.cursor) <= 0) continue;
          if (conn.replaying) {
            conn.missed = true;
            continue;
          }
          frame ??= JSON.stringify(eventFrame(event));
          conn.cursor = at;
          sendFrame(conn.socket, frame);
        }
        feed.cursor = at;
      }
      if (batch.length < PAGE) return;
    }
  }

  /** Each connection once, however many of the event's topics it listens to. */
  function listenersOf(feed: WorkspaceFeed, event: StoredEvent): Iterable<Connection> {
    const sets = event.topics.flatMap((t) => feed.listeners.get(t) ?? []);
    if (sets.length <= 1) return sets[0] ?? [];
    const all = new Set<Connection>();
    for (const set of sets) for (const conn of set) all.add(conn);
    return all;
  }

  function listen(conn: Connection, topics: string[], on: boolean): void {
    const feed = feeds.get(conn.principal.workspaceId);
    for (const topic of topics) {
      if (on) conn.topics.add(topic);
      else conn.topics.delete(topic);
      if (!feed?.connections.has(conn)) continue;
      let set = feed.listeners.get(topic);
      if (on) {
        if (!set) {
          set = new Set();
          feed.listeners.set(topic, set);
        }
        set.add(conn);
      } else if (set) {
        set.delete(conn);
        if (set.size === 0) feed.listeners.delete(topic);
      }
    }
  }

  function deliver(conn: Connection, event: StoredEvent, at: Cursor): void {
    conn.cursor = at;
    sendFrame(conn.socket, JSON.stringify(eventFrame(event)));
  }

  async function replay(conn: Connection, after: Cursor): Promise<void> {
    conn.replaying = true;
    conn.cursor = after;
    try {
      for (;;) {
        // A drain that passes while this read is in flight (its answer may come first on a pool) moves
        // the feed past events the read did not see; it marks them missed, and the log is read again.
        conn.missed = false;
        const batch = await readEventsAfter(db, conn.principal.workspaceId, conn.cursor, {
          topics: [...conn.topics],
          limit: PAGE,
        });
        for (const event of batch) deliver(conn, event, decodeCursor(event.cursor)!);
        if (batch.length < PAGE && !conn.missed) break;
      }
    } finally {
      conn.replaying = false;
    }
  }

  async function handleMessage(conn: Connection, raw: string): Promise<void> {
    let message: { type?: unknown; topics?: unknown; after?: unknown };
    try {
      message = JSON.parse(raw);
    } catch {
      return send(conn.socket, {
        type: 'error',
        code: 'realtime.bad_message',
        message: 'Messages must be JSON',
      });
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return send(conn.socket, {
        type: 'error',
        code: 'realtime.bad_message',
        message: 'Messages must be JSON objects',
      });
    if (message.type === 'ping') return send(conn.socket, { type: 'pong' });
    const handler = typeof message.type === 'string' ? conn.handlers.get(message.type) : undefined;
    if (handler) {
      const frame = message as Record<string, unknown>;
      conn.work = conn.work
        .then(() => handler(frame, (answer) => send(conn.socket, answer)))
        .catch((err) => logger.warn({ err }, 'realtime frame failed'));
      return;
    }
    const topics = message.topics;
    if ((message.type !== 'subscribe' && message.type !== 'unsubscribe') || !isTopicList(topics)) {
      return send(conn.socket, {
        type: 'error',
        code: 'realtime.bad_message',
        message: `Send {"type":"subscribe"|"unsubscribe","topics":[…],"after"?:cursor}, {"type":"ping"}${[
          ...conn.handlers.keys(),
        ]
          .map((t) => ` or {"type":"${t}",…}`)
          .join('')}`,
      });
    }
    if (message.type === 'unsubscribe') {
      listen(conn, topics, false);
      return send(conn.socket, { type: 'unsubscribed', topics });
    }
    for (const topic of topics) {
      if (!(await mayOpen(conn.principal, topic))) {
        return send(conn.socket, {
          type: 'error',
          code: 'realtime.forbidden_topic',
          message: `You may not subscribe to "${topic}"`,
        });
      }
    }
    const after = typeof message.after === 'string' ? decodeCursor(message.after) : null;
    if (message.after !== undefined && !after) {
      return send(conn.socket, { type: 'error', code: 'realtime.bad_cursor', message: 'Unknown cursor' });
    }
    listen(conn, topics, true);
    if (after) await replay(conn, after);
    send(conn.socket, {
      type: 'subscribed',
      topics: [...conn.topics],
      cursor: `${conn.cursor.tx}.${conn.cursor.id}`,
    });
  }

  /** Handlers are attached at once, before any await, so no early message is lost. */
  function attach(
    socket: WebSocket,
    principal: Principal,
    handlers: ReadonlyMap<string, FrameHandler> = new Map(),
  ): void {
    const conn: Connection = {
      socket,
      principal,
      topics: new Set(),
      cursor: { tx: '0', id: 0 },
      replaying: false,
      missed: false,
      alive: true,
      handlers,
      work: Promise.resolve(),
    };
    let feed: WorkspaceFeed | undefined;
    let queue = (async () => {
      feed = feeds.get(principal.workspaceId);
      if (!feed) {
        const created = {
          cursor: await headCursor(db, principal.workspaceId),
          connections: new Set<Connection>(),
          listeners: new Map(),
          draining: null,
          again: false,
        };
        feed = feeds.get(principal.workspaceId) ?? created;
        feeds.set(principal.workspaceId, feed);
      }
      conn.cursor = feed.cursor;
      feed.connections.add(conn);
      for (const listener of presence) listener(principal, true);
      send(socket, { type: 'hello', cursor: `${conn.cursor.tx}.${conn.cursor.id}` });
    })();
    socket.on('message', (data) => {
      queue = queue
        .then(() => handleMessage(conn, data.toString()))
        .catch((err) => logger.warn({ err }, 'realtime message failed'));
    });
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('close', () => {
      void queue.finally(() => {
        if (!feed) return;
        listen(conn, [...conn.topics], false);
        feed.connections.delete(conn);
        if (feed.connections.size === 0) feeds.delete(principal.workspaceId);
        for (const listener of presence) listener(principal, false);
      });
    });
  }

  const heartbeat = setInterval(() => {
    for (const feed of feeds.values()) {
      for (const conn of feed.connections) {
        if (!conn.alive) conn.socket.terminate();
        conn.alive = false;
        conn.socket.ping();
      }
    }
  }, 30_000);
  heartbeat.unref();

  /** The WebSocket endpoint, `GET /api/v1/realtime`, for any logged-in user. */
  async function routes(app: FastifyInstance): Promise<void> {
    app.get(
      '/realtime',
      { websocket: true, config: { access: 'authenticated' }, schema: { hide: true } },
      (socket, request) => {
        attach(socket, request.principal!);
      },
    );
  }

  function onPresence(listener: (principal: Principal, connected: boolean) => void): () => void {
    presence.add(listener);
    return () => presence.delete(listener);
  }

  async function close(): Promise<void> {
    unsubscribe();
    clearInterval(poll);
    clearInterval(heartbeat);
    for (const feed of feeds.values())
      for (const conn of feed.connections) conn.socket.close(1001, 'server stopping');
    await Promise.all([...feeds.values()].map((f) => f.draining));
  }

  /**
   * Serves a socket that a module authenticated itself (e.g. a chat visitor's token): the same topics,
   * replay and streaming as the logged-in endpoint, plus the module's own frame types.
   */
  const serve = (
    socket: WebSocket,
    principal: Principal,
    handlers?: ReadonlyMap<string, FrameHandler>,
  ): void => attach(socket, principal, handlers);

  return { registerTopic, routes, serve, onPresence, close };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;

const isTopicList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every((t) => typeof t === 'string');

function send(socket: WebSocket, message: unknown): void {
  sendFrame(socket, JSON.stringify(message));
}

function sendFrame(socket: WebSocket, frame: string): void {
  if (socket.readyState === socket.OPEN) socket.send(frame);
}

/** An event as clients receive it: without the workspace and topics it was routed by. */
function eventFrame(event: StoredEvent) {
  const { workspaceId: _ws, topics: _topics, cursor, ...rest } = event;
  return { type: 'event', cursor, event: rest };
}
