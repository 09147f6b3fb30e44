/** The routing configuration API as the admin screens use it: types of its JSON, typed calls, query keys. */
import { request } from '../../api/client.ts';
import type { Holiday, OpeningInterval } from '../../api/types.ts';

/** Every channel routing knows, in the order the screens list them. */
export const CHANNELS = [
  'voice',
  'callback',
  'chat',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'sms',
  'email',
  'webform',
  'task',
] as const;
export type Channel = (typeof CHANNELS)[number];

export type QueueAction = { kind: 'keep' } | { kind: 'queue'; queueId: string } | { kind: 'message' };
export type Selection = 'longest_idle' | 'least_occupied' | 'highest_proficiency';

export interface RelaxationStep {
  afterSeconds: number;
  lowerProficiencyBy?: number;
  dropSkills?: string[];
  widenToQueues?: string[];
}

export interface Policy {
  requirements: { skill: string; minProficiency: number }[];
  teams?: string[];
  language: 'ignore' | 'prefer' | 'require';
  priorityWeight: number;
  agingWeightPerSecond: number;
  valueTierBoost: Record<string, number>;
  selection: Selection;
  relaxation: RelaxationStep[];
  sticky?: { seconds: number; lastAgent: boolean; accountOwner: boolean };
  offer: { timeoutSeconds: number; agents: number };
  wrapUpSeconds: number;
  overflow?: { afterSeconds: number; action: QueueAction };
  afterHours: QueueAction;
  transferToAgentSeconds: number;
}

export type QueueHours =
  | { calendar: 'workspace' }
  | { calendar: 'custom'; weekly: OpeningInterval[]; holidays: Holiday[] }
  | null;

export interface Queue {
  key: string;
  name: string;
  targets: Record<string, { percent: number; seconds: number }>;
  policy: Policy;
  hours: QueueHours;
}

export interface RoutingSettings {
  channels: Record<string, { cost: number }>;
  missedOffersBeforeNotReady: number;
  presenceGraceSeconds: number;
  notReadyReasons: string[];
  dispositionCodes: string[];
  skills: string[];
}

export interface AgentProfile {
  skills: Record<string, number>;
  languages: string[];
  channels: Record<string, number>;
  capacity: number;
  teams: string[];
}

export interface QueueStats {
  queueId: string;
  name: string;
  waiting: number;
  offered: number;
  oldestArrivedAt: string | null;
  open: boolean;
}

const V1 = '/api/v1/routing';

export const routingApi = {
  queues: () => request<{ items: Queue[] }>('GET', `${V1}/queues`).then((r) => r.items),
  saveQueue: ({ key, ...body }: Queue) =>
    request<Queue>('PUT', `${V1}/queues/${encodeURIComponent(key)}`, { body }),
  settings: () => request<RoutingSettings>('GET', `${V1}/settings`),
  saveSettings: (body: RoutingSettings) => request<RoutingSettings>('PUT', `${V1}/settings`, { body }),
  profiles: () =>
    request<{ items: (AgentProfile & { userId: string })[] }>('GET', `${V1}/agents`).then((r) => r.items),
  saveProfile: (userId: string, body: AgentProfile) =>
    request<AgentProfile>('PUT', `${V1}/agents/${encodeURIComponent(userId)}/profile`, { body }),
  stats: () => request<{ queues: QueueStats[] }>('GET', `${V1}/stats`).then((r) => r.queues),
};

export const routingKeys = {
  queues: ['routing', 'queues'] as const,
  settings: ['routing', 'settings'] as const,
  profiles: ['routing', 'profiles'] as const,
  stats: ['routing', 'stats'] as const,
};
