import { WfmError } from './errors.ts';
import type { ForecastPoint } from './forecast/forecast.ts';
import {
  onQueueAgents,
  type PlanInterval,
  type PlanSettings,
  planIntervals,
  plannedScheduled,
} from './plan.ts';

/**
 * Intraday, pure: the morning's actuals against the published plan, the rest of the day re-forecast
 * from them, and alerts for the coming intervals that the plan or the agents on duty cannot carry.
 */

export interface IntradayInput {
  /** The plan's intervals of the day, in order. */
  intervals: readonly PlanInterval[];
  /** Actual volumes by interval start (local epoch ms), of the intervals that have ended. */
  actuals: ReadonlyMap<number, number>;
  /** Now, local epoch ms. */
  now: number;
  /** Agents logged in now (any state but offline). */
  agentsOnDuty: number;
  intervalMinutes: number;
  settings: PlanSettings;
  /** Coming intervals watched for alerts (default 4). */
  lookahead?: number;
}

export type IntervalPhase = 'past' | 'current' | 'coming';

export interface IntradayInterval {
  start: number;
  phase: IntervalPhase;
  forecast: number;
  /** The forecast scaled by the day's actual/forecast ratio so far (the forecast itself for past intervals). */
  reforecast: number;
  actual: number | null;
  plannedOnQueue: number;
  /** Agents the re-forecast needs on the queue. */
  requiredOnQueue: number;
}

export interface IntradayAlert {
  start: number;
  /** `plan_short`: the plan puts fewer agents than the re-forecast needs; `on_duty_short`: fewer are logged in now. */
  reason: 'plan_short' | 'on_duty_short';
  required: number;
  available: number;
}

export interface IntradayResult {
  /** Σ actual / Σ forecast over the intervals that have ended; null before any has. */
  factor: number | null;
  intervals: IntradayInterval[];
  alerts: IntradayAlert[];
}

/**
 * @example
 * intraday({ intervals, actuals: new Map([[start0, 130]]), now, agentsOnDuty: 9, intervalMinutes: 30, settings })
 * // { factor: 1.3, intervals: [...], alerts: [{ start, reason: 'on_duty_short', required: 12, available: 9 }] }
 */
export function intraday(input: IntradayInput): IntradayResult {
  if (!Number.isSafeInteger(input.agentsOnDuty) || input.agentsOnDuty < 0) {
    throw new WfmError(
      'wfm.invalid_input',
      `agents on duty must be a whole number ≥ 0, got ${input.agentsOnDuty}`,
    );
  }
  const step = input.intervalMinutes * 60_000;
  const phase = (start: number): IntervalPhase =>
    start + step <= input.now ? 'past' : start <= input.now ? 'current' : 'coming';
  let actualSum = 0;
  let forecastSum = 0;
  for (const p of input.intervals) {
    const actual = input.actuals.get(p.start);
    if (phase(p.start) === 'past') {
      actualSum += actual ?? 0;
      forecastSum += p.forecast;
    }
  }
  const factor = forecastSum > 0 ? actualSum / forecastSum : null;
  const scaled: ForecastPoint[] = input.intervals.map((p) => {
    const f = phase(p.start) === 'past' || factor === null ? p.forecast : p.forecast * factor;
    return { start: p.start, forecast: f, lo: f, hi: f, ahtSeconds: p.ahtSeconds };
  });
  const restaffed = planIntervals(scaled, input.intervalMinutes, input.settings);
  const intervals = input.intervals.map((p, i) => ({
    start: p.start,
    phase: phase(p.start),
    forecast: p.forecast,
    reforecast: scaled[i]!.forecast,
    actual: input.actuals.get(p.start) ?? null,
    plannedOnQueue: onQueueAgents(plannedScheduled(p), input.settings.shrinkage),
    requiredOnQueue: restaffed[i]!.requiredAgents,
  }));
  const lookahead = input.lookahead ?? 4;
  const alerts: IntradayAlert[] = [];
  for (const p of intervals.filter((x) => x.phase !== 'past').slice(0, lookahead)) {
    if (p.plannedOnQueue < p.requiredOnQueue) {
      alerts.push({
        start: p.start,
        reason: 'plan_short',
        required: p.requiredOnQueue,
        available: p.plannedOnQueue,
      });
    }
    if (input.agentsOnDuty < p.requiredOnQueue) {
      alerts.push({
        start: p.start,
        reason: 'on_duty_short',
        required: p.requiredOnQueue,
        available: input.agentsOnDuty,
      });
    }
  }
  return { factor, intervals, alerts };
}
