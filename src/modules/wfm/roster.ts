/**
 * Rostering: named agents on shifts, as one mixed-integer program solved by HiGHS. y[a][d][s] = 1 when
 * agent a works shift pattern s on day d; only the (agent, day, pattern) triples the agent may work
 * exist: skilled for the queue, available for the whole shift, not on a day off.
 *
 *   min  Σ w_under·under + w_over·over + w_contract·short_a + w_weekend·W + w_night·N
 *   s.t. cover(d,p) − over(d,p) + under(d,p) = required(d,p)     every quarter hour
 *        Σ_s y[a][d][s] ≤ 1                                       one shift a day
 *        Σ y[a] ≤ max days,  Σ paid·y[a] ≤ contract                the contract, scaled to the horizon
 *        Σ paid·y[a] + short_a ≥ contract                          hours short of the contract, penalised
 *        y[a][d][p] + y[a][d+1][q] ≤ 1  when rest(p, q) < min rest (one row per start of q)
 *        Σ_weekend y[a] ≤ W,  Σ_night y[a] ≤ N                     fairness: the most any agent gets
 *
 * Preferences come second: when any agent has some, a second model keeps that cost at most what the
 * first found and minimises Σ broken·y, the preferences each shift breaks (a start outside the
 * preferred window, a preferred day off worked). A preference never makes cover or contract worse.
 */
import type { ModelData } from 'highs';
import { WfmError } from './errors.ts';
import { checkRoster, type Violation } from './roster-check.ts';
import { brokenBy, type PreferenceTally, preferenceTally } from './roster-preferences.ts';
import {
  DEFAULT_RULES,
  horizonLimits,
  isNight,
  isWeekend,
  PERIOD_MS,
  PERIODS_PER_DAY,
  paidMinutes,
  type RosterAgent,
  type RosterRules,
  type RosterShift,
  type ShiftBreak,
  validateAgent,
  withinAvailability,
} from './roster-types.ts';
import { loadSolver, runMip } from './schedule.ts';
import { DAY_MS } from './series.ts';
import type { ShiftPattern } from './shift-patterns.ts';

export interface RosterWeights {
  /** Per agent missing for a quarter hour. */
  under: number;
  /** Per agent beyond the requirement for a quarter hour. */
  over: number;
  /** Per hour an agent is short of the contract. */
  contractHour: number;
  /** Per weekend day of the agent with the most, and per night shift likewise. */
  weekend: number;
  night: number;
}

export const DEFAULT_WEIGHTS: RosterWeights = { under: 10, over: 1, contractHour: 6, weekend: 3, night: 3 };

export interface RosterProblem {
  queueKey: string;
  /** Local epoch day number of the first day. */
  firstDay: number;
  /** Agents to schedule per quarter hour, days × 96. */
  requirement: number[][];
  /** Patterns on quarter hours (`shiftPatterns` with `periodMinutes: 15`); a gap of 30 minutes or more is an unpaid lunch. */
  patterns: ShiftPattern[];
  agents: RosterAgent[];
  timeOff: { agentId: string; day: number }[];
  rules?: RosterRules;
  weights?: Partial<RosterWeights>;
}

export interface RosterSolution {
  status: 'optimal' | 'feasible' | 'no_solution';
  objective: number | null;
  gap: number | null;
  shifts: Omit<RosterShift, 'id'>[];
  violations: Violation[];
  /** Agents who could not be given any shift at all, and why. */
  unassignable: { agentId: string; reason: 'not_qualified' | 'no_availability' }[];
  /** The most weekend days and night shifts any one agent got. */
  fairness: { maxWeekendDays: number; maxNights: number };
  /** Per agent with preferences, how many the roster keeps and breaks. */
  preferences: PreferenceTally[];
  seconds: number;
}

