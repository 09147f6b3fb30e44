/**
 * Adherence of the agents on the published schedules: their `agent.status_changed` events from the
 * log against their shifts, for a day (the workspace's calendar) and, today, live up to now.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { type AgentAdherence, agentAdherence, type StatusChange } from './adherence.ts';
import type { AgentsService } from './agents-service.ts';
import { localEpoch } from './event-history.ts';
import type { RosterService } from './roster-service.ts';
import type { RosterShift } from './roster-types.ts';
import { DAY_MS } from './series.ts';

export interface AdherenceDay {
  day: number;
  /** Local epoch ms of the figures' end: now for today, the day's end for a past day. */
  until: number;
  live: boolean;
  agents: (AgentAdherence & { agentId: string; name: string; shifts: RosterShift[] })[];
}

export function createAdherenceService(deps: {
  db: Db;
  clock: Clock;
  rosters: RosterService;
  agents: AgentsService;
  timeZoneOf(workspaceId: string): Promise<string>;
}) {
  const { db, clock, rosters, agents } = deps;

  /**
   * The agents' status changes that matter for [from, to): the last before `from` and those after,
   * with their times moved to the workspace's wall clock.
   */
  async function changes(
    workspaceId: string,
    agentIds: string[],
    fromUtc: Date,
    toUtc: Date,
    toLocal: (ms: number) => number,
  ): Promise<Map<string, StatusChange[]>> {
    const out = new Map<string, StatusChange[]>(agentIds.map((id) => [id, []]));
    if (agentIds.length === 0) return out;
    const ids = sql.join(
      agentIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await queryRows<{ agent: string; at: Date | string; status: string; reason: string | null }>(
      db,
      sql`(select distinct on (subject_id) subject_id::text as agent, at, payload->>'status' as status,
                  payload->>'reason' as reason
             from events
            where workspace_id = ${workspaceId} and type = 'agent.status_changed'
              and subject_id in (${ids}) and at < ${fromUtc.toISOString()}
            order by subject_id, id desc)
          union all
          (select subject_id::text, at, payload->>'status', payload->>'reason'
             from events
            where workspace_id = ${workspaceId} and type = 'agent.status_changed'
              and subject_id in (${ids}) and at >= ${fromUtc.toISOString()} and at < ${toUtc.toISOString()}
            order by id)`,
    );
    for (const r of rows) {
      out.get(r.agent)?.push({ at: toLocal(new Date(r.at).getTime()), status: r.status, reason: r.reason });
    }
    return out;
  }

  /**
   * A day's adherence per scheduled agent; today's runs until now and says who is out of adherence.
   * @example await adherence.day(ws, '2026-03-02') // { live: true, agents: [{ name, adherence: 0.93, current }] }
   */
  async function day(
    workspaceId: string,
    dayNumber?: number,
    minExceptionMinutes = 5,
  ): Promise<AdherenceDay> {
    const toLocal = localEpoch(await deps.timeZoneOf(workspaceId));
    const nowUtc = clock.now().getTime();
    const now = toLocal(nowUtc);
    const today = Math.floor(now / DAY_MS);
    const d = dayNumber ?? today;
    const from = d * DAY_MS;
    const until = Math.max(from, Math.min(from + DAY_MS, now));
    const shifts = await rosters.publishedShifts(workspaceId, from, from + DAY_MS);
    const ids = [...new Set(shifts.map((s) => s.agentId))];
    // Local to UTC by today's offset, widened by a day each side; times are then placed exactly.
    const offset = now - nowUtc;
    const found = await changes(
      workspaceId,
      ids,
      new Date(from - offset - DAY_MS),
      new Date(until - offset + DAY_MS),
      toLocal,
    );
    const names = await agents.names(workspaceId, ids);
    const rows = ids.map((agentId) => {
      const mine = shifts.filter((s) => s.agentId === agentId);
      const figures = agentAdherence({
        shifts: mine,
        changes: (found.get(agentId) ?? []).filter((c) => c.at < until),
        from,
        to: until,
        minExceptionMinutes,
      });
      return { agentId, name: names.get(agentId)!, shifts: mine, ...figures };
    });
    rows.sort((a, b) => a.name.localeCompare(b.name));
    return { day: d, until, live: d === today, agents: rows };
  }

  return { day };
}

export type AdherenceService = ReturnType<typeof createAdherenceService>;
