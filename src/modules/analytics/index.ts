/**
 * Analytics: metric definitions over the event log (`metrics/`, pure), the read model the projector
 * folds from the log, reports (JSON and CSV, and e-mailed on a schedule), the live wallboard,
 * supervisors' actions on live work, customer-satisfaction surveys and quality management (scorecards,
 * evaluations, calibration). See docs/analytics.md and docs/metrics.md.
 */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { TimelineEntryInput } from '../customers/index.ts';
import type { InteractionService } from '../interactions/index.ts';
import type { Routing } from '../routing/index.ts';
import { createCalibrationService } from './calibration-service.ts';
import { csatRoutes } from './csat-routes.ts';
import { createCsatService } from './csat-service.ts';
import { createEvaluationService } from './evaluation-service.ts';
import { createProjector } from './projector.ts';
import { createQualityReport } from './quality-report.ts';
import { qualityRoutes } from './quality-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { createReportsService } from './reports-service.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { createScheduleService } from './schedule-service.ts';
import { createScorecardService } from './scorecard-service.ts';
import { supervisorRoutes } from './supervisor-routes.ts';
import { createSupervisorService } from './supervisor-service.ts';
import { createWallboardService } from './wallboard-service.ts';

export type { Contact, MetricEvent } from './metrics/contacts.ts';
export { applyEvent, foldContacts } from './metrics/contacts.ts';
export type { Figures, MetricOptions, Tally } from './metrics/measures.ts';
export { contactTally, figures, firstContactResolution, tallyBy } from './metrics/measures.ts';
export type { ScorecardDefinition } from './quality/scoring.ts';
export type { Report, ReportRequest, ReportRow } from './reports-service.ts';

/** The least time between the starts of two catch-ups of one workspace while events keep coming. */
const FOLLOW_GAP_MS = 100;
/**
 * While events keep coming, the next catch-up starts no sooner than this many times the last one's
 * length after it began (so following takes at most about a tenth of the time), and no later than
 * `FOLLOW_GAP_MAX_MS` after: a fold's cost is mostly per tally row it touches (interval, queue, channel,
 * agent), which hardly grows with the events folded, so under a heavy stream fewer, larger folds cost
 * far less per event.
 */
const FOLLOW_DUTY = 10;
const FOLLOW_GAP_MAX_MS = 1000;

/** The least time from the start of a catch-up that took `tookMs` to the start of the next. */
const followGap = (tookMs: number) =>
  Math.min(FOLLOW_GAP_MAX_MS, Math.max(FOLLOW_GAP_MS, FOLLOW_DUTY * tookMs));

export interface AnalyticsDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
  logger: Logger;
  interactions: InteractionService;
  routing: Routing;
  workspaces: { get(id: string): Promise<{ timeZone: string; name: string; defaultLanguage: 'es' | 'en' }> };
  recordTimelineEntry(tx: Db, entry: TimelineEntryInput): Promise<string>;
  /** Sends scheduled reports. */
  mailer: Mailer;
  /** Who may evaluate in calibration sessions: active users whose role holds `supervise`. */
  users: { get(workspaceId: string, id: string): Promise<{ role: string; active: boolean }> };
  roles: { get(workspaceId: string, key: string): Promise<{ permissions: string[] }> };
}

/**
 * Wires the analytics module and keeps its read model following the log.
 * @example const analytics = createAnalytics(deps); for (const r of analytics.routes) await api.register(r);
 */
export function createAnalytics(deps: AnalyticsDeps) {
  const timeZoneOf = async (workspaceId: string) => (await deps.workspaces.get(workspaceId)).timeZone;
  const projector = createProjector(deps.db, timeZoneOf);
  const teamsOf = async (workspaceId: string, agentId: string) =>
    (await deps.routing.config.agentProfile(workspaceId, agentId))?.teams ?? [];
  const reports = createReportsService({ db: deps.db, projector, timeZoneOf, teamsOf });
  const wallboard = createWallboardService({
    db: deps.db,
    clock: deps.clock,
    reports,
    routing: deps.routing.service,
    interactions: deps.interactions,
    timeZoneOf,
  });
  const supervisor = createSupervisorService({
    routing: deps.routing.service,
    interactions: deps.interactions,
  });
  const csat = createCsatService({ ...deps, interactions: deps.interactions });
  const scorecards = createScorecardService(deps);
  const evaluations = createEvaluationService({ ...deps, scorecards });
  const mayEvaluate = async (workspaceId: string, userId: string) => {
    const user = await deps.users.get(workspaceId, userId).catch(() => null);
    if (!user?.active) return false;
    return (await deps.roles.get(workspaceId, user.role)).permissions.includes('supervise');
  };
  const calibrations = createCalibrationService({ ...deps, scorecards, evaluations, mayEvaluate });
  const qualityReport = createQualityReport({ db: deps.db, timeZoneOf, teamsOf });
  const schedules = createScheduleService({ ...deps, reports });
  schedules.start();

  // Follow the log: one catch-up at a time per workspace, and the next one (if news came meanwhile) no
  // sooner than FOLLOW_GAP_MS after the last began, or longer when catch-ups grow long (FOLLOW_DUTY).
  // Under a steady stream of events this folds many commits into one catch-up instead of a transaction
  // per commit, which left every other query (the wallboard's among them) queueing behind the projector.
  const running = new Map<string, boolean>();
  const follow = (workspaceId: string) => {
    if (running.has(workspaceId)) {
      running.set(workspaceId, true);
      return;
    }
    running.set(workspaceId, false);
    const began = Date.now();
    projector
      .catchUp(workspaceId)
      .catch((err) =>
        deps.logger.warn({ err, workspaceId }, 'analytics projection failed; retried on next event'),
      )
      .finally(() => {
        if (!running.get(workspaceId)) {
          running.delete(workspaceId);
          return;
        }
        setTimeout(
          () => {
            running.delete(workspaceId);
            follow(workspaceId);
          },
          Math.max(0, began + followGap(Date.now() - began) - Date.now()),
        );
      });
  };
  const unsubscribe = deps.bus.subscribe(follow);

  return {
    projector,
    reports,
    wallboard,
    supervisor,
    csat,
    quality: { scorecards, evaluations, calibrations, report: qualityReport },
    schedules,
    routes: [
      reportRoutes({ reports, clock: deps.clock, timeZoneOf }),
      supervisorRoutes({ wallboard, supervisor }),
      csatRoutes(csat),
      qualityRoutes({ scorecards, evaluations, calibrations, report: qualityReport }),
      scheduleRoutes(schedules),
    ],
    async close() {
      unsubscribe();
      await schedules.stop();
      while (running.size > 0) await new Promise((r) => setTimeout(r, 10));
    },
  };
}

export type Analytics = ReturnType<typeof createAnalytics>;
