/** Validation by simulation of a stored plan's day: simulated against predicted service level per interval. */
import { AppError } from '../../platform/errors.ts';
import { onQueueAgents, plannedScheduled } from './plan.ts';
import type { PlanService } from './plan-service.ts';
import { DAY_MS } from './series.ts';
import { type SimulatedFigures, simulateDay } from './simulation.ts';

export interface ValidatedInterval extends SimulatedFigures {
  /** Local epoch ms. */
  start: number;
  forecast: number;
  agentsOnQueue: number;
  predicted: number | null;
}

export function createValidationService(plans: PlanService) {
  /**
   * Plays one day of a plan (YYYY-MM-DD, the workspace's calendar) through the routing simulator.
   * @example await validation.validate(ws, planId, '1999-02-01', { replications: 20 })
   */
  async function validate(
    workspaceId: string,
    planId: string,
    day: string,
    options: { replications?: number; seed?: number } = {},
  ): Promise<{
    day: string;
    replications: number;
    intervals: ValidatedInterval[];
    total: SimulatedFigures & { predicted: number | null };
  }> {
    const plan = await plans.get(workspaceId, planId);
    const s = plan.settings;
    if (s.work === 'deferrable') {
      throw new AppError(
        'wfm.not_simulable',
        422,
        'deferrable work has no queue to simulate: validate a queue plan',
      );
    }
    const dayStart = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
    const intervals = plan.intervals.filter((p) => p.start >= dayStart && p.start < dayStart + DAY_MS);
    if (Number.isNaN(dayStart) || intervals.length === 0) {
      throw new AppError('wfm.invalid_input', 400, `${day} is not a day of this plan`);
    }
    const agents = intervals.map((p) => onQueueAgents(plannedScheduled(p), s.shrinkage));
    const replications = options.replications ?? 20;
    const simulated = simulateDay(
      intervals.map((p, i) => ({
        offset: (p.start - dayStart) / 1000,
        volume: p.forecast,
        ahtSeconds: p.ahtSeconds,
        servers: agents[i]! * s.concurrency,
      })),
      {
        intervalMinutes: plan.intervalMinutes,
        targetSeconds: s.targetSeconds,
        ...(s.model === 'a' && s.patienceSeconds !== undefined ? { patienceSeconds: s.patienceSeconds } : {}),
        replications,
        seed: options.seed ?? 1,
      },
    );
    const rows = intervals.map((p, i) => ({
      start: p.start,
      forecast: p.forecast,
      agentsOnQueue: agents[i]!,
      predicted: p.serviceLevel,
      ...simulated[i]!,
    }));
    return { day, replications, intervals: rows, total: totals(rows) };
  }

  return { validate };
}

/** Pooled figures of the day; the predicted service level weighted by forecast volume. */
function totals(rows: ValidatedInterval[]): SimulatedFigures & { predicted: number | null } {
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let within = 0;
  let waitSum = 0;
  let predictedSum = 0;
  let volume = 0;
  for (const r of rows) {
    offered += r.offered;
    answered += r.answered;
    abandoned += r.abandoned;
    within += (r.serviceLevel ?? 0) * r.offered;
    waitSum += (r.asaSeconds ?? 0) * r.answered;
    if (r.predicted !== null) {
      predictedSum += r.predicted * r.forecast;
      volume += r.forecast;
    }
  }
  return {
    offered,
    answered,
    abandoned,
    serviceLevel: offered > 0 ? within / offered : null,
    asaSeconds: answered > 0 ? waitSum / answered : null,
    predicted: volume > 0 ? predictedSum / volume : null,
  };
}

export type ValidationService = ReturnType<typeof createValidationService>;
