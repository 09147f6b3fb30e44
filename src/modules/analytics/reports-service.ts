/** Reports: tallies from the read model, turned into figures by the pure definitions. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { errors } from '../../platform/errors.ts';
import {
  addTally,
  DEFAULT_OPTIONS,
  emptyTally,
  type Figures,
  figures,
  type Tally,
} from './metrics/measures.ts';
import type { Grain } from './metrics/periods.ts';
import type { Projector } from './projector.ts';
import {
  agentDayTalliesReportSql,
  agentTimeReportSql,
  contactsReportSql,
  type Dimension,
  dayTalliesReportSql,
  type ReportQuery,
  talliesReportSql,
} from './report-sql.ts';

export type ReportDimension = Dimension | 'team';

export interface ReportRequest {
  from: string;
  to: string;
  grain: Grain;
  by: ReportDimension;
  intervalMinutes?: number;
  targetSeconds?: number;
  shortAbandonSeconds?: number;
  queueId?: string;
  channel?: string;
  agentId?: string;
  /**
   * Catch the read model up with the log first (default). The wallboard skips it: the projector
   * follows the log on its own, and the wallboard must answer at once.
   */
  catchUp?: boolean;
}

export interface ReportRow extends Figures {
  period: string;
  key: string;
}

export interface Report {
  timeZone: string;
  rows: ReportRow[];
  /** Per key over the whole range (and `key: ''` for the grand total, period `total`). */
  totals: ReportRow[];
}

export interface ReportDeps {
  db: Db;
  projector: Projector;
  timeZoneOf(workspaceId: string): Promise<string>;
  /** Teams an agent belongs to (routing profile); an agent in two teams counts in both. */
  teamsOf(workspaceId: string, agentId: string): Promise<string[]>;
}

const MAX_DAYS = { interval: 7, day: 400, week: 800, month: 1200 } as const;

type Num = string | number;
const n = (v: Num | null | undefined) => Number(v ?? 0);

function toTally(r: Record<string, Num>): Tally {
  const t = emptyTally();
  t.offered = n(r.offered);
  t.answered = n(r.answered);
  t.abandoned = n(r.abandoned);
  t.shortAbandoned = n(r.short_abandoned);
  t.answeredInTarget = n(r.answered_in_target);
  t.waitMs = n(r.wait_ms);
  t.abandonWaitMs = n(r.abandon_wait_ms);
  t.handled = n(r.handled);
  t.talkMs = n(r.talk_ms);
  t.wrapUpMs = n(r.wrap_up_ms);
  t.transfers = n(r.transfers);
  t.replied = n(r.replied);
  t.firstReplyMs = n(r.first_reply_ms);
  t.resolved = n(r.resolved);
  t.resolutionMs = n(r.resolution_ms);
  t.csatCount = n(r.csat_count);
  t.csatSum = n(r.csat_sum);
  t.csatSatisfied = n(r.csat_satisfied);
  t.availableMs = n(r.available_ms);
  t.busyMs = n(r.busy_ms);
  t.afterWorkMs = n(r.after_work_ms);
  t.notReadyMs = n(r.not_ready_ms);
  return t;
}

function checkRange(request: ReportRequest): void {
  const from = Date.parse(`${request.from}T00:00:00Z`);
  const to = Date.parse(`${request.to}T00:00:00Z`);
  const real = (ms: number, text: string) =>
    !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
  if (!real(from, request.from) || !real(to, request.to))
    throw errors.badRequest('analytics.invalid_range', 'from and to must be dates (YYYY-MM-DD)');
  if (to < from) throw errors.badRequest('analytics.invalid_range', 'to must not be before from');
  const days = (to - from) / 86_400_000 + 1;
  if (days > MAX_DAYS[request.grain])
    throw errors.badRequest(
      'analytics.range_too_long',
      `A report by ${request.grain} covers at most ${MAX_DAYS[request.grain]} days`,
    );
}

