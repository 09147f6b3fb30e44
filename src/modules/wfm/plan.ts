import { erlangCMeasures } from './erlang.ts';
import { erlangAMeasures } from './erlang-a.ts';
import { WfmError } from './errors.ts';
import type { ForecastPoint } from './forecast/forecast.ts';
import type { SpecialDay } from './forecast/special-days.ts';
import { staffDeferrable, staffIntervals } from './interval-staffing.ts';
import { withShrinkage } from './staffing.ts';

/**
 * A plan, pure: a forecast turned into agents per interval, and a planner's adjustments to it. The
 * shell (`plan-service.ts`) stores what these functions return.
 */

export interface PlanSettings {
  horizonDays: number;
  method: 'auto' | 'seasonal_naive' | 'weekday_mean' | 'ets_profile' | 'holt_winters';
  /** Central prediction-interval level, e.g. 0.8. */
  level: number;
  specialDays: SpecialDay[];
  /** `queue` (calls, chats: Erlang) or `deferrable` (e-mail: done within `dueMinutes`). */
  work: 'queue' | 'deferrable';
  model: 'c' | 'a';
  serviceLevel: number;
  targetSeconds: number;
  patienceSeconds?: number;
  maxOccupancy: number;
  shrinkage: number;
  /** Contacts an agent holds at once (chat); 1 for calls. */
  concurrency: number;
  dueMinutes?: number;
  /** Handle time used where the history has none, seconds. */
  defaultAhtSeconds: number;
}

/** A method's backtest over the plan's horizon (see `accuracy.ts` for each measure). */
export interface PlanAccuracy {
  method: string;
  /** Pairs measured; 0 when the history is too short to backtest (the measures are then null). */
  n: number;
  mae: number | null;
  rmse: number | null;
  mape: number | null;
  smape: number | null;
  coverage: number | null;
}

export interface PlanInterval {
  /** Interval start, local epoch milliseconds (wall-clock time of the workspace). */
  start: number;
  forecast: number;
  lo: number;
  hi: number;
  ahtSeconds: number;
  /** Agents the math asks for on the queue, and to schedule once shrinkage is added. */
  requiredAgents: number;
  requiredScheduled: number;
  /** A planner's override of the agents to schedule; null keeps the requirement. */
  adjustedScheduled: number | null;
  /** Predicted service level at the agents planned (adjusted or required); null for deferrable work or no volume. */
  serviceLevel: number | null;
}

/**
 * Turns forecast points into plan intervals with the agents each needs. For deferrable work the
 * forecast's open intervals form the working time over which each item is spread before its due time.
 *
 * @example
 * planIntervals([{ start, forecast: 100, lo: 80, hi: 120, ahtSeconds: 180 }], 30, settings)
 * // [{ start, forecast: 100, …, requiredAgents: 14, requiredScheduled: 20, serviceLevel: 0.83 }]
 */
export function planIntervals(
  points: readonly ForecastPoint[],
  intervalMinutes: number,
  settings: PlanSettings,
): PlanInterval[] {
  const demand = points.map((p) => ({
    volume: p.forecast,
    ahtSeconds: p.ahtSeconds && p.ahtSeconds > 0 ? p.ahtSeconds : settings.defaultAhtSeconds,
  }));
  if (settings.work === 'deferrable') {
    const due = settings.dueMinutes;
    if (due === undefined) throw new WfmError('wfm.invalid_input', 'deferrable work needs dueMinutes');
    const { agents, scheduledAgents } = staffOnTimeline(points, intervalMinutes, (volumes, open) =>
      staffDeferrable({
        volumes,
        open,
        ahtSeconds: mean(demand.map((d) => d.ahtSeconds)),
        dueMinutes: due,
        intervalMinutes,
        maxOccupancy: settings.maxOccupancy,
        shrinkage: settings.shrinkage,
      }),
    );
    return points.map((p, i) => ({
      ...pointPart(p, demand[i]!.ahtSeconds),
      requiredAgents: agents[i]!,
      requiredScheduled: scheduledAgents[i]!,
      adjustedScheduled: null,
      serviceLevel: null,
    }));
  }
  const staffed = staffIntervals(demand, {
    model: settings.model,
    intervalMinutes,
    concurrency: settings.concurrency,
    target: { serviceLevel: settings.serviceLevel, targetSeconds: settings.targetSeconds },
    ...(settings.patienceSeconds !== undefined ? { patienceSeconds: settings.patienceSeconds } : {}),
    maxOccupancy: settings.maxOccupancy,
    shrinkage: settings.shrinkage,
  });
  return points.map((p, i) => {
    const s = staffed[i]!;
    const base = {
      ...pointPart(p, demand[i]!.ahtSeconds),
      requiredAgents: s.agents,
      requiredScheduled: s.scheduledAgents,
      adjustedScheduled: null,
    };
    return { ...base, serviceLevel: predictedServiceLevel(base, intervalMinutes, settings) };
  });
}

