/**
 * Stored history: built from the event log, or imported (CSV `timestamp,count[,aht_seconds]` or the
 * Anonymous Bank's per-call records), read back per series for forecasting and charts.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { AnonymousBankParseError, parseAnonymousBank } from '../../lib/anonymous-bank/index.ts';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { bankHistory } from './bank-history.ts';
import { WfmError } from './errors.ts';
import { BUCKET_MINUTES, type ContactBucket, historyFromBuckets } from './event-history.ts';
import { parseHistoryCsv } from './history-csv.ts';
import { wfmHistory } from './schema.ts';
import { buildGrid, type SeriesPoint } from './series.ts';

export interface SeriesKey {
  queueKey: string;
  channel: string;
  intervalMinutes: number;
}

export interface SeriesSummary extends SeriesKey {
  intervals: number;
  volume: number;
  /** First and last interval starts, local epoch ms. */
  first: number;
  last: number;
  sources: string[];
}

export interface HistoryDeps {
  db: Db;
  /** The workspace's time zone, in which history intervals are wall-clock times. */
  timeZoneOf(workspaceId: string): Promise<string>;
}

const WRITE_BATCH = 1000;

export function createHistoryService({ db, timeZoneOf }: HistoryDeps) {
  /** Replaces the intervals given (an interval written again takes the new figures and source). */
  async function upsert(
    tx: Db,
    workspaceId: string,
    rows: (SeriesKey & { start: number; volume: number; ahtSeconds: number | null })[],
    source: 'events' | 'import',
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await tx
        .insert(wfmHistory)
        .values(rows.slice(i, i + WRITE_BATCH).map((r) => ({ ...r, workspaceId, source })))
        .onConflictDoUpdate({
          target: [
            wfmHistory.workspaceId,
            wfmHistory.queueKey,
            wfmHistory.channel,
            wfmHistory.intervalMinutes,
            wfmHistory.start,
          ],
          set: {
            volume: sql`excluded.volume`,
            ahtSeconds: sql`excluded.aht_seconds`,
            source: sql`excluded.source`,
          },
        });
    }
  }

  /**
   * Builds history from the event log: a contact arrives when it first enters a queue; its handle time
   * runs from the first answer to the close (wrap-up included). Rebuilding replaces what the log gave
   * before, so it may run as often as wanted.
   */
  async function rebuildFromEvents(workspaceId: string, intervalMinutes: number) {
    const timeZone = await timeZoneOf(workspaceId);
    const buckets = await contactBuckets(workspaceId);
    const rows = historyFromBuckets(buckets, intervalMinutes, timeZone).map((r) => ({
      ...r,
      intervalMinutes,
    }));
    await db.transaction(async (tx) => {
      await scoped(tx as unknown as Db, workspaceId).delete(
        wfmHistory,
        eq(wfmHistory.source, 'events'),
        eq(wfmHistory.intervalMinutes, intervalMinutes),
      );
      await upsert(tx as unknown as Db, workspaceId, rows, 'events');
    });
    return { intervals: rows.length, contacts: buckets.reduce((s, b) => s + b.arrivals, 0) };
  }

  /**
   * Volumes since an instant, per interval of one series, straight from the event log (nothing is
   * stored): what intraday compares with the plan.
   */
  async function actualsSince(
    workspaceId: string,
    key: SeriesKey,
    since: Date,
  ): Promise<Map<number, number>> {
    const timeZone = await timeZoneOf(workspaceId);
    const buckets = (await contactBuckets(workspaceId, since)).filter(
      (b) => b.queueKey === key.queueKey && b.channel === key.channel,
    );
    return new Map(
      historyFromBuckets(buckets, key.intervalMinutes, timeZone).map((r) => [r.start, r.volume]),
    );
  }

  async function contactBuckets(workspaceId: string, since?: Date): Promise<ContactBucket[]> {
    const rows = await queryRows<{
      bucket: string | number;
      queue_key: string;
      channel: string;
      arrivals: string | number;
      handled: string | number;
      handle_seconds: string | number;
    }>(
      db,
      sql`with per as (
            select subject_id,
              min(at) filter (where type = 'interaction.queued') as arrived,
              (array_agg(payload->>'queueId' order by id) filter (where type = 'interaction.queued'))[1] as queue_key,
              max(payload->>'channel') as channel,
              min(at) filter (where type = 'interaction.active') as answered,
              min(at) filter (where type = 'interaction.closed') as closed
            from events
            where workspace_id = ${workspaceId} and subject = 'interaction'
              ${since ? sql`and at >= ${since.toISOString()}::timestamptz` : sql``}
              and type in ('interaction.created', 'interaction.queued', 'interaction.active', 'interaction.closed')
            group by subject_id)
          select (floor(extract(epoch from arrived) / ${BUCKET_MINUTES * 60}) * ${BUCKET_MINUTES * 60_000})::bigint as bucket,
            queue_key, channel, count(*) as arrivals,
            count(*) filter (where closed > answered) as handled,
            coalesce(sum(extract(epoch from closed - answered)) filter (where closed > answered), 0)::float8 as handle_seconds
          from per
          where arrived is not null and queue_key is not null and channel is not null
          group by 1, 2, 3`,
    );
    return rows.map((r) => ({
      bucket: Number(r.bucket),
      queueKey: r.queue_key,
      channel: r.channel,
      arrivals: Number(r.arrivals),
      handled: Number(r.handled),
      handleSeconds: Number(r.handle_seconds),
    }));
  }

  /**
   * Imports outside history into a series. CSV rows are checked as a whole first (gaps are allowed and
   * stay unknown; duplicates, off-grid times and bad numbers are refused naming the line), so nothing
   * is half-written.
   */
  async function importHistory(
    workspaceId: string,
    key: SeriesKey,
    format: 'csv' | 'bank',
    text: string,
  ): Promise<{ intervals: number; volume: number }> {
    const points = format === 'csv' ? parseHistoryCsv(text).points : bankPoints(text, key.intervalMinutes);
    buildGrid(points, key.intervalMinutes);
    const rows = points.map((p) => ({
      ...key,
      start: p.start,
      volume: p.count,
      ahtSeconds: p.ahtSeconds ?? null,
    }));
    await db.transaction((tx) => upsert(tx as unknown as Db, workspaceId, rows, 'import'));
    return { intervals: rows.length, volume: rows.reduce((s, r) => s + r.volume, 0) };
  }

  /** Every stored series of the workspace with its extent. */
  async function listSeries(workspaceId: string): Promise<SeriesSummary[]> {
    const rows = await db
      .select({
        queueKey: wfmHistory.queueKey,
        channel: wfmHistory.channel,
        intervalMinutes: wfmHistory.intervalMinutes,
        intervals: sql<number>`count(*)::int`,
        volume: sql<number>`sum(${wfmHistory.volume})::float8`,
        first: sql<string>`min(${wfmHistory.start})`,
        last: sql<string>`max(${wfmHistory.start})`,
        sources: sql<string[]>`array_agg(distinct ${wfmHistory.source})`,
      })
      .from(wfmHistory)
      .where(scoped(db, workspaceId).where(wfmHistory))
      .groupBy(wfmHistory.queueKey, wfmHistory.channel, wfmHistory.intervalMinutes)
      .orderBy(wfmHistory.queueKey, wfmHistory.channel, wfmHistory.intervalMinutes);
    return rows.map((r) => ({
      ...r,
      volume: Number(r.volume),
      first: Number(r.first),
      last: Number(r.last),
    }));
  }

  /** The series' points, optionally from/to (local epoch ms, to exclusive). */
  async function points(
    workspaceId: string,
    key: SeriesKey,
    range: { from?: number; to?: number } = {},
  ): Promise<SeriesPoint[]> {
    const rows = await db
      .select({ start: wfmHistory.start, volume: wfmHistory.volume, ahtSeconds: wfmHistory.ahtSeconds })
      .from(wfmHistory)
      .where(
        scoped(db, workspaceId).where(
          wfmHistory,
          and(
            eq(wfmHistory.queueKey, key.queueKey),
            eq(wfmHistory.channel, key.channel),
            eq(wfmHistory.intervalMinutes, key.intervalMinutes),
            range.from !== undefined ? gte(wfmHistory.start, range.from) : undefined,
            range.to !== undefined ? lt(wfmHistory.start, range.to) : undefined,
          ),
        ),
      )
      .orderBy(asc(wfmHistory.start));
    return rows.map((r) =>
      r.ahtSeconds === null
        ? { start: Number(r.start), count: r.volume }
        : { start: Number(r.start), count: r.volume, ahtSeconds: r.ahtSeconds },
    );
  }

  return { rebuildFromEvents, importHistory, listSeries, points, actualsSince, timeZoneOf };
}

function bankPoints(text: string, intervalMinutes: number): SeriesPoint[] {
  try {
    return bankHistory(parseAnonymousBank(text), intervalMinutes);
  } catch (e) {
    if (e instanceof AnonymousBankParseError) throw new WfmError('wfm.bad_history', e.message);
    throw e;
  }
}

export type HistoryService = ReturnType<typeof createHistoryService>;
