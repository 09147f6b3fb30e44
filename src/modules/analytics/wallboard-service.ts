/**
 * The wallboard's snapshot: live queue state from routing, today's figures per queue from the read
 * model, agents' states with their current work, and each tile's level against the queue's thresholds.
 * The screen fetches it again whenever the realtime hub brings an event.
 */
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { InteractionService } from '../interactions/index.ts';
import type { Routing } from '../routing/index.ts';
import type { AgentState } from './metrics/agent-time.ts';
import { emptyTally, figures } from './metrics/measures.ts';
import { periodOf } from './metrics/periods.ts';
import {
  checkThreshold,
  type Level,
  levelOf,
  type Threshold,
  type WatchedMetric,
} from './metrics/thresholds.ts';
import type { ReportsService } from './reports-service.ts';
import { analyticsThresholds } from './schema.ts';

export interface WallboardDeps {
  db: Db;
  clock: Clock;
  reports: ReportsService;
  routing: Pick<Routing['service'], 'queueStats' | 'agents'>;
  interactions: Pick<InteractionService, 'list'>;
  timeZoneOf(workspaceId: string): Promise<string>;
}

export function createWallboardService(deps: WallboardDeps) {
  async function thresholds(workspaceId: string): Promise<Map<string, Threshold[]>> {
    const rows = await deps.db
      .select()
      .from(analyticsThresholds)
      .where(scoped(deps.db, workspaceId).where(analyticsThresholds));
    const out = new Map<string, Threshold[]>();
    for (const r of rows) {
      out.set(r.queueId, [
        ...(out.get(r.queueId) ?? []),
        { metric: r.metric as WatchedMetric, amber: r.amber, red: r.red },
      ]);
    }
    return out;
  }

  /** Replaces a queue's thresholds. */
  async function saveThresholds(workspaceId: string, queueId: string, list: Threshold[]) {
    const problems = list.map(checkThreshold).filter((p): p is string => p !== null);
    if (problems.length > 0) throw errors.badRequest('analytics.invalid_threshold', problems.join('; '));
    if (new Set(list.map((t) => t.metric)).size !== list.length)
      throw errors.badRequest('analytics.invalid_threshold', 'One threshold per metric');
    const known = await deps.routing.queueStats(workspaceId);
    if (!known.some((q) => q.queueId === queueId)) throw errors.notFound('Queue');
    await deps.db.transaction(async (tx) => {
      await tx
        .delete(analyticsThresholds)
        .where(
          and(eq(analyticsThresholds.workspaceId, workspaceId), eq(analyticsThresholds.queueId, queueId)),
        );
      if (list.length > 0)
        await tx.insert(analyticsThresholds).values(list.map((t) => ({ workspaceId, queueId, ...t })));
    });
    return { queueId, thresholds: list };
  }

  async function snapshot(workspaceId: string) {
    const now = deps.clock.now();
    const today = periodOf(now.getTime(), 'day', await deps.timeZoneOf(workspaceId));
    const [queues, agents, limits, figuresToday, live] = await Promise.all([
      deps.routing.queueStats(workspaceId),
      deps.routing.agents(workspaceId),
      thresholds(workspaceId),
      deps.reports.report(workspaceId, { from: today, to: today, grain: 'day', by: 'queue', catchUp: false }),
      deps.interactions.list(
        workspaceId,
        { limit: 200, after: null },
        { state: ['offered', 'active', 'wrap_up'] },
      ),
    ]);
    const todayByQueue = new Map(figuresToday.totals.map((r) => [r.key, r]));
    const empty = figures(emptyTally());
    const queueTiles = queues.map((q) => {
      const f = todayByQueue.get(q.queueId) ?? { ...empty, period: 'total', key: q.queueId };
      const longestWaitSeconds = q.oldestArrivedAt
        ? Math.max(0, Math.round((now.getTime() - Date.parse(q.oldestArrivedAt)) / 1000))
        : 0;
      const values: Record<WatchedMetric, number | null> = {
        waiting: q.waiting,
        longestWaitSeconds,
        serviceLevel: f.serviceLevel,
        asaSeconds: f.asaSeconds,
        abandonRate: f.abandonRate,
      };
      const own = limits.get(q.queueId) ?? [];
      const levels = Object.fromEntries(
        (Object.keys(values) as WatchedMetric[]).map((m) => [
          m,
          levelOf(
            m,
            values[m],
            own.find((t) => t.metric === m),
          ),
        ]),
      ) as Record<WatchedMetric, Level>;
      return {
        queueId: q.queueId,
        name: q.name,
        waiting: q.waiting,
        ringing: q.offered,
        longestWaitSeconds,
        offered: f.offered,
        answered: f.answered,
        abandoned: f.abandoned,
        serviceLevel: f.serviceLevel,
        asaSeconds: f.asaSeconds,
        abandonRate: f.abandonRate,
        levels,
        thresholds: own,
      };
    });
    const work = new Map<string, { id: string; channel: string; state: string; queueId: string | null }[]>();
    for (const i of live.items) {
      if (!i.agentId) continue;
      work.set(i.agentId, [
        ...(work.get(i.agentId) ?? []),
        { id: i.id, channel: i.channel, state: i.state, queueId: i.queueId },
      ]);
    }
    const agentTiles = agents.map((a) => {
      const current = work.get(a.userId) ?? [];
      // Work in hand says more than the stored presence: an agent on a contact is busy.
      const status: AgentState =
        a.status === 'offline'
          ? 'offline'
          : current.some((w) => w.state === 'active')
            ? 'busy'
            : current.some((w) => w.state === 'wrap_up')
              ? 'wrap_up'
              : (a.status as AgentState);
      const sinceSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(a.since)) / 1000));
      return {
        agentId: a.userId,
        status,
        reason: a.reason,
        since: a.since,
        sinceSeconds,
        interactions: current,
      };
    });
    const count = (s: string) => agentTiles.filter((a) => a.status === s).length;
    return {
      at: now.toISOString(),
      queues: queueTiles,
      agents: agentTiles,
      agentCounts: {
        available: count('available'),
        busy: count('busy'),
        wrapUp: count('wrap_up'),
        notReady: count('not_ready'),
      },
    };
  }

  return { snapshot, thresholds, saveThresholds };
}

export type WallboardService = ReturnType<typeof createWallboardService>;
