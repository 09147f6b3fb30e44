/**
 * What a roster breaks, pure: every rule a shift or an agent's week fails, and the quarter hours the
 * shifts leave short. The solver keeps the hard rules; a supervisor's edits may not, and are checked
 * again after each one.
 */

import {
  DEFAULT_RULES,
  dayOf,
  describeLocal,
  horizonLimits,
  PERIOD_MS,
  PERIODS_PER_DAY,
  paidMinutes,
  type RosterAgent,
  type RosterRules,
  type RosterShift,
  withinAvailability,
} from './roster-types.ts';
import { DAY_MS } from './series.ts';

export type ViolationCode =
  | 'unknown_agent'
  | 'not_qualified'
  | 'unavailable'
  | 'time_off'
  | 'two_shifts'
  | 'rest'
  | 'max_days'
  | 'over_contract'
  | 'under_contract'
  | 'understaffed';

export interface Violation {
  code: ViolationCode;
  /** `error`: a rule broken; `warning`: a target missed (contract hours short, agents short). */
  severity: 'error' | 'warning';
  agentId: string | null;
  /** Local epoch time the violation starts at (a shift's start, a day's midnight, a short stretch). */
  at: number;
  shiftId: string | null;
  /** Figures for the message: minutes, agents, limits. */
  figures: Record<string, number>;
  message: string;
}

export interface RosterCheckInput {
  queueKey: string;
  /** Local epoch day number of the horizon's first day. */
  firstDay: number;
  /** Agents to schedule per quarter hour, days × 96. */
  requirement: readonly (readonly number[])[];
  agents: readonly RosterAgent[];
  /** Approved days off: agent and local epoch day number. */
  timeOff: readonly { agentId: string; day: number }[];
  shifts: readonly RosterShift[];
  rules?: RosterRules;
}

/**
 * @example
 * checkRoster({ queueKey: 'sales', firstDay, requirement, agents, timeOff: [], shifts })
 * // [{ code: 'understaffed', severity: 'warning', at, figures: { short: 2, … }, message: '2026-03-02 10:00–11:00: …' }]
 */
export function checkRoster(input: RosterCheckInput): Violation[] {
  const rules = input.rules ?? DEFAULT_RULES;
  const agents = new Map(input.agents.map((a) => [a.id, a]));
  const off = new Set(input.timeOff.map((t) => `${t.agentId}/${t.day}`));
  const out: Violation[] = [];
  const byAgent = new Map<string, RosterShift[]>();
  for (const s of input.shifts) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
  for (const [agentId, shifts] of byAgent) {
    const agent = agents.get(agentId);
    shifts.sort((a, b) => a.start - b.start);
    const v = (code: ViolationCode, s: RosterShift | null, at: number, message: string, figures = {}) =>
      out.push({ code, severity: 'error', agentId, at, shiftId: s?.id ?? null, figures, message });
    if (!agent) {
      for (const s of shifts)
        v('unknown_agent', s, s.start, `${describeLocal(s.start)}: the agent has no workforce profile`);
      continue;
    }
    for (const [i, s] of shifts.entries()) {
      const when = describeLocal(s.start);
      if (!agent.queues.includes(input.queueKey))
        v('not_qualified', s, s.start, `${when}: the agent is not skilled for queue '${input.queueKey}'`);
      if (off.has(`${agentId}/${dayOf(s.start)}`))
        v('time_off', s, s.start, `${when}: the agent has the day off`);
      else if (!withinAvailability(agent, s.start, s.end))
        v('unavailable', s, s.start, `${when}: the shift is outside the agent's availability`);
      const next = shifts[i + 1];
      if (next && dayOf(next.start) === dayOf(s.start))
        v('two_shifts', next, next.start, `${describeLocal(next.start)}: a second shift on the same day`);
      else if (next) {
        const rest = (next.start - s.end) / 60_000;
        if (rest < rules.minRestMinutes)
          v(
            'rest',
            next,
            next.start,
            `${describeLocal(next.start)}: only ${hours(rest)} of rest after the shift before (at least ${hours(rules.minRestMinutes)})`,
            { restMinutes: rest, minRestMinutes: rules.minRestMinutes },
          );
      }
    }
    const limits = horizonLimits(agent, input.requirement.length);
    const days = new Set(shifts.map((s) => dayOf(s.start))).size;
    const paid = shifts.reduce((t, s) => t + paidMinutes(s), 0);
    const start = input.firstDay * DAY_MS;
    if (days > limits.days)
      v('max_days', null, start, `${days} working days, the contract allows ${limits.days}`, {
        days,
        maxDays: limits.days,
      });
    if (paid > limits.maxMinutes)
      v(
        'over_contract',
        null,
        start,
        `${hours(paid)} paid, above the contract's ${hours(limits.maxMinutes)}`,
        {
          minutes: paid,
          contractMinutes: limits.maxMinutes,
        },
      );
  }
  for (const agent of input.agents) {
    const shifts = byAgent.get(agent.id) ?? [];
    if (shifts.length === 0 && agent.contractMinutes === 0) continue;
    const limits = horizonLimits(agent, input.requirement.length);
    const paid = shifts.reduce((t, s) => t + paidMinutes(s), 0);
    if (paid < limits.targetMinutes)
      out.push({
        code: 'under_contract',
        severity: 'warning',
        agentId: agent.id,
        at: input.firstDay * DAY_MS,
        shiftId: null,
        figures: { minutes: paid, contractMinutes: limits.targetMinutes },
        message: `${hours(paid)} paid, short of the contract's ${hours(limits.targetMinutes)}`,
      });
  }
  out.push(...understaffed(input));
  return out.sort((a, b) => a.at - b.at || a.code.localeCompare(b.code));
}

