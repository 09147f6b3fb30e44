/** The workforce API as the screens use it: types of its JSON, typed calls and TanStack Query keys. */
import { ApiError, request } from '../../api/client.ts';

const V1 = '/api/v1';

export type IntervalMinutes = 15 | 30 | 60;

export interface Series {
  queueKey: string;
  channel: string;
  intervalMinutes: number;
  intervals: number;
  volume: number;
  first: string;
  last: string;
  sources: string[];
}

export interface HistoryPoint {
  start: string;
  volume: number;
  ahtSeconds: number | null;
}

export interface PlanSummary {
  id: string;
  name: string;
  queueKey: string;
  channel: string;
  intervalMinutes: number;
  status: 'draft' | 'published';
  method: string;
  createdAt: string;
  publishedAt: string | null;
  intervals: number;
}

export interface PlanInterval {
  /** Wall-clock time of the workspace, YYYY-MM-DDTHH:MM:SS. */
  start: string;
  forecast: number;
  lo: number;
  hi: number;
  ahtSeconds: number;
  requiredAgents: number;
  requiredScheduled: number;
  adjustedScheduled: number | null;
  serviceLevel: number | null;
  actual: number | null;
}

export interface PlanSettingsInput {
  horizonDays?: number;
  method?: string;
  model?: 'c' | 'a';
  serviceLevel?: number;
  targetSeconds?: number;
  patienceSeconds?: number;
  maxOccupancy?: number;
  shrinkage?: number;
  concurrency?: number;
  dueMinutes?: number;
}

export interface Accuracy {
  method: string;
  n: number;
  mae: number | null;
  rmse: number | null;
  mape: number | null;
  smape: number | null;
  coverage: number | null;
}

export interface Plan extends Omit<PlanSummary, 'intervals'> {
  settings: Required<Pick<PlanSettingsInput, 'serviceLevel' | 'targetSeconds' | 'shrinkage'>> & {
    work: string;
    model: string;
    concurrency: number;
    maxOccupancy: number;
    horizonDays: number;
  };
  accuracy: Accuracy[];
  updatedAt: string;
  intervals: PlanInterval[];
}

export interface NewPlan {
  name: string;
  queueKey: string;
  channel: string;
  intervalMinutes: IntervalMinutes;
  settings: PlanSettingsInput;
}

export interface SimulationResult {
  day: string;
  replications: number;
  intervals: {
    start: string;
    forecast: number;
    agentsOnQueue: number;
    offered: number;
    answered: number;
    abandoned: number;
    serviceLevel: number | null;
    asaSeconds: number | null;
    predicted: number | null;
  }[];
  total: { offered: number; serviceLevel: number | null; predicted: number | null };
}

export interface Intraday {
  now: string;
  agentsOnDuty: number;
  factor: number | null;
  intervals: {
    start: string;
    phase: 'past' | 'current' | 'coming';
    forecast: number;
    reforecast: number;
    actual: number | null;
    plannedOnQueue: number;
    requiredOnQueue: number;
  }[];
  alerts: { start: string; reason: 'plan_short' | 'on_duty_short'; required: number; available: number }[];
}

export const workforceApi = {
  series: () => request<{ items: Series[] }>('GET', `${V1}/wfm/series`),
  plans: () => request<{ items: PlanSummary[] }>('GET', `${V1}/wfm/plans`),
  plan: (id: string) => request<Plan>('GET', `${V1}/wfm/plans/${encodeURIComponent(id)}`),
  createPlan: (input: NewPlan) => request<Plan>('POST', `${V1}/wfm/plans`, { body: input }),
  adjust: (id: string, adjustments: { start: string; scheduledAgents: number | null }[]) =>
    request<Plan>('POST', `${V1}/wfm/plans/${encodeURIComponent(id)}/adjust`, { body: { adjustments } }),
  publish: (id: string) => request<Plan>('POST', `${V1}/wfm/plans/${encodeURIComponent(id)}/publish`),
  simulate: (id: string, day: string) =>
    request<SimulationResult>('POST', `${V1}/wfm/plans/${encodeURIComponent(id)}/simulate`, {
      body: { day },
    }),
  intraday: (id: string) => request<Intraday>('GET', `${V1}/wfm/plans/${encodeURIComponent(id)}/intraday`),
  remove: (id: string) => request<undefined>('DELETE', `${V1}/wfm/plans/${encodeURIComponent(id)}`),
  rebuild: (intervalMinutes: IntervalMinutes) =>
    request<{ intervals: number; contacts: number }>('POST', `${V1}/wfm/history/rebuild`, {
      body: { intervalMinutes },
    }),
};

/**
 * Uploads a history file as the request body: CSV, or the Anonymous Bank's tab-separated records.
 * @example await uploadHistory(file, 'bank', { queueKey: 'sales', channel: 'voice', intervalMinutes: 30 }, csrf)
 */
export async function uploadHistory(
  file: File,
  format: 'csv' | 'bank',
  key: { queueKey: string; channel: string; intervalMinutes: IntervalMinutes },
  csrfToken: string,
): Promise<{ intervals: number; volume: number }> {
  const query = new URLSearchParams({ ...key, intervalMinutes: String(key.intervalMinutes) });
  const response = await fetch(`${V1}/wfm/history/import?${query}`, {
    method: 'POST',
    credentials: 'include',
    headers: {
      'content-type': format === 'bank' ? 'text/tab-separated-values' : 'text/csv',
      'x-csrf-token': csrfToken,
      accept: 'application/json',
    },
    body: file,
  }).catch((cause: unknown) => {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
    intervals?: number;
    volume?: number;
  } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http.${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return { intervals: body?.intervals ?? 0, volume: body?.volume ?? 0 };
}

export const workforceKeys = {
  all: ['workforce'] as const,
  series: ['workforce', 'series'] as const,
  plans: ['workforce', 'plans'] as const,
  plan: (id: string) => ['workforce', 'plan', id] as const,
  intraday: (id: string) => ['workforce', 'intraday', id] as const,
};
