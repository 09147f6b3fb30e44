/** Routing configuration kept in tables: workspace settings, queues and agents' routing profiles. */
import { and, asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { type BusinessHours, calendarProblems } from '../workspaces/index.ts';
import {
  type AgentProfile,
  type EngineConfig,
  type QueuePolicy,
  queuePolicy,
  validateConfig,
} from './core/index.ts';
import { calendarOf, type QueueHours } from './hours.ts';
import { routingAgents, routingQueues, routingSettings } from './schema.ts';

export const DEFAULT_CHANNELS: Record<string, { cost: number }> = {
  voice: { cost: 100 },
  callback: { cost: 100 },
  chat: { cost: 34 },
  whatsapp: { cost: 34 },
  messenger: { cost: 34 },
  instagram: { cost: 34 },
  telegram: { cost: 34 },
  sms: { cost: 20 },
  email: { cost: 20 },
  webform: { cost: 20 },
  task: { cost: 20 },
};

/** Most interactions of each channel an agent holds at once, unless their profile says otherwise. */
export const DEFAULT_CAPS: Record<string, number> = {
  voice: 1,
  callback: 1,
  chat: 3,
  whatsapp: 3,
  messenger: 3,
  instagram: 3,
  telegram: 3,
  sms: 5,
  email: 5,
  webform: 5,
  task: 5,
};

export interface Queue {
  key: string;
  name: string;
  targets: Record<string, { percent: number; seconds: number }>;
  policy: Omit<QueuePolicy, 'id'>;
  /** Business hours: null is always open. */
  hours: QueueHours | null;
}

/** What the shell needs to drive queues' business hours. */
export interface QueueCalendars {
  timeZone: string;
  queues: { id: string; calendar: BusinessHours | null }[];
}

/** The workspace's time zone and calendar, read through the workspaces module. */
export interface WorkspaceCalendar {
  get(workspaceId: string): Promise<{ timeZone: string; businessHours: BusinessHours }>;
}

export interface Settings {
  channels: Record<string, { cost: number }>;
  missedOffersBeforeNotReady: number;
  presenceGraceSeconds: number;
  notReadyReasons: string[];
  /** Codes for closing wrap-up; empty accepts any. */
  dispositionCodes: string[];
  /** The workspace's skills; empty accepts any name. */
  skills: string[];
}

export type AgentRouting = Omit<AgentProfile, 'id'>;

const DEFAULT_SETTINGS: Settings = {
  channels: DEFAULT_CHANNELS,
  missedOffersBeforeNotReady: 3,
  presenceGraceSeconds: 60,
  notReadyReasons: ['break', 'lunch', 'training', 'meeting', 'back_office'],
  dispositionCodes: [],
  skills: [],
};

/** A 400 naming the first skill that is not in the workspace's list, if it keeps one. */
function checkSkills(known: string[], named: string[], path: string): void {
  if (known.length === 0) return;
  const unknown = named.find((skill) => !known.includes(skill));
  if (unknown !== undefined)
    throw new AppError('routing.unknown_skill', 400, `Unknown skill "${unknown}"`, [
      { path, message: 'unknown skill' },
    ]);
}

export function createRoutingConfigService(deps: {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  workspaces?: WorkspaceCalendar;
}) {
  const { db, clock, newId } = deps;

  async function settings(workspaceId: string): Promise<Settings> {
    const [row] = await db.select().from(routingSettings).where(eq(routingSettings.workspaceId, workspaceId));
    return row
      ? {
          channels: row.channels,
          missedOffersBeforeNotReady: row.missedOffersBeforeNotReady,
          presenceGraceSeconds: row.presenceGraceSeconds,
          notReadyReasons: row.notReadyReasons,
          dispositionCodes: row.dispositionCodes,
          skills: row.skills,
        }
      : DEFAULT_SETTINGS;
  }

  async function saveSettings(workspaceId: string, next: Settings): Promise<Settings> {
    const unknownChannel = Object.keys(next.channels).find((c) => !(c in DEFAULT_CHANNELS));
    if (unknownChannel)
      throw errors.badRequest('routing.unknown_channel', `Unknown channel "${unknownChannel}"`);
    // Queues and profiles already saved must stay valid under a new list of skills.
    for (const q of await listQueues(workspaceId)) {
      checkSkills(next.skills, skillsOfPolicy(q.policy), `/skills`);
    }
    const engine = engineConfig(next, await listQueues(workspaceId));
    try {
      validateConfig(engine);
    } catch (error) {
      throw new AppError(
        'routing.invalid_settings',
        400,
        (error as Error).message.replace(/^routing config: /, ''),
      );
    }
    const row = { workspaceId, ...next, updatedAt: clock.now() };
    await db
      .insert(routingSettings)
      .values(row)
      .onConflictDoUpdate({ target: routingSettings.workspaceId, set: row });
    return next;
  }

  async function listQueues(workspaceId: string): Promise<Queue[]> {
    const ws = scoped(db, workspaceId);
    return db
      .select({
        key: routingQueues.key,
        name: routingQueues.name,
        targets: routingQueues.targets,
        policy: routingQueues.policy,
        hours: routingQueues.hours,
      })
      .from(routingQueues)
      .where(ws.where(routingQueues))
      .orderBy(asc(routingQueues.key));
  }

  async function getQueue(workspaceId: string, key: string): Promise<Queue | null> {
    return (await listQueues(workspaceId)).find((q) => q.key === key) ?? null;
  }

  async function checkQueue(workspaceId: string, key: string): Promise<void> {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select({ key: routingQueues.key })
      .from(routingQueues)
      .where(ws.where(routingQueues, eq(routingQueues.key, key)));
    if (rows.length === 0)
      throw new AppError('routing.unknown_queue', 400, `Unknown queue "${key}"`, [
        { path: '/queueId', message: 'unknown queue' },
      ]);
  }

  /** Creates or replaces a queue after checking that the whole configuration stays valid. */
  async function saveQueue(
    workspaceId: string,
    queue: Omit<Queue, 'policy' | 'hours'> & {
      policy: Partial<Omit<QueuePolicy, 'id'>>;
      hours?: QueueHours | null;
    },
  ): Promise<Queue> {
    const hours = queue.hours ?? null;
    checkSkills((await settings(workspaceId)).skills, skillsOfPolicy(queue.policy), '/policy/requirements');
    if (hours?.calendar === 'custom') {
      const problems = calendarProblems(hours).map((p) => ({
        ...p,
        path: p.path.replace('/businessHours', '/hours'),
      }));
      if (problems.length > 0)
        throw new AppError(
          'routing.invalid_hours',
          400,
          'The queue’s business hours are not valid',
          problems,
        );
    }
    const { id: _id, ...policy } = queuePolicy(queue.key, queue.policy);
    const others = (await listQueues(workspaceId)).filter((q) => q.key !== queue.key);
    const config = engineConfig(await settings(workspaceId), [...others, { ...queue, policy, hours }]);
    try {
      validateConfig(config);
    } catch (error) {
      throw new AppError(
        'routing.invalid_queue',
        400,
        (error as Error).message.replace(/^routing config: /, ''),
      );
    }
    const now = clock.now();
    const ws = scoped(db, workspaceId);
    const existing = await db
      .select({ id: routingQueues.id })
      .from(routingQueues)
      .where(ws.where(routingQueues, eq(routingQueues.key, queue.key)));
    if (existing.length > 0) {
      await ws.update(
        routingQueues,
        { name: queue.name, targets: queue.targets, policy, hours, updatedAt: now },
        eq(routingQueues.key, queue.key),
      );
    } else {
      await ws.insert(routingQueues, {
        id: newId(),
        key: queue.key,
        name: queue.name,
        targets: queue.targets,
        policy,
        hours,
        createdAt: now,
        updatedAt: now,
      });
    }
    return { key: queue.key, name: queue.name, targets: queue.targets, policy, hours };
  }

  /** Workspaces that have routing queues: their engines run timers and calendars. */
  async function workspacesWithQueues(): Promise<string[]> {
    const rows = await db.selectDistinct({ id: routingQueues.workspaceId }).from(routingQueues);
    return rows.map((r) => r.id);
  }

  /** Each queue's calendar (null: always open) and the workspace's time zone. */
  async function calendars(workspaceId: string): Promise<QueueCalendars> {
    const queues = await listQueues(workspaceId);
    if (!deps.workspaces || queues.every((q) => !q.hours)) {
      return { timeZone: 'UTC', queues: queues.map((q) => ({ id: q.key, calendar: null })) };
    }
    const workspace = await deps.workspaces.get(workspaceId);
    return {
      timeZone: workspace.timeZone,
      queues: queues.map((q) => ({ id: q.key, calendar: calendarOf(q.hours, workspace.businessHours) })),
    };
  }

  async function config(workspaceId: string): Promise<EngineConfig> {
    return engineConfig(await settings(workspaceId), await listQueues(workspaceId));
  }

  async function agentProfile(workspaceId: string, userId: string): Promise<AgentProfile | null> {
    const [row] = await db
      .select()
      .from(routingAgents)
      .where(and(eq(routingAgents.workspaceId, workspaceId), eq(routingAgents.userId, userId)));
    return row
      ? {
          id: userId,
          skills: row.skills,
          languages: row.languages,
          channels: row.channels,
          capacity: row.capacity,
          teams: row.teams,
        }
      : null;
  }

  async function saveAgentProfile(
    workspaceId: string,
    userId: string,
    profile: AgentRouting,
  ): Promise<AgentProfile> {
    const unknownChannel = Object.keys(profile.channels).find((c) => !(c in DEFAULT_CHANNELS));
    if (unknownChannel)
      throw errors.badRequest('routing.unknown_channel', `Unknown channel "${unknownChannel}"`);
    checkSkills((await settings(workspaceId)).skills, Object.keys(profile.skills), '/skills');
    const now = clock.now();
    const row = {
      workspaceId,
      userId,
      ...profile,
      status: 'offline' as const,
      statusReason: null,
      statusSince: now,
      updatedAt: now,
    };
    await db
      .insert(routingAgents)
      .values(row)
      .onConflictDoUpdate({
        target: [routingAgents.workspaceId, routingAgents.userId],
        set: { ...profile, updatedAt: now },
      });
    return { id: userId, ...profile };
  }

  /** Every agent's routing profile, for the admin screens. */
  async function listAgentProfiles(workspaceId: string): Promise<AgentProfile[]> {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select({
        userId: routingAgents.userId,
        skills: routingAgents.skills,
        languages: routingAgents.languages,
        channels: routingAgents.channels,
        capacity: routingAgents.capacity,
        teams: routingAgents.teams,
      })
      .from(routingAgents)
      .where(ws.where(routingAgents))
      .orderBy(asc(routingAgents.userId));
    return rows.map(({ userId, ...rest }) => ({ id: userId, ...rest }));
  }

  return {
    settings,
    saveSettings,
    listAgentProfiles,
    listQueues,
    getQueue,
    checkQueue,
    saveQueue,
    config,
    calendars,
    workspacesWithQueues,
    agentProfile,
    saveAgentProfile,
  };
}

export type RoutingConfigService = ReturnType<typeof createRoutingConfigService>;

/** Every skill a policy names: its requirements and the skills its relaxation drops. */
function skillsOfPolicy(policy: Partial<Omit<QueuePolicy, 'id'>>): string[] {
  return [
    ...(policy.requirements ?? []).map((r) => r.skill),
    ...(policy.relaxation ?? []).flatMap((step) => step.dropSkills ?? []),
  ];
}

function engineConfig(settings: Settings, queues: Queue[]): EngineConfig {
  return {
    channels: settings.channels,
    queues: queues.map((q) => ({ ...q.policy, id: q.key })),
    missedOffersBeforeNotReady: settings.missedOffersBeforeNotReady,
    presenceGraceSeconds: settings.presenceGraceSeconds,
  };
}