/** Agents working each quarter hour of the horizon (days × 96): on shift and not on a break. */
export function coverage(firstDay: number, days: number, shifts: readonly RosterShift[]): number[][] {
  const grid = Array.from({ length: days }, () => new Array<number>(PERIODS_PER_DAY).fill(0));
  const origin = firstDay * DAY_MS;
  for (const s of shifts) {
    for (let t = s.start; t < s.end; t += PERIOD_MS) {
      if (s.breaks.some((b) => t >= b.start && t < b.end)) continue;
      const k = Math.floor((t - origin) / PERIOD_MS);
      const d = Math.floor(k / PERIODS_PER_DAY);
      if (d >= 0 && d < days) grid[d]![k % PERIODS_PER_DAY]! += 1;
    }
  }
  return grid;
}

/** One warning per stretch of quarter hours with fewer agents than required. */
function understaffed(input: RosterCheckInput): Violation[] {
  const days = input.requirement.length;
  const cover = coverage(input.firstDay, days, input.shifts);
  const out: Violation[] = [];
  for (let d = 0; d < days; d++) {
    let run: { from: number; short: number; periods: number } | null = null;
    const close = (to: number) => {
      if (!run) return;
      const at = (input.firstDay + d) * DAY_MS + run.from * PERIOD_MS;
      const until = (input.firstDay + d) * DAY_MS + to * PERIOD_MS;
      out.push({
        code: 'understaffed',
        severity: 'warning',
        agentId: null,
        at,
        shiftId: null,
        figures: { short: run.short, periods: run.periods, minutes: (to - run.from) * 15 },
        message: `${describeLocal(at)}–${describeLocal(until).slice(11)}: up to ${run.short} agent${run.short === 1 ? '' : 's'} short`,
      });
      run = null;
    };
    for (let p = 0; p < PERIODS_PER_DAY; p++) {
      const short = (input.requirement[d]![p] ?? 0) - cover[d]![p]!;
      if (short > 0) {
        run ??= { from: p, short: 0, periods: 0 };
        run.short = Math.max(run.short, short);
        run.periods++;
      } else close(p);
    }
    close(PERIODS_PER_DAY);
  }
  return out;
}

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}