interface Candidate {
  agent: number;
  day: number;
  shift: Omit<RosterShift, 'id'>;
  paid: number;
  /** Quarter hours of the horizon it works. */
  cells: number[];
  weekend: boolean;
  night: boolean;
  /** Preferences of the agent it breaks. */
  broken: number;
}

/** A pattern placed on a day: its start, end and breaks (gaps of 30 minutes or more are lunches). */
export function placePattern(pattern: ShiftPattern, dayStart: number): Omit<RosterShift, 'id' | 'agentId'> {
  const first = pattern.coverage.indexOf(1);
  const last = pattern.coverage.lastIndexOf(1);
  if (first < 0) throw new WfmError('wfm.invalid_input', `shift ${pattern.name} works no period`);
  const breaks: ShiftBreak[] = [];
  for (let k = first; k <= last; k++) {
    if (pattern.coverage[k]) continue;
    let e = k;
    while (!pattern.coverage[e]) e++;
    breaks.push({
      kind: (e - k) * 15 >= 30 ? 'lunch' : 'break',
      start: dayStart + k * PERIOD_MS,
      end: dayStart + e * PERIOD_MS,
    });
    k = e;
  }
  return { start: dayStart + first * PERIOD_MS, end: dayStart + (last + 1) * PERIOD_MS, breaks };
}

/**
 * Rosters named agents for a requirement.
 *
 * @example
 * await solveRoster({ queueKey: 'sales', firstDay, requirement, agents, timeOff: [],
 *   patterns: shiftPatterns({ periodMinutes: 15, startMinutes: [480], lengthMinutes: [510] }) });
 * // { status: 'optimal', shifts: [{ agentId, start, end, breaks }], violations: [], … }
 */
export async function solveRoster(
  problem: RosterProblem,
  options: { relativeGap?: number; timeLimitSeconds?: number } = {},
): Promise<RosterSolution> {
  const started = performance.now();
  validate(problem);
  const w = { ...DEFAULT_WEIGHTS, ...problem.weights };
  const rules = problem.rules ?? DEFAULT_RULES;
  const candidates = enumerate(problem);
  const unassignable = problem.agents.flatMap((a, i) =>
    candidates.some((c) => c.agent === i)
      ? []
      : [
          {
            agentId: a.id,
            reason: a.queues.includes(problem.queueKey)
              ? ('no_availability' as const)
              : ('not_qualified' as const),
          },
        ],
  );
  const highs = await loadSolver();
  const limit = options.timeLimitSeconds ?? 30;
  const gap = options.relativeGap ?? 0.01;
  const out = runMip(highs, buildModel(problem, candidates, w, rules), gap, limit);
  // Second stage: the fewest preferences broken without costing more than the first stage found.
  if (out.objective !== null && candidates.some((c) => c.broken > 0)) {
    const cap = out.objective + 1e-6 * Math.max(1, Math.abs(out.objective));
    const left = Math.max(1, limit - (performance.now() - started) / 1000);
    const kept = runMip(highs, buildModel(problem, candidates, w, rules, cap), gap, left);
    if (kept.x) out.x = kept.x;
  }
  const seconds = (performance.now() - started) / 1000;
  const chosen = out.x ? candidates.filter((_, j) => out.x![j]! > 0.5) : [];
  const shifts = chosen.map((c) => c.shift).sort((a, b) => a.start - b.start);
  const most = (pick: (c: Candidate) => boolean) =>
    Math.max(0, ...problem.agents.map((_, i) => chosen.filter((c) => c.agent === i && pick(c)).length));
  const status = !out.x
    ? 'no_solution'
    : out.modelStatus === highs.constants.modelStatus.optimal
      ? 'optimal'
      : 'feasible';
  return {
    status,
    objective: out.objective === null ? null : Math.round(out.objective * 1e6) / 1e6,
    gap: out.gap,
    shifts,
    violations: checkRoster({
      queueKey: problem.queueKey,
      firstDay: problem.firstDay,
      requirement: problem.requirement,
      agents: problem.agents,
      timeOff: problem.timeOff,
      shifts: shifts.map((s, i) => ({ ...s, id: String(i) })),
      rules,
    }).map((v) => ({ ...v, shiftId: null })),
    unassignable,
    fairness: { maxWeekendDays: most((c) => c.weekend), maxNights: most((c) => c.night) },
    preferences: preferenceTally(problem.agents, problem.firstDay, problem.requirement.length, shifts),
    seconds,
  };
}

