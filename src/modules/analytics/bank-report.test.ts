/**
 * The correctness test: a day of the Anonymous Bank, replayed through the routing simulator and as
 * recorded, persisted as event rows in the log, projected and reported. The report must equal the
 * measures computed independently: the simulator's own figures, and plain counts over the file.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import { type BankCall, parseAnonymousBank } from '../../lib/anonymous-bank/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { queryRows } from '../../platform/db/connect.ts';
import { appendEvents } from '../../platform/events/log.ts';
import { replayBankDay } from '../routing/index.ts';
import { createProjector } from './projector.ts';
import { historyEvents, type ReplayEvent, simulationEvents } from './replay-events.ts';
import {
  agentDayTalliesReportSql,
  contactsReportSql,
  dayTalliesReportSql,
  type ReportQuery,
  talliesReportSql,
} from './report-sql.ts';
import { createReportsService } from './reports-service.ts';

const FILE = new URL('../../../../shared/data/anonymous-bank/january-1999.tsv', import.meta.url);
const DATE = '1999-01-04';
const TZ = 'UTC';
const DAY_START = Date.parse(`${DATE}T00:00:00Z`);
const SIM_WS = '00000000-0000-7000-8000-00000000a001';
const FILE_WS = '00000000-0000-7000-8000-00000000a002';

let database: Database;
let calls: BankCall[];

async function persist(workspaceId: string, list: ReplayEvent[]) {
  const clock = { now: () => new Date() };
  for (let i = 0; i < list.length; i += 2000) {
    await appendEvents(
      database.db,
      clock,
      list.slice(i, i + 2000).map((e) => ({
        workspaceId,
        type: e.type,
        subject: 'interaction',
        subjectId: e.subjectId,
        at: new Date(e.at),
        payload: e.payload,
      })),
    );
  }
}

function reports() {
  return createReportsService({
    db: database.db,
    projector: createProjector(database.db, async () => TZ),
    timeZoneOf: async () => TZ,
    teamsOf: async () => [],
  });
}

beforeAll(async () => {
  database = await testDatabase();
  calls = parseAnonymousBank(readFileSync(FILE, 'utf8'));
});
afterAll(() => database.close());

describe('reports from the event log equal the measures computed independently', () => {
  it('a simulated bank day: offered, answered, abandoned, service level and ASA equal the simulator’s', async () => {
    const { simulated } = replayBankDay(calls, { date: DATE, targetSeconds: 20, intervalSeconds: 3600 });
    await persist(SIM_WS, simulationEvents(simulated, { dayStart: DAY_START, queueId: 'bank' }));
    const report = await reports().report(SIM_WS, {
      from: DATE,
      to: DATE,
      grain: 'day',
      by: 'total',
      targetSeconds: 20,
      // The simulator counts every abandon; so does this report.
      shortAbandonSeconds: 0,
    });
    const total = report.totals[0]!;
    const expected = simulated.total;
    expect(total.offered).toBe(expected.offered);
    expect(total.answered).toBe(expected.answered);
    expect(total.abandoned).toBe(expected.abandoned);
    expect(Number(total.serviceLevel!.toFixed(4))).toBe(expected.service_level);
    expect(Number(total.asaSeconds!.toFixed(1))).toBe(expected.asa_seconds);
    expect(total.offered).toBeGreaterThan(1500);
  });

  it('the recorded bank day: the report equals plain counts over the file, by hour too', async () => {
    const day = calls.filter((c) => c.date === DATE);
    await persist(FILE_WS, historyEvents(day, { dayStart: DAY_START, queueId: 'bank' }));
    // Straight from the file: a call was offered when it queued, or reached an agent without queueing.
    const offered = day.filter(
      (c) => c.outcome !== 'PHANTOM' && (c.qStart !== null || c.outcome === 'AGENT'),
    );
    const answered = offered.filter((c) => c.outcome === 'AGENT');
    const hung = offered.filter((c) => c.outcome === 'HANG');
    const short = hung.filter((c) => c.qTime < 5);
    const inTarget = answered.filter((c) => c.qTime <= 20);
    const asa = answered.reduce((s, c) => s + c.qTime, 0) / answered.length;

    const service = reports();
    const report = await service.report(FILE_WS, { from: DATE, to: DATE, grain: 'day', by: 'total' });
    const total = report.totals[0]!;
    expect(total.offered).toBe(offered.length);
    expect(total.answered).toBe(answered.length);
    expect(total.abandoned + total.shortAbandoned).toBe(hung.length);
    expect(total.shortAbandoned).toBe(short.length);
    expect(total.serviceLevel).toBeCloseTo(inTarget.length / (offered.length - short.length), 12);
    expect(total.asaSeconds).toBeCloseTo(asa, 9);

    // The same day by 15-minute interval adds up to the same totals.
    const intraday = await service.report(FILE_WS, { from: DATE, to: DATE, grain: 'interval', by: 'total' });
    const sum = (k: 'offered' | 'answered' | 'abandoned') => intraday.rows.reduce((s, r) => s + r[k], 0);
    expect([sum('offered'), sum('answered'), sum('abandoned')]).toEqual([
      total.offered,
      total.answered,
      total.abandoned,
    ]);
    const byHour = new Map<number, number>();
    for (const c of offered) {
      const hour = Math.floor((c.qStart ?? c.vruExit) / 3600);
      byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
    }
    const hourly = await service.report(FILE_WS, {
      from: DATE,
      to: DATE,
      grain: 'interval',
      intervalMinutes: 60,
      by: 'total',
    });
    expect(hourly.rows.map((r) => [Number(r.period.slice(11, 13)), r.offered])).toEqual(
      [...byHour].sort((a, b) => a[0] - b[0]),
    );
  });

  it('the interval, day and agent-day tallies give the same report as the contacts, in a new time zone too, and a rebuild gives the same tallies', async () => {
    const query = (
      grain: ReportQuery['grain'],
      by: ReportQuery['by'],
      timeZone = 'America/Bogota',
    ): ReportQuery => ({
      workspaceId: FILE_WS,
      timeZone,
      from: '1999-01-03',
      to: '1999-01-05',
      grain,
      intervalMinutes: 30,
      by,
      targetSeconds: 20,
      shortAbandonSeconds: 5,
    });
    const sorted = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])))
        .sort((a, b) => `${a.period}${a.key}`.localeCompare(`${b.period}${b.key}`));
    for (const [grain, by] of [
      ['interval', 'total'],
      ['day', 'queue'],
      ['week', 'channel'],
    ] as const) {
      const fromContacts = await queryRows<Record<string, unknown>>(
        database.db,
        contactsReportSql(query(grain, by)),
      );
      const fromTallies = await queryRows<Record<string, unknown>>(
        database.db,
        talliesReportSql(query(grain, by)),
      );
      expect(fromContacts.length).toBeGreaterThan(0);
      expect(sorted(fromTallies)).toEqual(sorted(fromContacts));
    }
    // Day tallies, kept in the projector's time zone; then again after the workspace moves to Bogotá.
    const sameByDay = async (timeZone: string) => {
      for (const [grain, by] of [
        ['day', 'total'],
        ['week', 'queue'],
        ['month', 'channel'],
      ] as const) {
        const fromContacts = await queryRows<Record<string, unknown>>(
          database.db,
          contactsReportSql(query(grain, by, timeZone)),
        );
        const fromDays = await queryRows<Record<string, unknown>>(
          database.db,
          dayTalliesReportSql(query(grain, by, timeZone)),
        );
        expect(sorted(fromDays)).toEqual(sorted(fromContacts));
      }
      // By agent, from the agent-day tallies; and one agent's total.
      for (const grain of ['day', 'week', 'month'] as const) {
        const byAgent = query(grain, 'agent', timeZone);
        const fromContacts = await queryRows<Record<string, unknown>>(
          database.db,
          contactsReportSql(byAgent),
        );
        const fromAgentDays = await queryRows<Record<string, unknown>>(
          database.db,
          agentDayTalliesReportSql(byAgent),
        );
        expect(fromContacts.length).toBeGreaterThan(1);
        expect(sorted(fromAgentDays)).toEqual(sorted(fromContacts));
        const one = {
          ...query(grain, 'total', timeZone),
          filter: { agentId: String(fromContacts.find((r) => r.key)!.key) },
        };
        expect(sorted(await queryRows(database.db, agentDayTalliesReportSql(one)))).toEqual(
          sorted(await queryRows(database.db, contactsReportSql(one))),
        );
      }
    };
    await sameByDay(TZ);
    await createProjector(database.db, async () => 'America/Bogota').catchUp(FILE_WS);
    await sameByDay('America/Bogota');
    const tallies = () =>
      queryRows<Record<string, unknown>>(
        database.db,
        sql`select t.*, (select count(*) from analytics_day_tallies where workspace_id = ${FILE_WS}) as days
            from analytics_tallies t where workspace_id = ${FILE_WS} order by interval_start, queue_id, channel`,
      );
    const before = await tallies();
    await createProjector(database.db, async () => TZ).rebuild(FILE_WS);
    expect(await tallies()).toEqual(before);
  });
});
