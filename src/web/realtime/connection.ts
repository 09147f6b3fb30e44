/**
 * The tab's one WebSocket to /api/v1/realtime: subscribes to topics, reconnects with back-off and
 * resumes after the last cursor it saw, so no event is missed across a reconnect.
 */
import type { DomainEvent } from '../api/types.ts';

export type RealtimeStatus = 'connecting' | 'online' | 'offline';

type ServerMessage =
  | { type: 'event'; cursor: string; event: DomainEvent }
  | { type: 'subscribed'; cursor: string; topics: string[] }
  | { type: 'error'; code: string; message: string }
  | { type: 'hello' | 'pong' | 'unsubscribed' };

export interface RealtimeOptions {
  url: string;
  /** Topics to follow, e.g. ['user:<id>', 'workspace']. */
  topics: string[];
  /** If the server refuses a topic, subscribe again to these alone (the user's own topic). */
  essentialTopics: string[];
  onStatus: (status: RealtimeStatus) => void;
  onEvent: (event: DomainEvent) => void;
  /** Resume after this cursor (from an earlier connection) instead of starting from now. */
  after?: string;
  /** Told each cursor seen, so a later connection can resume where this one stopped. */
  onCursor?: (cursor: string) => void;
  /** WebSocket constructor and timer, injectable for tests. */
  socketFactory?: (url: string) => WebSocket;
  setTimer?: (run: () => void, ms: number) => unknown;
}

const MAX_DELAY_MS = 30_000;

/** Opens the connection and keeps it open until the returned function is called. */
export function connectRealtime(options: RealtimeOptions): () => void {
  const open = options.socketFactory ?? ((url: string) => new WebSocket(url));
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  let socket: WebSocket | null = null;
  let topics = options.topics;
  let lastCursor: string | undefined = options.after;
  let attempts = 0;
  let stopped = false;

  const subscribe = () => socket?.send(JSON.stringify({ type: 'subscribe', topics, after: lastCursor }));

  const handle = (message: ServerMessage) => {
    if (message.type === 'event') {
      lastCursor = message.cursor;
      options.onCursor?.(message.cursor);
      options.onEvent(message.event);
    } else if (message.type === 'subscribed') {
      lastCursor = message.cursor;
      options.onCursor?.(message.cursor);
    } else if (
      message.type === 'error' &&
      message.code === 'realtime.forbidden_topic' &&
      topics !== options.essentialTopics
    ) {
      topics = options.essentialTopics;
      subscribe();
    } else if (message.type === 'error' && message.code === 'realtime.bad_cursor' && lastCursor) {
      // The server no longer knows our place (a reset database, say): start from now.
      lastCursor = undefined;
      subscribe();
    }
  };

  const connect = () => {
    if (stopped) return;
    options.onStatus('connecting');
    socket = open(options.url);
    socket.onopen = () => {
      attempts = 0;
      options.onStatus('online');
      subscribe();
    };
    socket.onmessage = (event) => {
      const message = parse(event.data);
      if (message) handle(message);
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      options.onStatus('offline');
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempts);
      attempts += 1;
      setTimer(connect, delay);
    };
  };

  connect();
  return () => {
    stopped = true;
    socket?.close();
  };
}

function parse(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as { type?: unknown };
    return typeof message.type === 'string' ? (message as ServerMessage) : null;
  } catch {
    return null;
  }
}

/** The WebSocket address of the API on the page's own origin. */
export function realtimeUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/v1/realtime`;
}
