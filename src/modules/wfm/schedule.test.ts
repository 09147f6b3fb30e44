import { describe, expect, it } from 'vitest';
import { solveCover } from './schedule.ts';
import { coverCases } from './schedule-fixture.ts';
import { shiftPatterns } from './shift-patterns.ts';
import { readSharedData } from './test-data.ts';

const fixture = JSON.parse(readSharedData('wfm/shift-cover-fixture.json')) as {
  cases: { name: string; optimal_objective: number | null; expected_status?: string }[];
};

describe('shift cover fixture (../shared/data/wfm/shift-cover-fixture.json)', () => {
  const cases = coverCases(fixture);
  it.each(cases.map((c, i) => [c.name, c, fixture.cases[i]!] as const))('%s', async (_name, c, expected) => {
    const r = await solveCover(c.problem);
    if (expected.optimal_objective === null) {
      expect(r.status).toBe(expected.expected_status);
      expect(r.reason).toMatch(/day 2 period 21 needs 23 but at most 5 can be covered \(1 shift × 5\)/);
      return;
    }
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(expected.optimal_objective, 6);
    // The schedule returned is one that really covers the requirement (or has the stated difference).
    const req = c.problem.requirement;
    if (c.problem.objective === 'min_cost') {
      const short = r.coverage!.flatMap((row, d) => row.filter((v, p) => v < req[d]![p]!));
      expect(short).toEqual([]);
    } else {
      const diff = r.coverage!.flatMap((row, d) => row.map((v, p) => Math.abs(v - req[d]![p]!)));
      expect(diff.reduce((a, b) => a + b, 0)).toBe(expected.optimal_objective);
      expect(Math.max(...r.coverage!.flat())).toBeLessThanOrEqual(25);
      expect(Math.max(...r.shifts.map((s) => s.agents))).toBeLessThanOrEqual(20);
    }
  });
});

describe('shift cover', () => {
  it('runs a night shift into the next day, and round a weekly rota when cyclic', async () => {
    const patterns = [{ name: 'night', coverage: [0, 0, 1, 1, 1] }];
    const requirement = [
      [1, 1, 1],
      [1, 1, 1],
    ];
    const open = await solveCover({ requirement, patterns, objective: 'min_abs_difference' });
    const cyclic = await solveCover({ requirement, patterns, objective: 'min_abs_difference', cyclic: true });
    expect(open.coverage).toEqual([
      [0, 0, 1],
      [1, 1, 1],
    ]);
    expect(cyclic.coverage).toEqual(requirement);
  });

  it('names the period that no shift covers', async () => {
    const r = await solveCover({
      requirement: [[0, 3]],
      patterns: [{ name: 'a', coverage: [1] }],
      objective: 'min_cost',
    });
    expect(r).toMatchObject({
      status: 'infeasible',
      reason: 'day 1 period 1 needs 3 but no shift covers it',
    });
  });

  it('rejects a ragged requirement', async () => {
    await expect(
      solveCover({
        requirement: [[1, 2], [1]],
        patterns: [{ name: 'a', coverage: [1] }],
        objective: 'min_cost',
      }),
    ).rejects.toThrow(/day 2 has 1 periods, day 1 has 2/);
  });

  it('makes one pattern per alternative break placement, and one only where none fits', () => {
    const patterns = shiftPatterns({
      periodMinutes: 30,
      startMinutes: [480],
      lengthMinutes: [240, 510],
      breaks: [{ afterMinutes: [210, 240, 270], minutes: 30, paid: false }],
    });
    expect(patterns.map((p) => p.name)).toEqual([
      '08:00+4h',
      '08:00+8h30 break 11:30',
      '08:00+8h30 break 12:00',
      '08:00+8h30 break 12:30',
    ]);
    expect(patterns.map((p) => p.cost)).toEqual([4, 8, 8, 8]);
  });

  it('builds patterns with breaks cut out of coverage and unpaid time out of the cost', () => {
    const [p] = shiftPatterns({
      periodMinutes: 15,
      startMinutes: [480],
      lengthMinutes: [510],
      breaks: [{ afterMinutes: 240, minutes: 30, paid: false }],
    });
    expect(p!.name).toBe('08:00+8h30');
    expect(p!.cost).toBe(8);
    expect(p!.coverage.length).toBe(32 + 34);
    expect(p!.coverage.slice(32).join('')).toBe(`${'1'.repeat(16)}00${'1'.repeat(16)}`);
  });
});
