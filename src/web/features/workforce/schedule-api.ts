/** Rosters, agents' profiles, days off, my schedule and adherence as the screens use them. */
import { request } from '../../api/client.ts';

const V1 = '/api/v1/wfm';
const plan = (id: string) => `${V1}/plans/${encodeURIComponent(id)}`;

export type Window = [number, number] | null;

export interface AgentProfile {
  userId: string;
  name: string;
  queues: string[];
  contractMinutes: number;
  maxDays: number;
  /** Monday first. */
  availability: Window[];
  preferences: Preferences;
}

export interface Preferences {
  /** Earliest and latest preferred start, minutes after midnight. */
  start: [number, number] | null;
  /** Weekdays preferred off, 0 = Monday. */
  daysOff: number[];
}

export interface TimeOff {
  id: string;
  userId: string;
  name: string;
  day: string;
  note: string;
  status: 'requested' | 'approved' | 'denied';
  createdAt: string;
  decidedAt: string | null;
}

export interface ShiftBreak {
  kind: 'break' | 'lunch';
  start: string;
  end: string;
}

export interface Shift {
  id: string;
  agentId: string;
  start: string;
  end: string;
  breaks: ShiftBreak[];
}

export interface Violation {
  code: string;
  severity: 'error' | 'warning';
  agentId: string | null;
  at: string;
  shiftId: string | null;
  figures: Record<string, number>;
  message: string;
}

export interface Roster {
  id: string;
  planId: string;
  queueKey: string;
  status: 'draft' | 'published';
  firstDay: string;
  days: number;
  summary: {
    status: string;
    objective: number | null;
    gap: number | null;
    seconds: number;
    fairness: { maxWeekendDays: number; maxNights: number };
    unassignable: { agentId: string; reason: string }[];
  };
  shifts: Shift[];
  names: Record<string, string>;
  violations: Violation[];
  preferences: { agentId: string; met: number; broken: number }[];
  requirement: number[][];
  coverage: number[][];
  updatedAt: string;
  publishedAt: string | null;
}

export type RosterEdit =
  | { type: 'move'; shiftId: string; start: string; agentId?: string }
  | { type: 'swap'; shiftId: string; otherShiftId: string }
  | { type: 'time_off'; agentId: string; day: string };

export interface MySchedule {
  from: string;
  days: number;
  shifts: (Shift & { queueKey: string })[];
  timeOff: TimeOff[];
}

export type Activity = 'work' | 'break' | 'lunch' | 'off';
export type Actual = 'work' | 'away' | 'off';

export interface AgentAdherence {
  agentId: string;
  name: string;
  shifts: Shift[];
  scheduledMinutes: number;
  inAdherenceMinutes: number;
  adherence: number | null;
  scheduledWorkMinutes: number;
  workedMinutes: number;
  conformance: number | null;
  exceptions: {
    start: string;
    end: string;
    scheduled: Activity;
    actual: Actual;
    status: string;
    reason: string | null;
  }[];
  current: {
    scheduled: Activity;
    actual: Actual;
    status: string;
    reason: string | null;
    outOfAdherenceSince: string | null;
  };
}

export interface AdherenceDay {
  day: string;
  until: string;
  live: boolean;
  agents: AgentAdherence[];
}

export const scheduleApi = {
  agents: () => request<{ items: AgentProfile[] }>('GET', `${V1}/agents`),
  saveAgent: (userId: string, p: Omit<AgentProfile, 'userId' | 'name'>) =>
    request<AgentProfile>('PUT', `${V1}/agents/${encodeURIComponent(userId)}`, { body: p }),
  removeAgent: (userId: string) => request<undefined>('DELETE', `${V1}/agents/${encodeURIComponent(userId)}`),
  timeOff: (from?: string) => request<{ items: TimeOff[] }>('GET', `${V1}/time-off`, { query: { from } }),
  askTimeOff: (day: string, note: string) =>
    request<TimeOff>('POST', `${V1}/time-off`, { body: { day, note } }),
  decide: (id: string, status: 'approved' | 'denied') =>
    request<TimeOff>('POST', `${V1}/time-off/${encodeURIComponent(id)}/decide`, { body: { status } }),
  roster: (planId: string) => request<Roster>('GET', `${plan(planId)}/roster`),
  solve: (planId: string) => request<Roster>('POST', `${plan(planId)}/roster`, { body: {} }),
  edit: (planId: string, edit: RosterEdit) =>
    request<Roster>('POST', `${plan(planId)}/roster/edit`, { body: { edit } }),
  publish: (planId: string) => request<Roster>('POST', `${plan(planId)}/roster/publish`),
  mySchedule: (from: string, days = 7) =>
    request<MySchedule>('GET', `${V1}/my-schedule`, { query: { from, days } }),
  adherence: (day?: string) => request<AdherenceDay>('GET', `${V1}/adherence`, { query: { day } }),
};

export const scheduleKeys = {
  agents: ['workforce', 'agents'] as const,
  timeOff: ['workforce', 'time-off'] as const,
  roster: (planId: string) => ['workforce', 'roster', planId] as const,
  mySchedule: (from: string) => ['workforce', 'my-schedule', from] as const,
  adherence: (day: string) => ['workforce', 'adherence', day] as const,
};
