/**
 * Workforce management: queueing math, staffing, forecasting, shift scheduling and the `atiende wfm`
 * command. Everything here is pure over plain data except the command, which reads its input files.
 */
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
