import highsLoader, { type Highs, type ModelData } from 'highs';
import { WfmError } from './errors.ts';
import type { ShiftPattern } from './shift-patterns.ts';

/**
 * Shift scheduling as set covering (Dantzig 1954), solved as a mixed-integer program by HiGHS.
 * x[d][s] ≥ 0 integer is the number of agents working shift s on day d; a shift covers the periods
 * its coverage marks, running into the next day when longer than the day.
 *   min_cost:            min Σ cost·x   s.t. cover(d,p) ≥ required(d,p)
 *   min_abs_difference:  min Σ w⁻·under + w⁺·over   s.t. cover − required = over − under
 * Both take a cap on agents per period (cover ≤ cap) and per shift and day (x ≤ cap).
 */

export type CoverObjective = 'min_cost' | 'min_abs_difference';

export interface CoverProblem {
  /** Agents required, days × periods of a day. */
  requirement: number[][];
  patterns: ShiftPattern[];
  objective: CoverObjective;
  maxPeriodConcurrency?: number;
  maxShiftConcurrency?: number;
  /** Weights of a missing and of a surplus agent-period (min_abs_difference; default 1 and 1). */
  underWeight?: number;
  overWeight?: number;
  /** A shift running past the last day covers the first day (a repeating weekly rota). */
  cyclic?: boolean;
}

export interface CoverSolveOptions {
  /** Stop once the incumbent is proven within this relative gap (default 1e−4, HiGHS's own). */
  relativeGap?: number;
  timeLimitSeconds?: number;
}

export interface ShiftCount {
  day: number;
  shift: string;
  agents: number;
}

export interface CoverSolution {
  /** 'feasible': a schedule found but not proven within the gap before the time limit. */
  status: 'optimal' | 'feasible' | 'infeasible' | 'no_solution';
  objective: number | null;
  /** Relative gap between the schedule and the best bound ('optimal' means within the gap asked for). */
  gap: number | null;
  shifts: ShiftCount[];
  /** Agents covering each period (days × periods), null without a schedule. */
  coverage: number[][] | null;
  /** Why no schedule exists, when a single period or shift explains it. */
  reason?: string;
  seconds: number;
}

let solver: Promise<Highs> | undefined;

/** The WebAssembly solver, loaded once per process: loading costs about 150 ms. */
/** Solves a MIP quietly to a relative gap: its status and, when one was found, the solution. */
export function runMip(highs: Highs, data: ModelData, relativeGap: number, timeLimitSeconds?: number) {
  return highs.withModel(data, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: relativeGap });
    if (timeLimitSeconds !== undefined) m.options.set('time_limit', timeLimitSeconds);
    const { modelStatus } = m.run();
    const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
    return {
      modelStatus,
      x: hasSolution ? Array.from(m.getSolution().colValue) : null,
      objective: hasSolution ? m.getObjectiveValue() : null,
      gap: hasSolution ? Number(m.info.get('mip_gap')) : null,
    };
  });
}

export function loadSolver(): Promise<Highs> {
  solver ??= highsLoader();
  return solver;
}

/**
 * Solves one cover problem.
 *
 * @example
 * await solveCover({ requirement: [[1, 2, 2, 1]], objective: 'min_cost',
 *   patterns: [{ name: 'early', coverage: [1, 1, 1] }, { name: 'late', coverage: [0, 1, 1, 1] }] });
 * // { status: 'optimal', objective: 2, shifts: [{ day: 0, shift: 'early', agents: 1 }, …], … }
 */
export async function solveCover(
  problem: CoverProblem,
  options: CoverSolveOptions = {},
): Promise<CoverSolution> {
  const started = performance.now();
  const model = buildModel(problem);
  const reason = explainInfeasible(problem, model.columns, model.periods);
  if (reason)
    return {
      status: 'infeasible',
      objective: null,
      gap: null,
      shifts: [],
      coverage: null,
      reason,
      seconds: 0,
    };
  const highs = await loadSolver();
  const out = runMip(highs, model.data, options.relativeGap ?? 1e-4, options.timeLimitSeconds);
  const seconds = (performance.now() - started) / 1000;
  const st = highs.constants.modelStatus;
  if (out.modelStatus === st.infeasible || out.modelStatus === st.unboundedOrInfeasible) {
    return {
      status: 'infeasible',
      objective: null,
      gap: null,
      shifts: [],
      coverage: null,
      reason: 'the limits cannot all be met',
      seconds,
    };
  }
  if (!out.x || out.objective === null) {
    if (out.modelStatus === st.timeLimit || out.modelStatus === st.interrupted) {
      return { status: 'no_solution', objective: null, gap: null, shifts: [], coverage: null, seconds };
    }
    throw new WfmError(
      'wfm.solver_failed',
      `the solver stopped with status ${out.modelStatus} and no schedule`,
    );
  }
  const x = out.x;
  const shifts = model.columns
    .map((c, j) => ({ day: c.day, shift: problem.patterns[c.pattern]!.name, agents: Math.round(x[j]!) }))
    .filter((s) => s.agents > 0)
    .sort((a, b) => a.day - b.day);
  const coverage = problem.requirement.map((row) => row.map(() => 0));
  model.columns.forEach((c, j) => {
    for (const cell of c.cells)
      coverage[Math.floor(cell / model.periods)]![cell % model.periods]! += Math.round(x[j]!);
  });
  return {
    status: out.modelStatus === st.optimal ? 'optimal' : 'feasible',
    objective: Math.round(out.objective * 1e6) / 1e6,
    gap: out.gap,
    shifts,
    coverage,
    seconds,
  };
}

interface Column {
  day: number;
  pattern: number;
  /** Cover rows (day·periods + period) this shift-day counts in. */
  cells: number[];
}

