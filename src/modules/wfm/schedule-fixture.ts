import { WfmError } from './errors.ts';
import type { CoverObjective, CoverProblem } from './schedule.ts';

/**
 * The shift-cover file format of `../shared/data/wfm/shift-cover-fixture.json` (pyworkforce's
 * scheduling inputs): days × periods of required agents, named shifts with their 0/1 coverage of a
 * day, and cases that each pick an objective, costs and caps. Any number of days, periods, shifts.
 */

export interface CoverCase {
  name: string;
  problem: CoverProblem;
}

/**
 * Reads a fixture object into one cover problem per case, naming what is wrong.
 *
 * @example
 * coverCases(JSON.parse(text)).map((c) => c.name); // ['min-cost, unit costs', …]
 */
export function coverCases(input: unknown): CoverCase[] {
  const f = asObject(input, 'the schedule file');
  const requirement = f.required_resources;
  if (
    !Array.isArray(requirement) ||
    !requirement.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'number'))
  ) {
    throw new WfmError(
      'wfm.invalid_input',
      'required_resources must be an array of days, each an array of numbers',
    );
  }
  const coverage = asObject(f.shifts_coverage, 'shifts_coverage');
  const names = Object.keys(coverage);
  for (const name of names) {
    const c = coverage[name];
    if (!Array.isArray(c) || !c.every((v) => v === 0 || v === 1)) {
      throw new WfmError('wfm.invalid_input', `shifts_coverage.${name} must be an array of 0 and 1`);
    }
  }
  if (!Array.isArray(f.cases) || f.cases.length === 0)
    throw new WfmError('wfm.invalid_input', 'cases must be a non-empty array');
  return f.cases.map((raw, i) => {
    const c = asObject(raw, `case ${i + 1}`);
    const name = typeof c.name === 'string' ? c.name : `case ${i + 1}`;
    const objective = c.objective;
    if (objective !== 'min_cost' && objective !== 'min_abs_difference') {
      throw new WfmError(
        'wfm.invalid_input',
        `${name}: objective must be min_cost or min_abs_difference, got ${String(objective)}`,
      );
    }
    const costs = c.cost_per_shift === undefined ? {} : asObject(c.cost_per_shift, `${name}: cost_per_shift`);
    const problem: CoverProblem = {
      requirement: requirement as number[][],
      objective: objective as CoverObjective,
      patterns: names.map((shift) => ({
        name: shift,
        coverage: coverage[shift] as number[],
        cost: optionalNumber(costs[shift], `${name}: cost of ${shift}`) ?? 1,
      })),
      maxPeriodConcurrency: optionalNumber(c.max_period_concurrency, `${name}: max_period_concurrency`),
      maxShiftConcurrency: optionalNumber(c.max_shift_concurrency, `${name}: max_shift_concurrency`),
    };
    return { name, problem };
  });
}

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new WfmError('wfm.invalid_input', `${what} must be an object`);
  return v as Record<string, unknown>;
}

function optionalNumber(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new WfmError('wfm.invalid_input', `${what} must be a number`);
  return v;
}
