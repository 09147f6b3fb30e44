/**
 * Rostering's plain data: the agents with their contracts, the shifts they are given, and the rules a
 * roster keeps. Times are local epoch milliseconds (the workspace's wall clock), like plans.
 */
import { WfmError } from './errors.ts';
import { DAY_MS, weekdayOf } from './series.ts';

/** Rostering always works on quarter hours, whatever the plan's interval: breaks are 15 minutes. */
export const PERIOD_MINUTES = 15;
export const PERIOD_MS = PERIOD_MINUTES * 60_000;
export const PERIODS_PER_DAY = 1440 / PERIOD_MINUTES;

/** Available from `from` to `to`, minutes after the day's midnight (`to` up to 2880: into the next day). */
export type Window = [from: number, to: number];

export interface AgentPreferences {
  /** Earliest and latest preferred start, minutes after midnight; null for no preference. */
  start: [earliest: number, latest: number] | null;
  /** Weekdays the agent would rather have off, 0 = Monday … 6 = Sunday. */
  daysOff: number[];
}

export interface RosterAgent {
  id: string;
  /** Queues the agent is skilled for. */
  queues: string[];
  /** Paid minutes a week the contract asks for; the roster gives at most this and tries to reach it. */
  contractMinutes: number;
  /** Most working days a week. */
  maxDays: number;
  /** By weekday, 0 = Monday … 6 = Sunday: when the agent may work, or null for a day off. */
  availability: (Window | null)[];
  /** Soft wishes the roster keeps when cover and contract allow; none when absent. */
  preferences?: AgentPreferences;
}

export type BreakKind = 'break' | 'lunch';

export interface ShiftBreak {
  kind: BreakKind;
  start: number;
  end: number;
}

export interface RosterShift {
  id: string;
  agentId: string;
  start: number;
  end: number;
  breaks: ShiftBreak[];
}

export interface RosterRules {
  /** Least rest between the end of one shift and the start of the next (default 11 hours). */
  minRestMinutes: number;
}

export const DEFAULT_RULES: RosterRules = { minRestMinutes: 11 * 60 };

/** The day a time falls on (local epoch day number). */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** Monday-based weekday (0 = Monday … 6 = Sunday) of a local epoch day number. */
export const mondayWeekday = (day: number): number => (weekdayOf(day) + 6) % 7;

export const isWeekend = (day: number): boolean => mondayWeekday(day) >= 5;

/** A shift is a night shift when it works any time from 22:00 to 06:00. */
export function isNight(start: number, end: number): boolean {
  for (let t = start; t < end; t += PERIOD_MS) {
    const minute = (t - dayOf(t) * DAY_MS) / 60_000;
    if (minute >= 22 * 60 || minute < 6 * 60) return true;
  }
  return false;
}

/** Paid minutes of a shift: its length less its lunches (breaks are paid). */
export const paidMinutes = (s: Pick<RosterShift, 'start' | 'end' | 'breaks'>): number =>
  (s.end - s.start - s.breaks.filter((b) => b.kind === 'lunch').reduce((t, b) => t + b.end - b.start, 0)) /
  60_000;

/** Whether the agent's availability on a shift's day holds the whole shift. */
export function withinAvailability(agent: RosterAgent, start: number, end: number): boolean {
  const day = dayOf(start);
  const window = agent.availability[mondayWeekday(day)];
  if (!window) return false;
  const from = day * DAY_MS + window[0] * 60_000;
  const to = day * DAY_MS + window[1] * 60_000;
  return start >= from && end <= to;
}

/** Checks an agent's contract figures, naming the agent and the field. */
export function validateAgent(agent: RosterAgent): void {
  const bad = (what: string) => {
    throw new WfmError('wfm.invalid_input', `agent ${agent.id}: ${what}`);
  };
  if (
    !Number.isInteger(agent.contractMinutes) ||
    agent.contractMinutes < 0 ||
    agent.contractMinutes > 7 * 1440
  )
    bad(`contract minutes must be a whole number from 0 to 10080, got ${agent.contractMinutes}`);
  if (!Number.isInteger(agent.maxDays) || agent.maxDays < 0 || agent.maxDays > 7)
    bad(`max days must be a whole number from 0 to 7, got ${agent.maxDays}`);
  if (agent.availability.length !== 7) bad(`availability needs 7 days, got ${agent.availability.length}`);
  agent.availability.forEach((w, i) => {
    if (w && !(w[0] >= 0 && w[0] < w[1] && w[1] <= 2880 && w[0] % 15 === 0 && w[1] % 15 === 0))
      bad(
        `availability of weekday ${i + 1} must be quarter hours with 0 ≤ from < to ≤ 2880, got ${w[0]}–${w[1]}`,
      );
  });
  const wish = agent.preferences && preferenceProblem(agent.preferences);
  if (wish) bad(wish);
}

/**
 * An agent's weekly contract over a horizon of `days` days: at most a week's paid minutes and days for
 * each week begun (a one-day plan may give a full day), and the paid minutes aimed at, pro rata.
 * @example horizonLimits({ contractMinutes: 2400, maxDays: 5, … }, 1) // { maxMinutes: 2400, targetMinutes: 343, days: 1 }
 */
export function horizonLimits(
  agent: RosterAgent,
  days: number,
): { maxMinutes: number; targetMinutes: number; days: number } {
  const weeks = Math.ceil(days / 7);
  return {
    maxMinutes: agent.contractMinutes * weeks,
    targetMinutes: Math.round((agent.contractMinutes * days) / 7),
    days: Math.min(days, agent.maxDays * weeks),
  };
}

/** `YYYY-MM-DD HH:MM` of a local epoch time, for messages. */
export function describeLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Checks a preferred start window: quarter hours with earliest ≤ latest within the day. */
function preferenceProblem(prefs: AgentPreferences): string | null {
  const w = prefs.start;
  const hm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  if (w && !(w[0] >= 0 && w[0] <= w[1] && w[1] < 1440 && w[0] % 15 === 0 && w[1] % 15 === 0))
    return `preferred start must be quarter hours with 00:00 ≤ earliest ≤ latest < 24:00, got ${hm(w[0])}–${hm(w[1])}`;
  if (
    prefs.daysOff.some((d) => !Number.isInteger(d) || d < 0 || d > 6) ||
    new Set(prefs.daysOff).size !== prefs.daysOff.length
  )
    return `preferred days off must be distinct weekdays 0 (Monday) to 6, got ${prefs.daysOff.join(', ')}`;
  return null;
}
