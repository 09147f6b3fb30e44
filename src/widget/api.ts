/** The widget's calls to Atiende: JSON over HTTP with the visitor token, and the visitor's WebSocket. */
import { tabStore } from './storage.ts';

export interface Message {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  body: string;
  clientId: string | null;
  seq: number | null;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  createdAt: string;
}
export interface Conversation {
  id: string;
  open: boolean;
  lastSeq: number;
  visitorReadSeq: number;
  agentReadSeq: number;
  /** Up to where the desk has the visitor's messages (served with a conversation's messages). */
  agentDeliveredSeq?: number;
  createdAt: string;
  closedAt: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = null;
export const setToken = (t: string | null) => {
  token = t;
};

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  raw?: { type: string; data: Blob },
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers['x-visitor-token'] = token;
  if (raw) headers['content-type'] = raw.type || 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok)
    throw new ApiError(res.status, json?.error?.code ?? 'error', json?.error?.message ?? res.statusText);
  return json as T;
}

/** A file the visitor may see, as a local URL (the token travels in a header, not in the page). */
export async function fileUrl(id: string): Promise<string> {
  const res = await fetch(`/api/v1/chat/visitor/attachments/${id}`, {
    headers: token ? { 'x-visitor-token': token } : {},
  });
  return URL.createObjectURL(await res.blob());
}

export interface SocketEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** What a `send` frame is answered with: the stored message, or the HTTP route's error. */
type Answer =
  | { type: 'ack'; clientId: string; message: Message }
  | { type: 'error'; clientId: string | null; status: number; code: string; message: string };

/** How long a send on the socket waits for its answer before it is tried again (same client id). */
const ANSWER_MS = 15_000;

/**
 * The visitor's live feed of one conversation. Subscribes from the last cursor it saw, so after a
 * reconnect the server replays exactly what was missed; reconnects with a growing pause. While it is
 * up, `send` stores a message over the same socket and resolves with the stored message once the
 * server has committed it (or rejects with its `ApiError`); `null` when it is down, for the HTTP route.
 */
export function openFeed(
  conversationId: string,
  onEvent: (e: SocketEvent) => void,
  onState: (up: boolean) => void,
) {
  const key = `atiende:cursor:${conversationId}`;
  let socket: WebSocket | null = null;
  let up = false;
  let closed = false;
  let delay = 500;
  const waiting = new Map<string, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const answer = (data: Answer) => {
    const w = data.clientId === null ? undefined : waiting.get(data.clientId);
    if (!w || data.clientId === null) return;
    waiting.delete(data.clientId);
    if (data.type === 'ack') w.resolve(data.message);
    else w.reject(new ApiError(data.status, data.code, data.message));
  };
  const connect = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/chat/visitor/socket?token=${encodeURIComponent(token ?? '')}`;
    socket = new WebSocket(url);
    socket.onmessage = (m) => {
      const data = JSON.parse(String(m.data)) as { type: string; cursor?: string; event?: SocketEvent };
      if (data.type === 'hello') {
        const after = tabStore.get(key) ?? data.cursor;
        socket?.send(JSON.stringify({ type: 'subscribe', topics: [`chat:${conversationId}`], after }));
      } else if (data.type === 'subscribed') {
        delay = 500;
        up = true;
        onState(true);
      } else if (data.type === 'event' && data.event) {
        if (data.cursor) tabStore.set(key, data.cursor);
        onEvent(data.event);
      } else if (data.type === 'ack' || data.type === 'error') answer(data as unknown as Answer);
    };
    socket.onclose = () => {
      up = false;
      // Whatever was not answered may or may not be stored: the outbox sends it again, same client id.
      for (const w of waiting.values()) w.reject(new Error('connection lost'));
      waiting.clear();
      onState(false);
      if (closed) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15_000);
    };
  };
  connect();
  return {
    send(message: { clientId: string; body: string; attachmentIds: string[] }): Promise<Message> | null {
      if (!up || !socket) return null;
      const sent = socket;
      return new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(message.clientId);
          reject(new Error('no answer'));
        }, ANSWER_MS);
        const done =
          <T>(f: (v: T) => void) =>
          (v: T) => {
            clearTimeout(timer);
            f(v);
          };
        waiting.set(message.clientId, { resolve: done(resolve), reject: done(reject) });
        sent.send(JSON.stringify({ type: 'send', conversationId, ...message }));
      });
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}

/** A client's own id for a message: what makes a retry harmless. */
export const clientId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
