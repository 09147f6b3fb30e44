/**
 * From a plan to a roster problem, pure: the quarter-hour requirement of the plan's intervals, the shift
 * patterns a planner asks for (with defaults fitted to the plan's open hours), and a supervisor's edits.
 */
import { WfmError } from './errors.ts';
import { type PlanInterval, plannedScheduled } from './plan.ts';
import type { RosterSolution } from './roster.ts';
import { dayOf, PERIOD_MS, PERIODS_PER_DAY, type RosterShift } from './roster-types.ts';
import { DAY_MS } from './series.ts';
import { type Break, type ShiftPattern, shiftPatterns } from './shift-patterns.ts';

export interface RosterSpec {
  /** Shift starts, minutes after midnight. */
  startMinutes: number[];
  /** Shift lengths with breaks, minutes. */
  lengthMinutes: number[];
  /** Breaks of 30 minutes or more are unpaid lunches; shorter ones are paid breaks. */
  breaks: Break[];
  minRestMinutes: number;
}

export type RosterSummary = Pick<
  RosterSolution,
  'status' | 'objective' | 'gap' | 'seconds' | 'fairness' | 'unassignable'
>;

/** The default shift: 8 h 30 with a 15-minute break, a 30-minute lunch (three placements) and another break. */
export const DEFAULT_SHIFT = {
  lengthMinutes: 510,
  breaks: [
    { afterMinutes: 120, minutes: 15, paid: true },
    { afterMinutes: [210, 240, 270], minutes: 30, paid: false },
    { afterMinutes: 390, minutes: 15, paid: true },
  ] satisfies Break[],
};

/** Agents to schedule per quarter hour over the plan's days; closed intervals need none. */
export function requirementOf(
  intervals: readonly PlanInterval[],
  intervalMinutes: number,
): { firstDay: number; days: number; requirement: number[][] } {
  if (intervals.length === 0) throw new WfmError('wfm.invalid_input', 'the plan has no intervals to roster');
  const firstDay = dayOf(intervals[0]!.start);
  const days = dayOf(intervals[intervals.length - 1]!.start) - firstDay + 1;
  const requirement = Array.from({ length: days }, () => new Array<number>(PERIODS_PER_DAY).fill(0));
  const per = intervalMinutes / 15;
  for (const p of intervals) {
    const k = (p.start - firstDay * DAY_MS) / PERIOD_MS;
    for (let i = 0; i < per; i++) {
      const cell = k + i;
      requirement[Math.floor(cell / PERIODS_PER_DAY)]![cell % PERIODS_PER_DAY] = plannedScheduled(p);
    }
  }
  return { firstDay, days, requirement };
}

/**
 * Default starts: every half hour from the earliest open time of the plan's days until the last start
 * that ends by the latest closing time (the earliest alone when the day is shorter than a shift).
 */
export function defaultSpec(intervals: readonly PlanInterval[], intervalMinutes: number): RosterSpec {
  const minutes = intervals.map((p) => (p.start - dayOf(p.start) * DAY_MS) / 60_000);
  const open = Math.min(...minutes);
  const close = Math.max(...minutes) + intervalMinutes;
  const startMinutes: number[] = [];
  for (let m = open; m === open || m + DEFAULT_SHIFT.lengthMinutes <= close; m += 30) startMinutes.push(m);
  return {
    startMinutes,
    lengthMinutes: [DEFAULT_SHIFT.lengthMinutes],
    breaks: DEFAULT_SHIFT.breaks,
    minRestMinutes: 660,
  };
}

/** The spec's shift patterns on quarter hours, the break lengths deciding what is paid. */
export function specPatterns(spec: RosterSpec): ShiftPattern[] {
  return shiftPatterns({
    periodMinutes: 15,
    startMinutes: spec.startMinutes,
    lengthMinutes: spec.lengthMinutes,
    breaks: spec.breaks.map((b) => ({ ...b, paid: b.minutes < 30 })),
  });
}

export type RosterEdit =
  | { type: 'move'; shiftId: string; start: number; agentId?: string }
  | { type: 'swap'; shiftId: string; otherShiftId: string }
  | { type: 'time_off'; agentId: string; day: number };

/**
 * A supervisor's edit: move a shift (to another time, or another agent), swap two shifts' agents, or
 * give an agent a day off (their shifts of that day go). Breaks move with their shift.
 *
 * @example applyEdit(shifts, { type: 'swap', shiftId: 'a', otherShiftId: 'b' })
 */
export function applyEdit(shifts: readonly RosterShift[], edit: RosterEdit): RosterShift[] {
  const find = (id: string) => {
    const s = shifts.find((x) => x.id === id);
    if (!s) throw new WfmError('wfm.invalid_input', `shift ${id} is not in this roster`);
    return s;
  };
  switch (edit.type) {
    case 'move': {
      const s = find(edit.shiftId);
      if (edit.start % PERIOD_MS !== 0)
        throw new WfmError('wfm.invalid_input', 'a shift must start on a quarter hour');
      const delta = edit.start - s.start;
      const moved: RosterShift = {
        ...s,
        agentId: edit.agentId ?? s.agentId,
        start: s.start + delta,
        end: s.end + delta,
        breaks: s.breaks.map((b) => ({ ...b, start: b.start + delta, end: b.end + delta })),
      };
      return shifts.map((x) => (x.id === s.id ? moved : x));
    }
    case 'swap': {
      const a = find(edit.shiftId);
      const b = find(edit.otherShiftId);
      if (a.id === b.id) throw new WfmError('wfm.invalid_input', 'a shift cannot be swapped with itself');
      return shifts.map((x) =>
        x.id === a.id ? { ...x, agentId: b.agentId } : x.id === b.id ? { ...x, agentId: a.agentId } : x,
      );
    }
    case 'time_off':
      return shifts.filter((x) => !(x.agentId === edit.agentId && dayOf(x.start) === edit.day));
  }
}

/** Shifts overlapping [from, to). */
export const overlapping = (shifts: readonly RosterShift[], from: number, to: number) =>
  shifts.filter((s) => s.start < to && s.end > from);
