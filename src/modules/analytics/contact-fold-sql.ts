/**
 * The projector's batch fold in one statement: the contact events of a stretch of the log are folded
 * into `analytics_contacts` per interaction, set-based, and the difference of the contacts' tallies is
 * added to the interval, day and agent-day tallies, without the events leaving the database. Every
 * column follows `applyEvent` in `metrics/contacts.ts` event by event ("first", "last", and the answer
 * and abandonment that exclude each other are decided by position in log order), starting from the
 * stored contact; the tallies are `contactTallySums`, the report's own mirror of `contactTally`.
 * `contact-fold.test.ts` compares the two folds on random logs cut into random batches.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { CONTACT_EVENT_TYPES } from './metrics/contacts.ts';
import { DEFAULT_OPTIONS } from './metrics/measures.ts';
import { contactTallySums } from './report-sql.ts';
import { TALLY_COLUMNS } from './tally-store.ts';

export interface LogRange {
  workspaceId: string;
  timeZone: string;
  /** Exclusive start and inclusive end of the stretch, in log order (`tx`, `id`); null: the start. */
  after: { tx: string; id: number } | null;
  last: { tx: string; id: number };
}

const QUEUED = `'interaction.queued'`;
const ACTIVE = `'interaction.active'`;
const ABANDONED = `'interaction.abandoned'`;
const CLOSED = `'interaction.closed'`;
const WRAP_UP = `'interaction.wrap_up'`;
const CONTACT_TYPES = `{${CONTACT_EVENT_TYPES.join(',')}}`;

/** `text()` of the fold: a non-empty string. */
const text = (field: string) =>
  `(jsonb_typeof(payload->'${field}') = 'string' and payload->>'${field}' <> '')`;
/**
 * The first value in log order of `expr` among the events where `where` holds. The aggregates take a
 * contact's events in log order because `g` reads them sorted by contact and position (the order the
 * window of `e` already leaves them in, so that sort costs nothing); with `order by n` inside each
 * aggregate, PostgreSQL 15 sorted again per aggregate and per contact, sixteen small sorts per contact
 * and about a fifth of the fold's CPU. `contact-fold.test.ts` fails when the order is not log order.
 */
const first = (expr: string, where: string) => `(array_agg(${expr}) filter (where ${where}))[1]`;
/** Every value in log order, for `lastOf` (in the same order as `first`). */
const all = (expr: string, where: string) => `array_agg(${expr}) filter (where ${where})`;
const lastOf = (column: string) => `${column}[cardinality(${column})]`;
const uuidOrNull = (v: string) =>
  `case when ${v} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (${v})::uuid end`;

