/**
 * Scheduled reports: a supervisor asks for a report by e-mail, daily or weekly at a local time of the
 * workspace; the runner sends each due report, with its CSV attached, through the platform mailer.
 * Several processes may run the check: a run is claimed by moving `next_run_at` forward in one
 * conditional update, so each report goes out once.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logging.ts';
import type { Mailer } from '../../platform/mail.ts';
import { toCsv } from './csv.ts';
import { checkSchedule, coveredDays, nextRun, type ScheduledReport } from './report-schedule.ts';
import type { ReportsService } from './reports-service.ts';
import { reportSchedules } from './schema.ts';

const CHECK_EVERY_MS = 60_000;

export interface ScheduleDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  mailer: Mailer;
  reports: Pick<ReportsService, 'report'>;
  workspaces: { get(id: string): Promise<{ timeZone: string; name: string; defaultLanguage: 'es' | 'en' }> };
}

type Row = typeof reportSchedules.$inferSelect;

const TEXT = {
  es: {
    subject: (name: string, from: string, to: string) =>
      `Informe «${name}»: ${from === to ? from : `${from} a ${to}`}`,
    body: (workspace: string) =>
      `Adjunto va el informe programado de ${workspace}, en CSV.\nLas horas están en la zona horaria del espacio de trabajo.`,
    totals: 'Totales',
    offered: 'ofrecidas',
    answered: 'atendidas',
    abandoned: 'abandonadas',
    serviceLevel: 'nivel de servicio',
  },
  en: {
    subject: (name: string, from: string, to: string) =>
      `Report “${name}”: ${from === to ? from : `${from} to ${to}`}`,
    body: (workspace: string) =>
      `The scheduled report of ${workspace} is attached as CSV.\nTimes are in the workspace's time zone.`,
    totals: 'Totals',
    offered: 'offered',
    answered: 'answered',
    abandoned: 'abandoned',
    serviceLevel: 'service level',
  },
};

export function createScheduleService(deps: ScheduleDeps) {
  const table = reportSchedules;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;

  async function find(workspaceId: string, id: string): Promise<Row> {
    const [row] = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table, eq(table.id, id)));
    if (!row) throw errors.notFound('Scheduled report');
    return row;
  }

  async function list(workspaceId: string) {
    const rows = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table))
      .orderBy(asc(table.name));
    return rows.map(toResponse);
  }

  /**
   * @example await schedules.create(ws, userId, { name: 'Daily by queue', schedule: { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' }, recipients: ['boss@x.co'] });
   */
  async function create(
    workspaceId: string,
    actorId: string,
    input: { name: string; schedule: ScheduledReport; recipients: string[] },
  ) {
    const problems = checkSchedule(input.schedule);
    if (problems.length > 0)
      throw errors.badRequest('analytics.invalid_schedule', problems.join('; '), { problems });
    const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
    if (recipients.length === 0)
      throw errors.badRequest('analytics.no_recipients', 'Name at least one recipient');
    const { timeZone } = await deps.workspaces.get(workspaceId);
    const now = deps.clock.now();
    const row: Row = {
      id: deps.newId(),
      workspaceId,
      name: input.name.trim(),
      schedule: input.schedule,
      recipients,
      createdBy: actorId,
      nextRunAt: new Date(nextRun(input.schedule, now.getTime(), timeZone)),
      lastRunAt: null,
      lastError: null,
      createdAt: now,
    };
    await deps.db.insert(table).values(row);
    return toResponse(row);
  }

  async function remove(workspaceId: string, id: string) {
    await find(workspaceId, id);
    await scoped(deps.db, workspaceId).delete(table, eq(table.id, id));
  }

  /** Builds one run's report and mails it to every recipient; answers the days it covered. */
  async function send(row: Row, runAt: number) {
    const workspace = await deps.workspaces.get(row.workspaceId);
    const days = coveredDays(row.schedule, runAt, workspace.timeZone);
    const report = await deps.reports.report(row.workspaceId, {
      ...days,
      grain: row.schedule.grain,
      by: row.schedule.by,
    });
    const t = TEXT[workspace.defaultLanguage];
    const all = report.totals.find((r) => r.key === '') ?? report.totals[0];
    const summary = all
      ? `${t.totals}: ${all.offered} ${t.offered}, ${all.answered} ${t.answered}, ${all.abandoned} ${t.abandoned}` +
        (all.serviceLevel === null ? '' : `, ${t.serviceLevel} ${(all.serviceLevel * 100).toFixed(1)} %`)
      : '';
    const filename = `report-${days.from}-${days.to}-${row.schedule.grain}-${row.schedule.by}.csv`;
    for (const to of row.recipients) {
      await deps.mailer.send({
        to,
        subject: t.subject(row.name, days.from, days.to),
        text: `${t.body(workspace.name)}\n\n${summary}\n`,
        attachments: [
          {
            filename,
            content: toCsv([...report.rows, ...report.totals]),
            contentType: 'text/csv; charset=utf-8',
          },
        ],
      });
    }
    return days;
  }

  /** Sends a report now, outside its schedule (its next run stays as it was). */
  async function sendNow(workspaceId: string, id: string) {
    const row = await find(workspaceId, id);
    return send(row, deps.clock.now().getTime());
  }

  /** Claims and sends every due report; answers how many went out. */
  async function check(): Promise<number> {
    const now = deps.clock.now();
    const due = await deps.db
      .select()
      .from(table)
      .where(lte(table.nextRunAt, now))
      .orderBy(asc(table.nextRunAt))
      .limit(100);
    let sent = 0;
    for (const row of due) {
      const { timeZone } = await deps.workspaces.get(row.workspaceId);
      const next = new Date(nextRun(row.schedule, now.getTime(), timeZone));
      const claimed = await deps.db
        .update(table)
        .set({ nextRunAt: next, lastRunAt: now })
        .where(and(eq(table.id, row.id), eq(table.nextRunAt, row.nextRunAt)))
        .returning({ id: table.id });
      if (claimed.length === 0) continue;
      try {
        // The run counts as of its scheduled time, so a late check still covers the right days.
        await send(row, row.nextRunAt.getTime());
        await deps.db.update(table).set({ lastError: null }).where(eq(table.id, row.id));
        sent++;
      } catch (err) {
        deps.logger.warn({ err, scheduleId: row.id }, 'scheduled report failed; next run as planned');
        await deps.db
          .update(table)
          .set({ lastError: String((err as Error).message ?? err) })
          .where(eq(table.id, row.id));
      }
    }
    return sent;
  }

  /**
   * One check, never two at once in this process.
   * @example await analytics.schedules.tick() // 1 when a report was due
   */
  function tick(): Promise<number> {
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    list,
    create,
    remove,
    sendNow,
    tick,
    /** Checks every minute (the timer does not keep the process alive). */
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((err: unknown) => deps.logger.error({ err }, 'scheduled reports check failed'));
      }, CHECK_EVERY_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}

function toResponse(r: Row) {
  return {
    id: r.id,
    name: r.name,
    schedule: r.schedule,
    recipients: r.recipients,
    nextRunAt: r.nextRunAt.toISOString(),
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
