/** The analytics API as the supervisor screens use it: JSON types, typed calls and query keys. */
import { request } from '../../api/client.ts';

export type Level = 'ok' | 'amber' | 'red';
export type AgentStatus = 'offline' | 'available' | 'busy' | 'wrap_up' | 'not_ready';

export interface QueueTile {
  queueId: string;
  name: string;
  waiting: number;
  ringing: number;
  longestWaitSeconds: number;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  levels: Record<'waiting' | 'longestWaitSeconds' | 'serviceLevel' | 'asaSeconds' | 'abandonRate', Level>;
}

export interface AgentTile {
  agentId: string;
  status: AgentStatus;
  reason: string | null;
  since: string;
  sinceSeconds: number;
  interactions: { id: string; channel: string; state: string; queueId: string | null }[];
}

export interface Wallboard {
  at: string;
  queues: QueueTile[];
  agents: AgentTile[];
  agentCounts: { available: number; busy: number; wrapUp: number; notReady: number };
}

export interface ReportRow {
  period: string;
  key: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  occupancy: number | null;
  csat: number | null;
}

export interface Report {
  timeZone: string;
  rows: ReportRow[];
  totals: ReportRow[];
}

export type Grain = 'interval' | 'day' | 'week' | 'month';
export type By = 'total' | 'queue' | 'channel' | 'team' | 'agent';

export interface ReportParams {
  from: string;
  to: string;
  grain: Grain;
  by: By;
}

export interface Message {
  id: string;
  direction: string;
  authorId: string | null;
  body: string;
  createdAt: string;
}

export const analyticsKeys = {
  wallboard: ['analytics', 'wallboard'] as const,
  report: (p: ReportParams) => ['analytics', 'report', p] as const,
  intraday: ['analytics', 'intraday'] as const,
  watch: (id: string) => ['analytics', 'watch', id] as const,
};

export const analyticsApi = {
  wallboard: () => request<Wallboard>('GET', '/api/v1/analytics/wallboard'),
  report: (p: ReportParams) => request<Report>('GET', '/api/v1/analytics/reports', { query: { ...p } }),
  intraday: () => request<Report>('GET', '/api/v1/analytics/intraday'),
  csvUrl: (p: ReportParams) => `/api/v1/analytics/reports?${new URLSearchParams({ ...p, format: 'csv' })}`,
  setAgentState: (agentId: string, state: 'available' | 'offline') =>
    request<{ status: AgentStatus }>('PUT', `/api/v1/analytics/agents/${agentId}/state`, { body: { state } }),
  watch: (id: string) =>
    request<{ interaction: { id: string; channel: string; state: string }; messages: Message[] }>(
      'GET',
      `/api/v1/analytics/interactions/${id}/watch`,
    ),
  whisper: (id: string, body: string) =>
    request<Message>('POST', `/api/v1/analytics/interactions/${id}/whisper`, { body: { body } }),
};
