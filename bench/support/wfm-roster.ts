/**
 * The roster benchmark: a week at 15 minutes given to 30 named agents (full- and part-time, with
 * availability and weekends), against the anonymous shift cover of the same requirement and patterns
 * (no names, contracts or rest), whose shortfall is the least any roster can reach.
 */
import {
  DEFAULT_SHIFT,
  type RosterAgent,
  rosterCoverage,
  shiftPatterns,
  solveCover,
  solveRoster,
} from '../../src/modules/wfm/index.ts';

/** Monday 2 March 2026, a local epoch day number. */
const MONDAY = Date.UTC(2026, 2, 2) / 86_400_000;

/** Two peaks on weekdays up to 12 agents from 07:00 to 21:00, half on weekends. */
function requirement(): number[][] {
  return Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 96 }, (_, p) => {
      const h = p / 4;
      if (h < 7 || h >= 21) return 0;
      const peak = 2 + 7 * Math.exp(-((h - 10.5) ** 2) / 4) + 6 * Math.exp(-((h - 16) ** 2) / 5);
      return Math.round(d >= 5 ? peak / 2 : peak);
    }),
  );
}

function agents(): RosterAgent[] {
  const day = (from: number, to: number): [number, number] => [from * 60, to * 60];
  return Array.from({ length: 30 }, (_, i) => {
    const full = i < 20;
    const weekends = full ? i % 2 === 0 : true;
    const window = full ? day(6, 22) : i % 2 ? day(7, 15) : day(13, 21);
    return {
      id: `agent-${i}`,
      queues: ['sales'],
      contractMinutes: full ? 2400 : 1200,
      maxDays: full ? 5 : 4,
      availability: Array.from({ length: 7 }, (_, w) => (w < 5 || weekends ? window : null)),
    };
  });
}

/** Agent-quarter-hours below the requirement. */
function short(required: number[][], cover: number[][]): number {
  return required.reduce(
    (t, row, d) => t + row.reduce((s, r, p) => s + Math.max(0, r - cover[d]![p]!), 0),
    0,
  );
}

export async function rosterWeek() {
  const required = requirement();
  const patterns = shiftPatterns({
    periodMinutes: 15,
    startMinutes: Array.from({ length: 8 }, (_, i) => 420 + 60 * i),
    lengthMinutes: [DEFAULT_SHIFT.lengthMinutes, 270],
    breaks: DEFAULT_SHIFT.breaks,
  });
  const roster = await solveRoster(
    { queueKey: 'sales', firstDay: MONDAY, requirement: required, patterns, agents: agents(), timeOff: [] },
    { relativeGap: 0.01, timeLimitSeconds: 30 },
  );
  const cover = await solveCover(
    { requirement: required, patterns, objective: 'min_abs_difference', underWeight: 10, overWeight: 1 },
    { relativeGap: 0.01, timeLimitSeconds: 30 },
  );
  return {
    seconds: roster.seconds,
    gap: roster.gap ?? Number.NaN,
    status: roster.status,
    shifts: roster.shifts.length,
    patterns: patterns.length,
    short: short(
      required,
      rosterCoverage(
        MONDAY,
        7,
        roster.shifts.map((s, i) => ({ ...s, id: String(i) })),
      ),
    ),
    coverSeconds: cover.seconds,
    coverShort: cover.coverage ? short(required, cover.coverage) : Number.NaN,
    fairness: roster.fairness,
    errors: roster.violations.filter((v) => v.severity === 'error').length,
  };
}
