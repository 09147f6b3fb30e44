import { readFileSync } from 'node:fs';
import { optionalNumberFlag, stringFlag, subcommand, UsageError } from './command-support.ts';
import { type CoverSolution, solveCover } from './schedule.ts';
import { coverCases } from './schedule-fixture.ts';

/** `atiende wfm schedule`: solves every case of a shift-cover file. An infeasible case is an answer, not an error. */

export const scheduleCommand = subcommand(
  { input: { type: 'string' }, gap: { type: 'string' }, 'time-limit': { type: 'string' } },
  async (flags, io) => {
    const file = stringFlag(flags, 'input');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read --input ${file} as JSON: ${(e as Error).message}`);
    }
    const options = {
      relativeGap: optionalNumberFlag(flags, 'gap'),
      timeLimitSeconds: optionalNumberFlag(flags, 'time-limit'),
    };
    const cases: { name: string; solution: CoverSolution }[] = [];
    for (const c of coverCases(parsed))
      cases.push({ name: c.name, solution: await solveCover(c.problem, options) });
    if (flags.json) {
      const out = cases.map(({ name, solution: s }) => ({
        name,
        status: s.status,
        objective: s.objective,
        shifts: s.shifts,
        ...(s.reason ? { reason: s.reason } : {}),
        ...(s.status === 'feasible' ? { gap: s.gap } : {}),
      }));
      io.stdout(`${JSON.stringify({ cases: out })}\n`);
      return 0;
    }
    for (const { name, solution: s } of cases) {
      const head = `${name}: ${s.status}${s.objective === null ? '' : `, objective ${s.objective}`}`;
      const gap = s.status === 'feasible' && s.gap !== null ? ` (gap ${(s.gap * 100).toFixed(2)} %)` : '';
      const lines = s.shifts.map((x) => `  day ${x.day}  ${x.shift.padEnd(12)} ${x.agents}`);
      io.stdout(
        `${head}${gap}${s.reason ? ` — ${s.reason}` : ''}\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
      );
    }
    return 0;
  },
);
