/** Routing configuration kept in tables: workspace settings, queues and agents' routing profiles. */
import { and, asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import {
  type AgentProfile,
  type EngineConfig,
  type QueuePolicy,
  queuePolicy,
  validateConfig,
} from './core/index.ts';
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
}

export interface Settings {
  channels: Record<string, { cost: number }>;
  missedOffersBeforeNotReady: number;
  presenceGraceSeconds: number;
  notReadyReasons: string[];
}

export type AgentRouting = Omit<AgentProfile, 'id'>;

const DEFAULT_SETTINGS: Settings = {
  channels: DEFAULT_CHANNELS,
  missedOffersBeforeNotReady: 3,
  presenceGraceSeconds: 60,
  notReadyReasons: ['break', 'lunch', 'training', 'meeting', 'back_office'],
};

export function createRoutingConfigService(deps: { db: Db; clock: Clock; newId: IdGenerator }) {
  const { db, clock, newId } = deps;

  async function settings(workspaceId: string): Promise<Settings> {
    const [row] = await db.select().from(routingSettings).where(eq(routingSettings.workspaceId, workspaceId));
    return row
      ? {
          channels: row.channels,
          missedOffersBeforeNotReady: row.missedOffersBeforeNotReady,
          presenceGraceSeconds: row.presenceGraceSeconds,
          notReadyReasons: row.notReadyReasons,
        }
      : DEFAULT_SETTINGS;
  }

  async function saveSettings(workspaceId: string, next: Settings): Promise<Settings> {
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
    queue: Omit<Queue, 'policy'> & { policy: Partial<Omit<QueuePolicy, 'id'>> },
  ): Promise<Queue> {
    const { id: _id, ...policy } = queuePolicy(queue.key, queue.policy);
    const others = (await listQueues(workspaceId)).filter((q) => q.key !== queue.key);
    const config = engineConfig(await settings(workspaceId), [...others, { ...queue, policy }]);
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
        { name: queue.name, targets: queue.targets, policy, updatedAt: now },
        eq(routingQueues.key, queue.key),
      );
    } else {
      await ws.insert(routingQueues, {
        id: newId(),
        key: queue.key,
        name: queue.name,
        targets: queue.targets,
        policy,
        createdAt: now,
        updatedAt: now,
      });
    }
    return { key: queue.key, name: queue.name, targets: queue.targets, policy };
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

  return {
    settings,
    saveSettings,
    listQueues,
    getQueue,
    checkQueue,
    saveQueue,
    config,
    agentProfile,
    saveAgentProfile,
  };
}

export type RoutingConfigService = ReturnType<typeof createRoutingConfigService>;

function engineConfig(settings: Settings, queues: Queue[]): EngineConfig {
  return {
    channels: settings.channels,
    queues: queues.map((q) => ({ ...q.policy, id: q.key })),
    missedOffersBeforeNotReady: settings.missedOffersBeforeNotReady,
    presenceGraceSeconds: settings.presenceGraceSeconds,
  };
}
