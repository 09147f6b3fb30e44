/**
 * Quality figures over time: evaluations (calibration scores left out) by day, week or month of their
 * date in the workspace's time zone, and by agent, team, queue or evaluator: how many, the average
 * score, critical failures, disputes.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { errors } from '../../platform/errors.ts';
import { periodSql } from './report-sql.ts';

export interface QualityReportRequest {
  from: string;
  to: string;
  grain: 'day' | 'week' | 'month';
  by: 'total' | 'agent' | 'team' | 'queue' | 'evaluator';
  agentId?: string;
}

export interface QualityRow {
  period: string;
  key: string;
  evaluations: number;
  averageScore: number | null;
  criticalFailures: number;
  disputed: number;
}

export interface QualityReportDeps {
  db: Db;
  timeZoneOf(workspaceId: string): Promise<string>;
  teamsOf(workspaceId: string, agentId: string): Promise<string[]>;
}

const COLUMN = {
  total: `''`,
  agent: `coalesce(agent_id::text, '')`,
  team: `coalesce(agent_id::text, '')`,
  queue: `coalesce(queue_id, '')`,
  evaluator: 'evaluator_id::text',
} as const;

interface Sums {
  count: number;
  sum: number;
  critical: number;
  disputed: number;
}

export function createQualityReport(deps: QualityReportDeps) {
  /**
   * @example await quality.report(ws, { from: '2026-11-01', to: '2026-11-30', grain: 'week', by: 'agent' });
   */
  async function report(workspaceId: string, r: QualityReportRequest) {
    const from = Date.parse(`${r.from}T00:00:00Z`);
    const to = Date.parse(`${r.to}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to) || to < from)
      throw errors.badRequest('analytics.invalid_range', 'from and to must be dates, to not before from');
    if ((to - from) / 86_400_000 > 800)
      throw errors.badRequest('analytics.range_too_long', 'A quality report covers at most 800 days');
    const timeZone = await deps.timeZoneOf(workspaceId);
    const rows = await queryRows<{
      period: string;
      key: string;
      n: string;
      total: number;
      critical: string;
      disputed: string;
    }>(
      deps.db,
      sql`select ${periodSql(sql.raw('created_at'), { grain: r.grain, intervalMinutes: 15, timeZone })} as period,
          ${sql.raw(COLUMN[r.by])} as key, count(*) as n, sum(score) as total,
          count(*) filter (where critical_failed) as critical,
          count(*) filter (where status in ('disputed', 'resolved')) as disputed
        from quality_evaluations
        where workspace_id = ${workspaceId} and calibration_id is null
          and created_at >= (${r.from}::date::timestamp at time zone ${timeZone})
          and created_at < ((${r.to}::date + 1)::timestamp at time zone ${timeZone})
          ${r.agentId ? sql`and agent_id = ${r.agentId}::uuid` : sql``}
        group by 1, 2`,
    );
    const groups = new Map<string, Sums>();
    const add = (period: string, key: string, s: Sums) => {
      const k = `${period}\u0000${key}`;
      const g = groups.get(k) ?? { count: 0, sum: 0, critical: 0, disputed: 0 };
      g.count += s.count;
      g.sum += s.sum;
      g.critical += s.critical;
      g.disputed += s.disputed;
      groups.set(k, g);
    };
    for (const row of rows) {
      const s = {
        count: Number(row.n),
        sum: Number(row.total),
        critical: Number(row.critical),
        disputed: Number(row.disputed),
      };
      const keys = r.by === 'team' ? (row.key ? await deps.teamsOf(workspaceId, row.key) : []) : [row.key];
      for (const key of keys.length > 0 ? keys : ['']) {
        add(row.period, key, s);
        add('total', key, s);
      }
    }
    const out = [...groups].map(([k, g]): QualityRow => {
      const [period, key] = k.split('\u0000') as [string, string];
      return {
        period,
        key,
        evaluations: g.count,
        averageScore: g.count === 0 ? null : Math.round((10 * g.sum) / g.count) / 10,
        criticalFailures: g.critical,
        disputed: g.disputed,
      };
    });
    const rowsOut = out.filter((x) => x.period !== 'total');
    rowsOut.sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key));
    const totals = out.filter((x) => x.period === 'total').sort((a, b) => a.key.localeCompare(b.key));
    return { timeZone, rows: rowsOut, totals };
  }

  return { report };
}

export type QualityReport = ReturnType<typeof createQualityReport>;
