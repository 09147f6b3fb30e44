/** The desk's calls: routing state and offers, chat messages, the customer, call-backs, canned responses. */
import { request } from '../../api/client.ts';

export type AgentStatus = 'offline' | 'available' | 'busy' | 'wrap_up' | 'not_ready';

export interface Interaction {
  id: string;
  channel: string;
  customerId: string | null;
  subject: string | null;
  language: string | null;
  state: string;
  agentId: string | null;
  queueId: string | null;
  scheduledFor: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
}

export interface ChatMessage {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  authorId: string | null;
  body: string;
  clientId: string | null;
  seq: number | null;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  createdAt: string;
}

export interface ChatHistory {
  conversation: {
    id: string;
    open: boolean;
    lastSeq: number;
    visitorReadSeq: number;
    visitorDeliveredSeq: number;
    agentReadSeq: number;
  };
  messages: ChatMessage[];
}

export interface Offer {
  interactionId: string;
  expiresAt: string;
  channel: string | null;
  subject: string | null;
  customerId: string | null;
}

export interface Callback {
  id: string;
  customerId: string | null;
  phone: string;
  windowStart: string;
  windowEnd: string;
  reference: string;
  note: string | null;
  state: string;
  due: boolean;
}

export interface TransferAgent {
  id: string;
  name: string;
  status: AgentStatus;
  reason: string | null;
}

export interface ScriptChoice {
  script: { id: string; name: string; version: number } | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  channel: string | null;
  summary: string;
  payload: Record<string, unknown>;
}

export interface CustomerSummary {
  id: string;
  name: string;
  tier: string;
  identities: { kind: string; display: string }[];
}

export interface Canned {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: 'es' | 'en';
}

const base = '/api/v1';

export const deskApi = {
  myState: () => request<{ status: AgentStatus }>('GET', `${base}/routing/me`),
  setState: (state: 'available' | 'not_ready' | 'offline', reason?: string) =>
    request<{ status: AgentStatus }>('PUT', `${base}/routing/me/state`, {
      body: { state, ...(reason ? { reason } : {}) },
    }),
  mine: (userId: string) =>
    request<{ items: Interaction[] }>('GET', `${base}/interactions`, {
      query: { agentId: userId, limit: 50 },
    }),
  interaction: (id: string) => request<Interaction>('GET', `${base}/interactions/${id}`),
  accept: (id: string) => request<Interaction>('POST', `${base}/interactions/${id}/accept`),
  decline: (id: string) => request<void>('POST', `${base}/interactions/${id}/decline`),
  end: (id: string) => request<Interaction>('POST', `${base}/interactions/${id}/end`),
  wrapUp: (id: string, disposition: string, notes: string) =>
    request<Interaction>('POST', `${base}/interactions/${id}/wrap-up`, {
      body: { disposition, ...(notes ? { notes } : {}) },
    }),
  history: (id: string) => request<ChatHistory>('GET', `${base}/chat/conversations/${id}/messages`),
  send: (id: string, body: { clientId: string; body: string; internal?: boolean }) =>
    request<ChatMessage>('POST', `${base}/chat/conversations/${id}/messages`, { body }),
  read: (id: string, seq: number) =>
    request<void>('POST', `${base}/chat/conversations/${id}/receipts`, { body: { kind: 'read', seq } }),
  /** The desk has the visitor's messages up to `seq`: the widget shows them delivered. */
  delivered: (id: string, seq: number) =>
    request<void>('POST', `${base}/chat/conversations/${id}/receipts`, { body: { kind: 'delivered', seq } }),
  typing: (id: string) => request<void>('POST', `${base}/chat/conversations/${id}/typing`),
  join: (id: string) => request<{ agentName: string }>('POST', `${base}/chat/conversations/${id}/join`),
  close: (id: string) => request<void>('POST', `${base}/chat/conversations/${id}/close`),
  transfer: (id: string, to: { queueId: string } | { agentId: string }, note: string) =>
    request<Interaction>('POST', `${base}/chat/conversations/${id}/transfer`, { body: { ...to, note } }),
  customer: (id: string) => request<CustomerSummary>('GET', `${base}/customers/${id}`),
  timeline: (id: string) =>
    request<{ items: TimelineEntry[] }>('GET', `${base}/customers/${id}/timeline`, { query: { limit: 50 } }),
  customerInteractions: (id: string) =>
    request<{ items: Interaction[] }>('GET', `${base}/interactions`, {
      query: { customerId: id, limit: 20 },
    }),
  queues: () => request<{ items: { key: string; name: string }[] }>('GET', `${base}/routing/queues`),
  agents: () => request<{ items: TransferAgent[] }>('GET', `${base}/chat/agents`),
  scriptFor: (id: string) => request<ScriptChoice>('GET', `${base}/scripting/interactions/${id}/suggestion`),
  callbacks: () => request<{ items: Callback[] }>('GET', `${base}/chat/callbacks`),
  callbackOutcome: (id: string, outcome: string, notes: string) =>
    request<Interaction>('POST', `${base}/chat/callbacks/${id}/outcome`, {
      body: { outcome, ...(notes ? { notes } : {}) },
    }),
  reschedule: (id: string, windowStart: string, windowEnd: string) =>
    request<Interaction>('POST', `${base}/chat/callbacks/${id}/reschedule`, {
      body: { windowStart, windowEnd },
    }),
  canned: (q: string) =>
    request<{ items: Canned[] }>('GET', `${base}/chat/canned-responses`, { query: { q } }),
};

export const newClientId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