const names = TALLY_COLUMNS.map(([c]) => c);
const columns = sql.raw(names.join(', '));
const negated = sql.raw(names.map((c) => `-${c}`).join(', '));
const sums = sql.raw(names.map((c) => `sum(${c})`).join(', '));
const sumsAs = sql.raw(names.map((c) => `sum(${c}) as ${c}`).join(', '));
const nonZero = sql.raw(names.map((c) => `sum(${c}) <> 0`).join(' or '));
const added = (table: string) => sql.raw(names.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
const tallySums = contactTallySums(DEFAULT_OPTIONS);
const INTERVAL = sql.raw(`date_bin('15 minutes', arrived_at, timestamptz '1970-01-01 00:00:00+00')`);

/**
 * Folds the contact events of `range` into the read model and returns the `agent.status_changed` events
 * of the same stretch (in log order) for the caller to fold. Run inside the projector's transaction.
 */
export function foldBatchSql(r: LogRange): SQL {
  const after = r.after ? sql`and (tx, id) > (${r.after.tx}::xid8, ${r.after.id}::bigint)` : sql``;
  const ws = sql`${r.workspaceId}::uuid`;
  return sql`
    with w as materialized (
      select type, subject_id, date_trunc('milliseconds', at) as at, payload,
        row_number() over (order by tx, id) as n
      from events
      where workspace_id = ${r.workspaceId} ${after} and (tx, id) <= (${r.last.tx}::xid8, ${r.last.id}::bigint)
        and subject_id is not null and (type = any(${CONTACT_TYPES}::text[]) or type = 'agent.status_changed')
    ),
    e as (
      select subject_id as cid, type, at, payload, n,
        min(n) filter (where type in (${sql.raw(`${QUEUED}, ${ACTIVE}`)})) over contact as arrive_n,
        min(n) filter (where type = ${sql.raw(ACTIVE)}) over contact as active_n
      from w where type <> 'agent.status_changed'
      window contact as (partition by subject_id order by n range between unbounded preceding and unbounded following)
    ),
    -- Per contact, what the batch says; where it depends on the stored contact, each possibility.
    g as (
      select cid,
        ${sql.raw(first("payload->>'channel'", text('channel')))} as channel,
        ${sql.raw(first("payload->>'customerId'", text('customerId')))} as customer_id,
        ${sql.raw(all("payload->>'queueId'", `type in (${QUEUED}, 'interaction.offered', 'interaction.overflowed', ${ACTIVE}) and ${text('queueId')}`))} as queue_id,
        ${sql.raw(all("payload->>'agentId'", `type = ${ACTIVE} and ${text('agentId')}`))} as agent_id,
        ${sql.raw(all("payload->>'disposition'", `type in (${WRAP_UP}, ${CLOSED}) and ${text('disposition')}`))} as reason,
        ${sql.raw(all("(payload->>'rating')::numeric", `type = 'csat.recorded' and jsonb_typeof(payload->'rating') = 'number' and (payload->>'rating')::numeric between 1 and 5`))} as csat,
        count(*) filter (where type = 'interaction.transferred') as transfers,
        ${sql.raw(first('at', `type in (${QUEUED}, ${ACTIVE})`))} as arrived_at,
        min(active_n) as active_n,
        ${sql.raw(first('at', `type = ${ACTIVE}`))} as active_at,
        min(n) filter (where type = ${sql.raw(ABANDONED)}) as abandon_n,
        ${sql.raw(first('at', `type = ${ABANDONED}`))} as abandon_at,
        min(n) filter (where type = ${sql.raw(ABANDONED)} and n > arrive_n) as abandon_arrived_n,
        ${sql.raw(first('at', `type = ${ABANDONED} and n > arrive_n`))} as abandon_arrived_at,
        ${sql.raw(first('at', `type in (${WRAP_UP}, ${CLOSED})`))} as talk_end_at,
        ${sql.raw(first('at', `type in (${WRAP_UP}, ${CLOSED}) and n > active_n`))} as talk_end_after_active_at,
        ${sql.raw(first('at', `type in (${CLOSED}, ${ABANDONED})`))} as closed_at,
        ${sql.raw(first('at', `type = 'interaction.waiting_on_customer'`))} as first_reply_at
      -- In log order within each contact, which every aggregate below relies on (see first, above).
      from (select * from e order by cid, n) as e group by cid
    ),
    -- The stored contact, looked up by key (a lateral lookup: the batch's size is not known to the planner).
    x as materialized (
      select g.cid, g.channel, g.customer_id, ${sql.raw(['queue_id', 'agent_id', 'reason', 'csat'].map((c) => `${lastOf(`g.${c}`)} as ${c}`).join(', '))},
        g.transfers, g.arrived_at, g.active_n, g.active_at, g.talk_end_at, g.talk_end_after_active_at, g.closed_at,
        g.first_reply_at, o.channel as o_channel, o.queue_id as o_queue_id, o.agent_id as o_agent_id,
        o.customer_id as o_customer_id, o.reason as o_reason, o.arrived_at as o_arrived_at,
        o.answered_at as o_answered_at, o.talk_ended_at as o_talk_ended_at, o.closed_at as o_closed_at,
        o.abandoned_at as o_abandoned_at, o.first_reply_at as o_first_reply_at, o.transfers as o_transfers,
        o.csat as o_csat,
        -- An abandonment counts once the contact has arrived.
        case when o.arrived_at is not null then g.abandon_n else g.abandon_arrived_n end as ab_n,
        case when o.arrived_at is not null then g.abandon_at else g.abandon_arrived_at end as ab_at
      from g left join lateral (
        select * from analytics_contacts
        where workspace_id = ${r.workspaceId} and interaction_id = g.cid limit 1
      ) o on true
    ),
    -- Who answered or abandoned first: an answer after an abandonment (or the reverse) is ignored.
    y as (
      select x.*,
        o_answered_at is null and o_abandoned_at is null and active_n is not null
          and (ab_n is null or active_n < ab_n) as answered_now,
        o_answered_at is null and o_abandoned_at is null and ab_n is not null
          and (active_n is null or ab_n < active_n) as abandoned_now
      from x
    ),
    c as materialized (
      select cid as interaction_id,
        coalesce(o_channel, channel) as channel,
        coalesce(queue_id, o_queue_id) as queue_id,
        ${sql.raw(uuidOrNull('coalesce(agent_id, o_agent_id::text)'))} as agent_id,
        ${sql.raw(uuidOrNull('coalesce(o_customer_id::text, customer_id)'))} as customer_id,
        coalesce(reason, o_reason) as reason,
        coalesce(o_arrived_at, arrived_at) as arrived_at,
        coalesce(o_answered_at, case when answered_now then active_at end) as answered_at,
        coalesce(o_talk_ended_at, case when o_answered_at is not null then talk_end_at
          when answered_now then talk_end_after_active_at end) as talk_ended_at,
        coalesce(o_closed_at, closed_at) as closed_at,
        coalesce(o_abandoned_at, case when abandoned_now then ab_at end) as abandoned_at,
        coalesce(o_first_reply_at, first_reply_at) as first_reply_at,
        (coalesce(o_transfers, 0) + transfers)::int as transfers,
        coalesce(csat, o_csat)::smallint as csat
      from y
    ),
    o as (
      select o_arrived_at as arrived_at, o_answered_at as answered_at, o_talk_ended_at as talk_ended_at,
        o_closed_at as closed_at, o_abandoned_at as abandoned_at, o_first_reply_at as first_reply_at,
        o_transfers as transfers, o_csat as csat, o_queue_id as queue_id, o_channel as channel, o_agent_id as agent_id
      from x where o_transfers is not null
    ),
    upserted as (
      insert into analytics_contacts (workspace_id, interaction_id, channel, queue_id, agent_id, customer_id, reason,
        arrived_at, answered_at, talk_ended_at, closed_at, abandoned_at, first_reply_at, transfers, csat)
      select ${ws}, interaction_id, channel, queue_id, agent_id, customer_id, reason, arrived_at, answered_at,
        talk_ended_at, closed_at, abandoned_at, first_reply_at, transfers, csat from c
      on conflict (workspace_id, interaction_id) do update set channel = excluded.channel, queue_id = excluded.queue_id,
        agent_id = excluded.agent_id, customer_id = excluded.customer_id, reason = excluded.reason,
        arrived_at = excluded.arrived_at, answered_at = excluded.answered_at, talk_ended_at = excluded.talk_ended_at,
        closed_at = excluded.closed_at, abandoned_at = excluded.abandoned_at, first_reply_at = excluded.first_reply_at,
        transfers = excluded.transfers, csat = excluded.csat
    ),
    -- Each changed contact's tally in, its stored tally out, by interval, queue, channel and agent.
    changes as materialized (
      select interval_start, queue_id, channel, agent_id, ${columns} from (
        select ${INTERVAL} as interval_start, coalesce(queue_id, '') as queue_id, coalesce(channel, '') as channel,
          coalesce(agent_id::text, '') as agent_id, ${tallySums}
        from c where arrived_at is not null group by 1, 2, 3, 4
      ) plus
      union all
      select interval_start, queue_id, channel, agent_id, ${negated} from (
        select ${INTERVAL} as interval_start, coalesce(queue_id, '') as queue_id, coalesce(channel, '') as channel,
          coalesce(agent_id::text, '') as agent_id, ${tallySums}
        from o where arrived_at is not null group by 1, 2, 3, 4
      ) minus
    ),
    intervals as materialized (
      select interval_start, queue_id, channel, ${sumsAs}
      from changes group by 1, 2, 3 having ${nonZero}
    ),
    interval_tallies as (
      insert into analytics_tallies (workspace_id, interval_start, queue_id, channel, ${columns})
      select ${ws}, interval_start, queue_id, channel, ${columns} from intervals
      on conflict (workspace_id, interval_start, queue_id, channel) do update set ${added('analytics_tallies')}
    ),
    day_tallies as (
      insert into analytics_day_tallies (workspace_id, day, queue_id, channel, ${columns})
      select ${ws}, (interval_start at time zone ${r.timeZone})::date, queue_id, channel, ${sums}
      from intervals group by 2, 3, 4
      on conflict (workspace_id, day, queue_id, channel) do update set ${added('analytics_day_tallies')}
    ),
    agent_day_tallies as (
      insert into analytics_agent_day_tallies (workspace_id, day, agent_id, ${columns})
      select ${ws}, (interval_start at time zone ${r.timeZone})::date, agent_id, ${sums}
      from changes group by 2, 3 having ${nonZero}
      on conflict (workspace_id, day, agent_id) do update set ${added('analytics_agent_day_tallies')}
    )
    select type, subject_id, at, payload from w where type = 'agent.status_changed' order by n`;
}

/**
 * Replaces the workspace's agent-day tallies with its contacts summed by agent and local day of
 * `timeZone` (each contact in the day of its 15-minute interval, as the fold counts it): when the
 * workspace moves to another time zone.
 */
export async function deriveAgentDayTallies(tx: Db, workspaceId: string, timeZone: string) {
  await tx.execute(sql`delete from analytics_agent_day_tallies where workspace_id = ${workspaceId}`);
  await tx.execute(sql`insert into analytics_agent_day_tallies (workspace_id, day, agent_id, ${columns})
    select workspace_id, (${INTERVAL} at time zone ${timeZone})::date, coalesce(agent_id::text, ''), ${tallySums}
    from analytics_contacts where workspace_id = ${workspaceId} and arrived_at is not null
    group by 1, 2, 3`);
}