/**
 * Applies a planner's overrides (agents to schedule at some interval starts; null clears one) and
 * recomputes the predicted service level where it changed. An unknown start is an error naming it.
 *
 * @example adjustIntervals(plan.intervals, [{ start, scheduledAgents: 12 }], 30, settings)
 */
export function adjustIntervals(
  intervals: readonly PlanInterval[],
  adjustments: readonly { start: number; scheduledAgents: number | null }[],
  intervalMinutes: number,
  settings: PlanSettings,
): PlanInterval[] {
  const byStart = new Map(intervals.map((p, i) => [p.start, i]));
  const out = intervals.map((p) => ({ ...p }));
  adjustments.forEach((a, k) => {
    const i = byStart.get(a.start);
    if (i === undefined) {
      throw new WfmError(
        'wfm.invalid_input',
        `adjustment ${k + 1}: ${new Date(a.start).toISOString().slice(0, 16)} is not an interval of this plan`,
        { adjustment: k },
      );
    }
    const agents = a.scheduledAgents;
    if (agents !== null && (!Number.isSafeInteger(agents) || agents < 0 || agents > 100_000)) {
      throw new WfmError(
        'wfm.invalid_input',
        `adjustment ${k + 1}: agents must be a whole number from 0 to 100000, got ${agents}`,
      );
    }
    const next = { ...out[i]!, adjustedScheduled: agents };
    next.serviceLevel = predictedServiceLevel(next, intervalMinutes, settings);
    out[i] = next;
  });
  return out;
}

/** Agents to schedule in an interval: the planner's figure when there is one. */
export const plannedScheduled = (p: Pick<PlanInterval, 'adjustedScheduled' | 'requiredScheduled'>): number =>
  p.adjustedScheduled ?? p.requiredScheduled;

/**
 * Agents left on the queue when `scheduled` are planned: the most n with ⌈n / (1 − shrinkage)⌉ ≤ scheduled.
 * @example onQueueAgents(20, 0.3) // 14
 */
export function onQueueAgents(scheduled: number, shrinkage: number): number {
  let onQueue = Math.floor(scheduled * (1 - shrinkage) + 1e-9);
  while (onQueue > 0 && withShrinkage(onQueue, shrinkage) > scheduled) onQueue--;
  return onQueue;
}

/**
 * Service level predicted at the agents planned, net of shrinkage (for chat, of their chat slots).
 * Erlang C with too few agents has no steady state: 0.
 */
function predictedServiceLevel(
  p: Omit<PlanInterval, 'serviceLevel'>,
  intervalMinutes: number,
  settings: PlanSettings,
): number | null {
  if (settings.work === 'deferrable' || p.forecast <= 0) return null;
  const servers = onQueueAgents(plannedScheduled(p), settings.shrinkage) * settings.concurrency;
  if (servers < 1) return 0;
  const arrivalsPerHour = (p.forecast * 60) / intervalMinutes;
  if (settings.model === 'a' && settings.patienceSeconds !== undefined) {
    return erlangAMeasures({
      arrivalsPerHour,
      ahtSeconds: p.ahtSeconds,
      patienceSeconds: settings.patienceSeconds,
      agents: servers,
      targetSeconds: settings.targetSeconds,
    }).serviceLevelAllArrivals;
  }
  return erlangCMeasures({
    arrivalsPerHour,
    ahtSeconds: p.ahtSeconds,
    agents: servers,
    targetSeconds: settings.targetSeconds,
  }).serviceLevel;
}

function pointPart(p: ForecastPoint, ahtSeconds: number) {
  return { start: p.start, forecast: p.forecast, lo: p.lo, hi: p.hi, ahtSeconds };
}

/**
 * Runs a computation over the contiguous timeline from the first to the last point, where only the
 * points' intervals are open, and reads its answer back at the points.
 */
function staffOnTimeline(
  points: readonly ForecastPoint[],
  intervalMinutes: number,
  compute: (volumes: number[], open: boolean[]) => { agents: number[]; scheduledAgents: number[] },
): { agents: number[]; scheduledAgents: number[] } {
  if (points.length === 0) return { agents: [], scheduledAgents: [] };
  const step = intervalMinutes * 60_000;
  const first = points[0]!.start;
  const length = Math.round((points[points.length - 1]!.start - first) / step) + 1;
  const volumes = new Array<number>(length).fill(0);
  const open = new Array<boolean>(length).fill(false);
  const index = points.map((p) => Math.round((p.start - first) / step));
  points.forEach((p, i) => {
    volumes[index[i]!] = p.forecast;
    open[index[i]!] = true;
  });
  const r = compute(volumes, open);
  return { agents: index.map((k) => r.agents[k]!), scheduledAgents: index.map((k) => r.scheduledAgents[k]!) };
}

function mean(values: number[]): number {
  return values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length;
}