/** Every (agent, day, pattern) the agent may work. */
function enumerate(problem: RosterProblem): Candidate[] {
  const off = new Set(problem.timeOff.map((t) => `${t.agentId}/${t.day}`));
  const days = problem.requirement.length;
  const placed = problem.patterns.map((p) => placePattern(p, 0));
  const out: Candidate[] = [];
  problem.agents.forEach((agent, a) => {
    if (!agent.queues.includes(problem.queueKey)) return;
    for (let d = 0; d < days; d++) {
      const day = problem.firstDay + d;
      if (off.has(`${agent.id}/${day}`)) continue;
      for (const p of placed) {
        const shift = {
          agentId: agent.id,
          start: p.start + day * DAY_MS,
          end: p.end + day * DAY_MS,
          breaks: p.breaks.map((b) => ({ ...b, start: b.start + day * DAY_MS, end: b.end + day * DAY_MS })),
        };
        if (!withinAvailability(agent, shift.start, shift.end)) continue;
        const cells: number[] = [];
        for (let t = shift.start; t < shift.end; t += PERIOD_MS) {
          if (shift.breaks.some((b) => t >= b.start && t < b.end)) continue;
          const k = (t - problem.firstDay * DAY_MS) / PERIOD_MS;
          if (k < days * PERIODS_PER_DAY) cells.push(k);
        }
        out.push({
          agent: a,
          day: d,
          shift,
          paid: paidMinutes(shift),
          cells,
          weekend: isWeekend(day),
          night: isNight(shift.start, shift.end),
          broken: brokenBy(agent, shift),
        });
      }
    }
  });
  return out;
}

