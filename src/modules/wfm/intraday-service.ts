/** Intraday for a published plan: today's actuals from the event log, the re-forecast and the alerts. */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import { localEpoch } from './event-history.ts';
import type { HistoryService } from './history-service.ts';
import { type IntradayResult, intraday } from './intraday.ts';
import type { PlanService } from './plan-service.ts';
import { DAY_MS } from './series.ts';

export function createIntradayService(deps: {
  db: Db;
  clock: Clock;
  plans: PlanService;
  history: HistoryService;
}) {
  const { db, clock, plans, history } = deps;

  /** Agents whose latest routing state is anything but offline: the workspace's agents on duty now. */
  async function agentsOnDuty(workspaceId: string): Promise<number> {
    const rows = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from (
            select distinct on (subject_id) payload->>'status' as status
            from events
            where workspace_id = ${workspaceId} and type = 'agent.status_changed'
            order by subject_id, id desc) latest
          where status <> 'offline'`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Today (the workspace's calendar) of a plan.
   * @example const { factor, alerts } = await intradayService.today(ws, planId);
   */
  async function today(
    workspaceId: string,
    planId: string,
  ): Promise<IntradayResult & { now: number; agentsOnDuty: number }> {
    const plan = await plans.get(workspaceId, planId);
    if (plan.settings.work === 'deferrable') {
      throw new AppError(
        'wfm.not_simulable',
        422,
        'intraday follows queue plans; deferrable work has no queue',
      );
    }
    const instant = clock.now();
    const now = localEpoch(await history.timeZoneOf(workspaceId))(instant.getTime());
    const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
    const intervals = plan.intervals.filter((p) => p.start >= dayStart && p.start < dayStart + DAY_MS);
    if (intervals.length === 0) {
      throw new AppError(
        'wfm.not_today',
        422,
        `the plan has no interval today (${new Date(dayStart).toISOString().slice(0, 10)})`,
      );
    }
    // Contacts that arrived since the local midnight (a day back in UTC is enough to cover every zone).
    const since = new Date(instant.getTime() - (now - dayStart) - 60_000);
    const actuals = await history.actualsSince(
      workspaceId,
      { queueKey: plan.queueKey, channel: plan.channel, intervalMinutes: plan.intervalMinutes },
      since,
    );
    const onDuty = await agentsOnDuty(workspaceId);
    const result = intraday({
      intervals,
      actuals,
      now,
      agentsOnDuty: onDuty,
      intervalMinutes: plan.intervalMinutes,
      settings: plan.settings,
    });
    return { ...result, now, agentsOnDuty: onDuty };
  }

  return { today };
}

export type IntradayService = ReturnType<typeof createIntradayService>;
