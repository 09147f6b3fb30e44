/**
 * Workforce management: queueing math, staffing, forecasting, shift scheduling and the `atiende wfm`
 * command. The math is pure over plain data; the command reads its input files, and the shell (`createWfm`) stores
 * history and plans and serves them over HTTP.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { createAdherenceService } from './adherence-service.ts';
import { createAgentsService } from './agents-service.ts';
import { createHistoryService } from './history-service.ts';
import { createIntradayService } from './intraday-service.ts';
import { createPlanService } from './plan-service.ts';
import { rosterRoutes } from './roster-routes.ts';
import { createRosterService } from './roster-service.ts';
import { wfmRoutes } from './routes.ts';
import { createValidationService } from './validation-service.ts';

export { type Accuracy, AccuracyAccumulator, accuracy } from './accuracy.ts';
export { type BankCallRow, bankHistory } from './bank-history.ts';
export { type CommandIo, wfmCommand } from './command.ts';
export {
  type ErlangCInput,
  type ErlangCMeasures,
  erlangB,
  erlangC,
  erlangCMeasures,
  offeredLoad,
} from './erlang.ts';
export { type ErlangAInput, type ErlangAMeasures, erlangAMeasures } from './erlang-a.ts';
export { WfmError, type WfmErrorCode, wfmErrorStatus } from './errors.ts';
export { type BacktestOptions, backtest, type MethodBacktest } from './forecast/backtest.ts';
export {
  type ForecastOptions,
  type ForecastPoint,
  type ForecastResult,
  forecastSeries,
  type MethodName,
  methodNames,
} from './forecast/forecast.ts';
export type { SpecialDay } from './forecast/special-days.ts';
/** Seeded synthetic histories, for tests, benchmarks and demos. */
export { type SyntheticOptions, syntheticHistory } from './forecast/synthetic.ts';
export { formatLocalTime, type ParsedHistory, parseHistoryCsv } from './history-csv.ts';
export type { HistoryService, SeriesKey } from './history-service.ts';
export {
  type DeferrableInput,
  type DeferrableStaffing,
  type IntervalDemand,
  type IntervalStaffing,
  type IntervalStaffingOptions,
  staffDeferrable,
  staffIntervals,
} from './interval-staffing.ts';
export {
  onQueueAgents,
  type PlanInterval,
  type PlanSettings,
  planIntervals,
  plannedScheduled,
} from './plan.ts';
export type { PlanService } from './plan-service.ts';
export { type RosterProblem, type RosterSolution, solveRoster } from './roster.ts';
export { coverage as rosterCoverage } from './roster-check.ts';
export { DEFAULT_SHIFT } from './roster-spec.ts';
export type { RosterAgent } from './roster-types.ts';
export {
  type CoverObjective,
  type CoverProblem,
  type CoverSolution,
  type CoverSolveOptions,
  type ShiftCount,
  solveCover,
} from './schedule.ts';
export { type CoverCase, coverCases } from './schedule-fixture.ts';
export { aggregateArrivals, buildGrid, type Grid, type SeriesPoint } from './series.ts';
export { type Break, type PatternSpec, type ShiftPattern, shiftPatterns } from './shift-patterns.ts';
export { type SimulatedFigures, type SimulatedInterval, simulateDay } from './simulation.ts';
export {
  agentsNeeded,
  type ServiceConvention,
  type StaffingInput,
  type StaffingMeasures,
  type StaffingModel,
  type StaffingResult,
  type StaffingTarget,
  withShrinkage,
} from './staffing.ts';

export interface WfmDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  /** The workspace's time zone: history and plans are in its wall-clock time. */
  timeZoneOf(workspaceId: string): Promise<string>;
  /** Users' names for rosters, and a 404 for a user not in the workspace. */
  users: { get(workspaceId: string, id: string): Promise<{ id: string; name: string }> };
}

/**
 * Wires the workforce-management shell: stored history, plans and their routes.
 * @example const wfm = createWfm({ db, uow, clock, newId, timeZoneOf, users }); await api.register(wfm.routes);
 */
export function createWfm(deps: WfmDeps) {
  const history = createHistoryService({ db: deps.db, timeZoneOf: deps.timeZoneOf });
  const plans = createPlanService({ ...deps, history });
  const validation = createValidationService(plans);
  const intraday = createIntradayService({ db: deps.db, clock: deps.clock, plans, history });
  const agents = createAgentsService(deps);
  const rosters = createRosterService({ ...deps, plans, agents });
  const adherence = createAdherenceService({ ...deps, rosters, agents });
  const routes: FastifyPluginAsyncTypebox = async (app) => {
    await app.register(wfmRoutes({ history, plans, validation, intraday }));
    await app.register(rosterRoutes({ agents, rosters, adherence }));
  };
  return { history, plans, validation, intraday, agents, rosters, adherence, routes };
}

export type Wfm = ReturnType<typeof createWfm>;