export function createReportsService(deps: ReportDeps) {
  /** The time zone the workspace's day tallies are kept in (null before the first catch-up). */
  async function dayTalliesIn(workspaceId: string): Promise<string | null> {
    const [row] = await queryRows<{ day_time_zone: string | null }>(
      deps.db,
      sql`select day_time_zone from analytics_cursors where workspace_id = ${workspaceId}`,
    );
    return row?.day_time_zone ?? null;
  }

  /** Tallies by period and key, grouped in SQL. */
  async function tallies(workspaceId: string, request: ReportRequest): Promise<Map<string, Tally>> {
    checkRange(request);
    // What committed before the request is in the report: wait briefly for it to settle.
    if (request.catchUp !== false) await deps.projector.catchUp(workspaceId, { settleMs: 5000 });
    const timeZone = await deps.timeZoneOf(workspaceId);
    const sqlBy: Dimension = request.by === 'team' ? 'agent' : request.by;
    const query: ReportQuery = {
      workspaceId,
      timeZone,
      from: request.from,
      to: request.to,
      grain: request.grain,
      intervalMinutes: request.intervalMinutes ?? 15,
      by: sqlBy,
      targetSeconds: request.targetSeconds ?? DEFAULT_OPTIONS.targetSeconds,
      shortAbandonSeconds: request.shortAbandonSeconds ?? DEFAULT_OPTIONS.shortAbandonSeconds,
      filter: { queueId: request.queueId, channel: request.channel, agentId: request.agentId },
    };
    const out = new Map<string, Tally>();
    const add = (period: string, key: string, t: Tally) => {
      const k = `${period}\u0000${key}`;
      out.set(k, addTally(out.get(k) ?? emptyTally(), t));
    };
    // The tallies hold every contact figure with the default thresholds: by queue and channel per
    // interval and day, by agent per day. Anything else (agents by interval, agents within a queue or
    // channel, other thresholds) reads the contacts.
    const defaults =
      query.targetSeconds === DEFAULT_OPTIONS.targetSeconds &&
      query.shortAbandonSeconds === DEFAULT_OPTIONS.shortAbandonSeconds;
    const byDay = query.grain !== 'interval' && (await dayTalliesIn(workspaceId)) === timeZone;
    const agentOnly = sqlBy === 'agent' || (sqlBy === 'total' && query.filter?.agentId);
    const source = !defaults
      ? contactsReportSql(query)
      : agentOnly
        ? byDay && !query.filter?.queueId && !query.filter?.channel
          ? agentDayTalliesReportSql(query)
          : contactsReportSql(query)
        : query.filter?.agentId
          ? contactsReportSql(query)
          : byDay
            ? dayTalliesReportSql(query)
            : talliesReportSql(query);
    const contactRows = await queryRows<Record<string, Num>>(deps.db, source);
    // Agent time has no queue or channel: it joins the totals and the agents' rows only.
    const agentRows =
      sqlBy === 'total' || sqlBy === 'agent'
        ? await queryRows<Record<string, Num>>(deps.db, agentTimeReportSql(query))
        : [];
    for (const r of [...contactRows, ...agentRows]) add(String(r.period), String(r.key), toTally(r));
    if (request.by !== 'team') return out;
    const teams = new Map<string, string[]>();
    const byTeam = new Map<string, Tally>();
    for (const [k, t] of out) {
      const [period, agentId] = k.split('\u0000') as [string, string];
      if (!teams.has(agentId)) teams.set(agentId, agentId ? await deps.teamsOf(workspaceId, agentId) : []);
      const list = teams.get(agentId)!;
      for (const team of list.length > 0 ? list : ['']) {
        const key = `${period}\u0000${team}`;
        byTeam.set(key, addTally(byTeam.get(key) ?? emptyTally(), t));
      }
    }
    return byTeam;
  }

  /**
   * A report: figures per period and key, totals per key and overall.
   * @example await reports.report(ws, { from: '2026-01-01', to: '2026-01-31', grain: 'day', by: 'queue' });
   */
  async function report(workspaceId: string, request: ReportRequest): Promise<Report> {
    const groups = await tallies(workspaceId, request);
    const rows: ReportRow[] = [];
    const byKey = new Map<string, Tally>();
    const all = emptyTally();
    for (const [k, t] of groups) {
      const [period, key] = k.split('\u0000') as [string, string];
      rows.push({ period, key, ...figures(t) });
      byKey.set(key, addTally(byKey.get(key) ?? emptyTally(), t));
      addTally(all, t);
    }
    rows.sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key));
    const totals = [...byKey].map(([key, t]) => ({ period: 'total', key, ...figures(t) }));
    totals.sort((a, b) => a.key.localeCompare(b.key));
    if (request.by !== 'total') totals.push({ period: 'total', key: '', ...figures(all) });
    return { timeZone: await deps.timeZoneOf(workspaceId), rows, totals };
  }

  return { report, tallies };
}

export type ReportsService = ReturnType<typeof createReportsService>;
