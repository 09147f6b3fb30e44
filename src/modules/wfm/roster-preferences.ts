/**
 * Agents' preferences, pure: a window to start in and weekdays they would rather have off. The solver
 * weighs each one broken below cover and contract; a roster reports, per agent, how many it keeps.
 */
import {
  type AgentPreferences,
  dayOf,
  mondayWeekday,
  type RosterAgent,
  type RosterShift,
} from './roster-types.ts';
import { DAY_MS } from './series.ts';

export const NO_PREFERENCES: AgentPreferences = { start: null, daysOff: [] };

/** Preferences an agent's shift breaks: starting outside the window, working on a preferred day off. */
export function brokenBy(agent: RosterAgent, shift: Pick<RosterShift, 'start'>): number {
  const prefs = agent.preferences ?? NO_PREFERENCES;
  const day = dayOf(shift.start);
  const minute = (shift.start - day * DAY_MS) / 60_000;
  const outside = prefs.start !== null && (minute < prefs.start[0] || minute > prefs.start[1]);
  return (outside ? 1 : 0) + (prefs.daysOff.includes(mondayWeekday(day)) ? 1 : 0);
}

export interface PreferenceTally {
  agentId: string;
  met: number;
  broken: number;
}

/**
 * Per agent with preferences: each shift's start counts once against the window, and each preferred day
 * off in the horizon counts once, broken when the agent works it.
 *
 * @example preferenceTally([ana], MONDAY, 7, shifts) // [{ agentId: 'ana', met: 6, broken: 1 }]
 */
export function preferenceTally(
  agents: readonly RosterAgent[],
  firstDay: number,
  days: number,
  shifts: readonly Pick<RosterShift, 'agentId' | 'start'>[],
): PreferenceTally[] {
  return agents.flatMap((agent) => {
    const prefs = agent.preferences ?? NO_PREFERENCES;
    if (prefs.start === null && prefs.daysOff.length === 0) return [];
    const mine = shifts.filter((s) => s.agentId === agent.id);
    let met = 0;
    let broken = 0;
    if (prefs.start !== null) {
      const outside = mine.filter((s) => brokenBy({ ...agent, preferences: { ...prefs, daysOff: [] } }, s));
      broken += outside.length;
      met += mine.length - outside.length;
    }
    for (let d = firstDay; d < firstDay + days; d++) {
      if (!prefs.daysOff.includes(mondayWeekday(d))) continue;
      if (mine.some((s) => dayOf(s.start) === d)) broken++;
      else met++;
    }
    return [{ agentId: agent.id, met, broken }];
  });
}
