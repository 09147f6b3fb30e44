/**
 * The report query over the read model: additive tallies grouped by period and dimension, in the
 * workspace's time zone. Each sum mirrors `contactTally` in `metrics/measures.ts` (the correctness and
 * property tests compare the two).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Grain } from './metrics/periods.ts';
import { TALLY_COLUMNS } from './tally-store.ts';

const TALLY_SQL_COLUMNS = TALLY_COLUMNS.map(([c]) => c);

export type Dimension = 'total' | 'queue' | 'channel' | 'agent';

export interface ReportQuery {
  workspaceId: string;
  timeZone: string;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  grain: Grain;
  intervalMinutes: number;
  by: Dimension;
  targetSeconds: number;
  shortAbandonSeconds: number;
  /** Only contacts of this queue, channel or agent. */
  filter?: { queueId?: string; channel?: string; agentId?: string };
}

/** A period's local start as text, in the labels of `metrics/periods.ts`. */
export function periodSql(column: SQL, q: Pick<ReportQuery, 'grain' | 'intervalMinutes' | 'timeZone'>): SQL {
  const local = sql`(${column} at time zone ${q.timeZone})`;
  switch (q.grain) {
    case 'interval':
      return sql`to_char(date_trunc('hour', ${local}) + floor(extract(minute from ${local}) / ${sql.raw(String(Math.trunc(q.intervalMinutes)))}) * ${sql.raw(String(Math.trunc(q.intervalMinutes)))} * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI')`;
    case 'day':
      return sql`to_char(${local}, 'YYYY-MM-DD')`;
    case 'week':
      return sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(${local}, 'YYYY-MM')`;
  }
}

const dimension = (by: Dimension, prefix: string): SQL =>
  by === 'queue'
    ? sql.raw(`coalesce(${prefix}queue_id, '')`)
    : by === 'channel'
      ? sql.raw(`coalesce(${prefix}channel, '')`)
      : by === 'agent'
        ? sql.raw(`coalesce(${prefix}agent_id::text, '')`)
        : sql.raw(`''`);

const span = (from: string, to: string) =>
  sql.raw(`greatest(0, round(extract(epoch from (${to} - ${from})) * 1000))`);

/** The UTC bounds of local dates `from` (start) and `to` (end, inclusive). */
const bounds = (q: ReportQuery) => ({
  start: sql`(${q.from}::date::timestamp at time zone ${q.timeZone})`,
  end: sql`((${q.to}::date + 1)::timestamp at time zone ${q.timeZone})`,
});

/**
 * The tally sums of contact rows (columns of `analytics_contacts`), as a select list named like the tally
 * columns: what `contactTally` adds up, with these thresholds.
 */
export function contactTallySums(q: Pick<ReportQuery, 'targetSeconds' | 'shortAbandonSeconds'>): SQL {
  const target = q.targetSeconds * 1000;
  const short = q.shortAbandonSeconds * 1000;
  const wait = span('arrived_at', 'answered_at');
  const abandonWait = span('arrived_at', 'abandoned_at');
  const answered = sql.raw('answered_at is not null');
  const abandoned = sql.raw('answered_at is null and abandoned_at is not null');
  const handled = sql.raw('answered_at is not null and talk_ended_at is not null and closed_at is not null');
  return sql`count(*) as offered,
      count(*) filter (where ${answered}) as answered,
      count(*) filter (where ${abandoned}) as abandoned,
      count(*) filter (where ${abandoned} and ${abandonWait} < ${short}) as short_abandoned,
      count(*) filter (where ${answered} and ${wait} <= ${target}) as answered_in_target,
      coalesce(sum(${wait}) filter (where ${answered}), 0) as wait_ms,
      coalesce(sum(${abandonWait}) filter (where ${abandoned}), 0) as abandon_wait_ms,
      count(*) filter (where ${handled}) as handled,
      coalesce(sum(${span('answered_at', 'talk_ended_at')}) filter (where ${handled}), 0) as talk_ms,
      coalesce(sum(${span('talk_ended_at', 'closed_at')}) filter (where ${handled}), 0) as wrap_up_ms,
      coalesce(sum(transfers), 0) as transfers,
      count(first_reply_at) as replied,
      coalesce(sum(${span('arrived_at', 'first_reply_at')}), 0) as first_reply_ms,
      count(*) filter (where closed_at is not null and ${answered}) as resolved,
      coalesce(sum(${span('arrived_at', 'closed_at')}) filter (where ${answered}), 0) as resolution_ms,
      count(csat) as csat_count,
      coalesce(sum(csat), 0) as csat_sum,
      count(*) filter (where csat >= 4) as csat_satisfied`;
}

/** Contacts' tallies by period and dimension. */
export function contactsReportSql(q: ReportQuery): SQL {
  const { start, end } = bounds(q);
  return sql`
    select ${periodSql(sql.raw('arrived_at'), q)} as period, ${dimension(q.by, '')} as key,
      ${contactTallySums(q)}
    from analytics_contacts
    where workspace_id = ${q.workspaceId} and arrived_at >= ${start} and arrived_at < ${end}
      ${q.filter?.queueId ? sql`and queue_id = ${q.filter.queueId}` : sql``}
      ${q.filter?.channel ? sql`and channel = ${q.filter.channel}` : sql``}
      ${q.filter?.agentId ? sql`and agent_id = ${q.filter.agentId}::uuid` : sql``}
    group by 1, 2`;
}

/** Agents' time by state, by period and agent (the queue and channel of agent time are unknown: total). */
export function agentTimeReportSql(q: ReportQuery): SQL {
  const { start, end } = bounds(q);
  return sql`
    select ${periodSql(sql.raw('interval_start'), q)} as period,
      ${q.by === 'agent' ? sql.raw('agent_id::text') : sql.raw(`''`)} as key,
      coalesce(sum(ms) filter (where state = 'available'), 0) as available_ms,
      coalesce(sum(ms) filter (where state = 'busy'), 0) as busy_ms,
      coalesce(sum(ms) filter (where state = 'wrap_up'), 0) as after_work_ms,
      coalesce(sum(ms) filter (where state = 'not_ready'), 0) as not_ready_ms
    from analytics_agent_time
    where workspace_id = ${q.workspaceId} and interval_start >= ${start} and interval_start < ${end}
      ${q.filter?.agentId ? sql`and agent_id = ${q.filter.agentId}::uuid` : sql``}
    group by 1, 2`;
}

/**
 * The same tallies as `contactsReportSql`, read from the interval tallies (default target and short
 * abandon only; no agent). Periods are labelled once per interval, not once per contact.
 */
export function talliesReportSql(q: ReportQuery): SQL {
  const { start, end } = bounds(q);
  const sums = sql.raw(TALLY_SQL_COLUMNS.map((c) => `coalesce(sum(${c}), 0) as ${c}`).join(', '));
  const outer = sql.raw(TALLY_SQL_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', '));
  return sql`
    with t as (
      select interval_start, ${dimension(q.by, '')} as key, ${sums}
      from analytics_tallies
      where workspace_id = ${q.workspaceId} and interval_start >= ${start} and interval_start < ${end}
        ${q.filter?.queueId ? sql`and queue_id = ${q.filter.queueId}` : sql``}
        ${q.filter?.channel ? sql`and channel = ${q.filter.channel}` : sql``}
      group by 1, 2
    )
    select ${periodSql(sql.raw('interval_start'), q)} as period, key, ${outer}
    from t group by 1, 2 having sum(offered) <> 0`;
}

const daySums = sql.raw(TALLY_SQL_COLUMNS.map((c) => `coalesce(sum(${c}), 0) as ${c}`).join(', '));

const dayPeriod = (q: ReportQuery) =>
  q.grain === 'month'
    ? sql.raw(`to_char(day, 'YYYY-MM')`)
    : q.grain === 'week'
      ? sql.raw(`to_char(date_trunc('week', day), 'YYYY-MM-DD')`)
      : sql.raw(`to_char(day, 'YYYY-MM-DD')`);

/**
 * The same tallies from the day tallies (local days of the time zone they were kept in, which the
 * caller checks is the report's): for days, weeks and months.
 */
export function dayTalliesReportSql(q: ReportQuery): SQL {
  return sql`
    select ${dayPeriod(q)} as period, ${dimension(q.by, '')} as key, ${daySums}
    from analytics_day_tallies
    where workspace_id = ${q.workspaceId} and day >= ${q.from}::date and day <= ${q.to}::date
      ${q.filter?.queueId ? sql`and queue_id = ${q.filter.queueId}` : sql``}
      ${q.filter?.channel ? sql`and channel = ${q.filter.channel}` : sql``}
    group by 1, 2 having sum(offered) <> 0`;
}

/**
 * The same tallies by agent (or in total, for one agent) from the agent-day tallies, in the time zone
 * they were kept in (the caller checks it is the report's); no queue or channel filter.
 */
export function agentDayTalliesReportSql(q: ReportQuery): SQL {
  return sql`
    select ${dayPeriod(q)} as period, ${q.by === 'agent' ? sql.raw('agent_id') : sql.raw(`''`)} as key, ${daySums}
    from analytics_agent_day_tallies
    where workspace_id = ${q.workspaceId} and day >= ${q.from}::date and day <= ${q.to}::date
      ${q.filter?.agentId ? sql`and agent_id = ${q.filter.agentId}` : sql``}
    group by 1, 2 having sum(offered) <> 0`;
}
