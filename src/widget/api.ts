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

/**
 * The visitor's live feed of one conversation. Subscribes from the last cursor it saw, so after a
 * reconnect the server replays exactly what was missed; reconnects with a growing pause.
 */
export function openFeed(
  conversationId: string,
  onEvent: (e: SocketEvent) => void,
  onState: (up: boolean) => void,
) {
  const key = `atiende:cursor:${conversationId}`;
  let socket: WebSocket | null = null;
  let closed = false;
  let delay = 500;
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
        onState(true);
      } else if (data.type === 'event' && data.event) {
        if (data.cursor) tabStore.set(key, data.cursor);
        onEvent(data.event);
      }
    };
    socket.onclose = () => {
      onState(false);
      if (closed) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15_000);
    };
  };
  connect();
  return {
    close() {
      closed = true;
      socket?.close();
    },
  };
}

/** A client's own id for a message: what makes a retry harmless. */
export const clientId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