function buildModel(
  problem: RosterProblem,
  candidates: readonly Candidate[],
  w: RosterWeights,
  rules: RosterRules,
  /** When given, the cost above stays within it and the preferences broken are minimised instead. */
  cap?: number,
): ModelData {
  const days = problem.requirement.length;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (lower: number, upper: number) => {
    rowUpper.push(upper);
    return rowLower.push(lower) - 1;
  };
  const INF = Number.POSITIVE_INFINITY;
  // Column entries (row, value); y columns first, then slacks.
  const entries: [number, number][][] = candidates.map(() => []);
  let colCost: number[] = candidates.map(() => 0);
  const colUpper: number[] = candidates.map(() => 1);
  const integrality: (0 | 1)[] = candidates.map(() => 1);
  const addColumn = (cost: number, cells: [number, number][]) => {
    entries.push(cells);
    colCost.push(cost);
    colUpper.push(INF);
    integrality.push(0);
  };
  const put = (rowIndex: number, js: readonly number[], value = 1) => {
    for (const j of js) entries[j]!.push([rowIndex, value]);
  };
  const byAgentDay = new Map<string, number[]>();
  candidates.forEach((c, j) => {
    const key = `${c.agent}/${c.day}`;
    byAgentDay.set(key, [...(byAgentDay.get(key) ?? []), j]);
  });
  for (const js of byAgentDay.values()) put(row(0, 1), js);
  const weekendRows: number[] = [];
  const nightRows: number[] = [];
  problem.agents.forEach((agent, a) => {
    const mine = candidates.flatMap((c, j) => (c.agent === a ? [j] : []));
    if (mine.length === 0) return;
    const limits = horizonLimits(agent, days);
    put(row(0, limits.days), mine);
    const cap = row(0, limits.maxMinutes);
    for (const j of mine) entries[j]!.push([cap, candidates[j]!.paid]);
    const floor = row(limits.targetMinutes, INF);
    for (const j of mine) entries[j]!.push([floor, candidates[j]!.paid]);
    addColumn(w.contractHour / 60, [[floor, 1]]);
    const weekend = row(-INF, 0);
    put(
      weekend,
      mine.filter((j) => candidates[j]!.weekend),
    );
    weekendRows.push(weekend);
    const night = row(-INF, 0);
    put(
      night,
      mine.filter((j) => candidates[j]!.night),
    );
    nightRows.push(night);
    restRows(candidates, mine, rules, (js) => put(row(0, 1), js));
  });
  addColumn(
    w.weekend,
    weekendRows.map((r) => [r, -1]),
  );
  addColumn(
    w.night,
    nightRows.map((r) => [r, -1]),
  );
  const cellRows = new Map<number, number>();
  const required = problem.requirement.flat();
  candidates.forEach((c, j) => {
    for (const cell of c.cells) {
      let r = cellRows.get(cell);
      if (r === undefined) {
        r = row(required[cell]!, required[cell]!);
        cellRows.set(cell, r);
        addColumn(w.over, [[r, -1]]);
        if (required[cell]! > 0) addColumn(w.under, [[r, 1]]);
      }
      entries[j]!.push([r, 1]);
    }
  });
  if (cap !== undefined) {
    const r = row(-INF, cap);
    colCost.forEach((cost, j) => {
      if (cost !== 0) entries[j]!.push([r, cost]);
    });
    colCost = colCost.map((_, j) => candidates[j]?.broken ?? 0);
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const col of entries) {
    for (const [r, v] of col) {
      indices.push(r);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const numCols = entries.length;
  const numRows = rowLower.length;
  return {
    numCols,
    numRows,
    colCost,
    colLower: new Array<number>(numCols).fill(0),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    integrality,
  };
}

/**
 * Rest between consecutive days: for each start time on day d+1, the shifts of day d that end too
 * late before it. One shift a day makes one row per start time enough.
 */
function restRows(
  candidates: readonly Candidate[],
  mine: readonly number[],
  rules: RosterRules,
  add: (js: number[]) => void,
): void {
  const byDay = new Map<number, number[]>();
  for (const j of mine) byDay.set(candidates[j]!.day, [...(byDay.get(candidates[j]!.day) ?? []), j]);
  for (const [day, today] of byDay) {
    const tomorrow = byDay.get(day + 1);
    if (!tomorrow) continue;
    const starts = new Map<number, number[]>();
    for (const j of tomorrow) {
      const s = candidates[j]!.shift.start;
      starts.set(s, [...(starts.get(s) ?? []), j]);
    }
    for (const [start, js] of starts) {
      const clash = today.filter((j) => start - candidates[j]!.shift.end < rules.minRestMinutes * 60_000);
      if (clash.length > 0) add([...js, ...clash]);
    }
  }
}

function validate(problem: RosterProblem): void {
  if (problem.requirement.length === 0) throw new WfmError('wfm.invalid_input', 'the roster has no days');
  problem.requirement.forEach((r, d) => {
    if (r.length !== PERIODS_PER_DAY)
      throw new WfmError('wfm.invalid_input', `day ${d + 1} has ${r.length} quarter hours, not 96`);
    if (r.some((v) => !Number.isInteger(v) || v < 0))
      throw new WfmError('wfm.invalid_input', `day ${d + 1}: requirements must be whole numbers ≥ 0`);
  });
  if (problem.patterns.length === 0) throw new WfmError('wfm.invalid_input', 'there are no shift patterns');
  const ids = new Set<string>();
  for (const agent of problem.agents) {
    if (ids.has(agent.id)) throw new WfmError('wfm.invalid_input', `agent ${agent.id} is listed twice`);
    ids.add(agent.id);
    validateAgent(agent);
  }
}