function buildModel(problem: CoverProblem) {
  const days = problem.requirement.length;
  const periods = problem.requirement[0]?.length ?? 0;
  validate(problem, periods);
  const nCells = days * periods;
  const columns: Column[] = [];
  problem.patterns.forEach((pattern, s) => {
    for (let d = 0; d < days; d++) {
      if (pattern.days && !pattern.days.includes(d)) continue;
      const cells: number[] = [];
      pattern.coverage.forEach((on, k) => {
        if (!on) return;
        const day = d + Math.floor(k / periods);
        if (day < days) cells.push(day * periods + (k % periods));
        else if (problem.cyclic) cells.push((day % days) * periods + (k % periods));
      });
      columns.push({ day: d, pattern: s, cells });
    }
  });
  const abs = problem.objective === 'min_abs_difference';
  const cap = problem.maxPeriodConcurrency ?? Number.POSITIVE_INFINITY;
  // With slack variables the cover rows are equalities, so the period cap needs rows of its own.
  const capRows = abs && Number.isFinite(cap);
  const numRows = capRows ? 2 * nCells : nCells;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const push = (row: number, v: number) => {
    indices.push(row);
    values.push(v);
  };
  for (const c of columns) {
    for (const cell of c.cells) push(cell, 1);
    if (capRows) for (const cell of c.cells) push(nCells + cell, 1);
    starts.push(indices.length);
  }
  const required = problem.requirement.flat();
  if (abs) {
    for (let cell = 0; cell < nCells; cell++) {
      push(cell, 1); // under
      starts.push(indices.length);
      push(cell, -1); // over
      starts.push(indices.length);
    }
  }
  const numCols = starts.length - 1;
  const xCost = columns.map((c) => (abs ? 0 : (problem.patterns[c.pattern]!.cost ?? 1)));
  const slackCost = abs ? required.flatMap(() => [problem.underWeight ?? 1, problem.overWeight ?? 1]) : [];
  const data: ModelData = {
    numCols,
    numRows,
    colCost: [...xCost, ...slackCost],
    colLower: new Array<number>(numCols).fill(0),
    colUpper: [
      ...columns.map(() => problem.maxShiftConcurrency ?? Number.POSITIVE_INFINITY),
      ...slackCost.map(() => Number.POSITIVE_INFINITY),
    ],
    rowLower: [...required, ...(capRows ? required.map(() => Number.NEGATIVE_INFINITY) : [])],
    rowUpper: abs ? [...required, ...(capRows ? required.map(() => cap) : [])] : required.map(() => cap),
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    integrality: [...columns.map(() => 1 as const), ...slackCost.map(() => 0 as const)],
  };
  return { data, columns, periods };
}

/**
 * A cheap check, before asking the solver, that names the period no schedule can cover: the one
 * short by the most, and how many others are short too.
 */
function explainInfeasible(
  problem: CoverProblem,
  columns: readonly Column[],
  periods: number,
): string | undefined {
  if (problem.objective !== 'min_cost') return undefined;
  const nCells = problem.requirement.length * periods;
  const shiftCap = problem.maxShiftConcurrency ?? Number.POSITIVE_INFINITY;
  const cap = problem.maxPeriodConcurrency ?? Number.POSITIVE_INFINITY;
  const shifts = new Float64Array(nCells);
  for (const c of columns) for (const cell of c.cells) shifts[cell]!++;
  let worst: { short: number; text: string } | undefined;
  let count = 0;
  for (let cell = 0; cell < nCells; cell++) {
    const need = problem.requirement[Math.floor(cell / periods)]![cell % periods]!;
    const n = shifts[cell]!;
    const most = Math.min(n * shiftCap, cap);
    if (need <= most) continue;
    count++;
    const where = `day ${Math.floor(cell / periods) + 1} period ${cell % periods} needs ${need}`;
    const text =
      n === 0
        ? `${where} but no shift covers it`
        : most === cap
          ? `${where}, above the cap of ${cap} agents per period`
          : `${where} but at most ${most} can be covered (${n} shift${n === 1 ? '' : 's'} × ${shiftCap})`;
    if (!worst || need - most > worst.short) worst = { short: need - most, text };
  }
  if (!worst) return undefined;
  return count === 1
    ? worst.text
    : `${worst.text}; ${count - 1} other period${count === 2 ? ' is' : 's are'} short too`;
}

function validate(problem: CoverProblem, periods: number): void {
  if (periods === 0) throw new WfmError('wfm.invalid_input', 'the requirement has no periods');
  problem.requirement.forEach((row, d) => {
    if (row.length !== periods) {
      throw new WfmError('wfm.invalid_input', `day ${d + 1} has ${row.length} periods, day 1 has ${periods}`);
    }
    row.forEach((v, p) => {
      if (!Number.isFinite(v) || v < 0) {
        throw new WfmError(
          'wfm.invalid_input',
          `day ${d + 1} period ${p}: requirement must be ≥ 0, got ${v}`,
        );
      }
    });
  });
  if (problem.patterns.length === 0) throw new WfmError('wfm.invalid_input', 'there are no shift patterns');
  for (const p of problem.patterns) {
    if (p.cost !== undefined && (!Number.isFinite(p.cost) || p.cost < 0)) {
      throw new WfmError('wfm.invalid_input', `shift ${p.name}: cost must be ≥ 0, got ${p.cost}`);
    }
  }
  for (const [name, v] of [
    ['max period concurrency', problem.maxPeriodConcurrency],
    ['max shift concurrency', problem.maxShiftConcurrency],
  ] as const) {
    if (v !== undefined && (!Number.isFinite(v) || v < 0))
      throw new WfmError('wfm.invalid_input', `${name} must be ≥ 0, got ${v}`);
  }
}
