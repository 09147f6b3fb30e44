import { describe, expect, it } from 'vitest';
import { placePattern, solveRoster } from './roster.ts';
import { checkRoster } from './roster-check.ts';
import { dayOf, mondayWeekday, PERIODS_PER_DAY, type RosterAgent, type Window } from './roster-types.ts';
import { DAY_MS } from './series.ts';
import { shiftPatterns } from './shift-patterns.ts';

/** Monday 2 March 2026. */
const MONDAY = Date.UTC(2026, 2, 2) / DAY_MS;
const q = (h: number, m = 0) => (h * 60 + m) / 15;

/** Days × 96 with `agents` from `from` to `to` (quarter hours) on the given weekdays (0 = Monday). */
function requirement(
  days: number,
  from: number,
  to: number,
  agents: number,
  weekdays = [0, 1, 2, 3, 4, 5, 6],
) {
  return Array.from({ length: days }, (_, d) =>
    Array.from({ length: PERIODS_PER_DAY }, (_, p) =>
      weekdays.includes(mondayWeekday(MONDAY + d)) && p >= from && p < to ? agents : 0,
    ),
  );
}

const everyDay = (w: Window | null): (Window | null)[] => Array.from({ length: 7 }, () => w);
const weekdays = (w: Window): (Window | null)[] => [w, w, w, w, w, null, null];

function agent(id: string, over: Partial<RosterAgent> = {}): RosterAgent {
  return {
    id,
    queues: ['sales'],
    contractMinutes: 2400,
    maxDays: 5,
    availability: weekdays([420, 1080]),
    ...over,
  };
}

const dayShift = shiftPatterns({
  periodMinutes: 15,
  startMinutes: [480],
  lengthMinutes: [510],
  breaks: [{ afterMinutes: 240, minutes: 30, paid: false }],
});

describe('placing a pattern', () => {
  it('turns its coverage into a start, an end and breaks, a gap of 30 minutes being a lunch', () => {
    const [pattern] = shiftPatterns({
      periodMinutes: 15,
      startMinutes: [480],
      lengthMinutes: [540],
      breaks: [
        { afterMinutes: 120, minutes: 15, paid: true },
        { afterMinutes: 240, minutes: 60, paid: false },
      ],
    });
    const s = placePattern(pattern!, 0);
    expect([s.start, s.end].map((t) => t / 60_000)).toEqual([480, 1020]);
    expect(s.breaks.map((b) => [b.kind, b.start / 60_000, b.end / 60_000])).toEqual([
      ['break', 600, 615],
      ['lunch', 720, 780],
    ]);
  });
});

describe('rostering', () => {
  it('gives the skilled agents their contracted week and leaves out who lacks the skill', async () => {
    const r = await solveRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, q(8), q(16, 30), 2, [0, 1, 2, 3, 4]),
      patterns: dayShift,
      agents: [agent('ana'), agent('beto'), agent('ciro', { queues: ['support'] })],
      timeOff: [],
    });
    expect(r.status).toBe('optimal');
    expect(r.unassignable).toEqual([{ agentId: 'ciro', reason: 'not_qualified' }]);
    for (const id of ['ana', 'beto']) {
      const mine = r.shifts.filter((s) => s.agentId === id);
      expect(mine.map((s) => mondayWeekday(dayOf(s.start)))).toEqual([0, 1, 2, 3, 4]);
    }
    // With one lunch placement both lunch at 12:00: the queue is short then, and ciro short of hours.
    const short = r.violations.filter((v) => v.code === 'understaffed');
    expect(short.map((v) => [v.message.slice(11), v.figures.short])).toEqual(
      Array.from({ length: 5 }, () => ['12:00–12:30: up to 2 agents short', 2]),
    );
    expect(r.violations.filter((v) => v.code !== 'understaffed').map((v) => [v.code, v.agentId])).toEqual([
      ['under_contract', 'ciro'],
    ]);
  });

  it('keeps an approved day off and says the day is short', async () => {
    const r = await solveRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, q(8), q(12), 2, [0, 1, 2, 3, 4]),
      patterns: dayShift,
      agents: [agent('ana'), agent('beto')],
      timeOff: [{ agentId: 'ana', day: MONDAY + 2 }],
    });
    expect(r.shifts.some((s) => s.agentId === 'ana' && dayOf(s.start) === MONDAY + 2)).toBe(false);
    const short = r.violations.find((v) => v.code === 'understaffed');
    expect(short).toMatchObject({ at: (MONDAY + 2) * DAY_MS + 8 * 3_600_000, figures: { short: 1 } });
    expect(short!.message).toBe('2026-03-04 08:00–12:00: up to 1 agent short');
  });

  it('never schedules a late shift before an early one without the rest between them', async () => {
    const patterns = shiftPatterns({ periodMinutes: 15, startMinutes: [360, 900], lengthMinutes: [480] });
    const late = requirement(7, q(15), q(23), 1);
    const early = requirement(7, q(6), q(14), 1);
    const r = await solveRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: late.map((row, d) => row.map((v, p) => v + early[d]![p]!)),
      patterns,
      agents: [agent('ana', { maxDays: 7, contractMinutes: 7 * 480, availability: everyDay([0, 1440]) })],
      timeOff: [],
    });
    expect(r.shifts).toHaveLength(7);
    const sorted = r.shifts.map((s) => s.start).sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const before = r.shifts.find((s) => s.start === sorted[i - 1])!;
      expect(sorted[i]! - before.end).toBeGreaterThanOrEqual(11 * 3_600_000);
    }
  });

  it('shares the weekends out: no agent works two weekend days while another works none', async () => {
    const r = await solveRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, q(8), q(16, 30), 2),
      patterns: dayShift,
      agents: ['a', 'b', 'c', 'd'].map((id) => agent(id, { availability: everyDay([420, 1080]) })),
      timeOff: [],
    });
    expect(r.fairness.maxWeekendDays).toBe(1);
    const weekend = (id: string) =>
      r.shifts.filter((s) => s.agentId === id && mondayWeekday(dayOf(s.start)) >= 5).length;
    expect(['a', 'b', 'c', 'd'].map(weekend)).toEqual([1, 1, 1, 1]);
  });

  it('gives a full shift on a one-day plan, the weekly contract being the cap', async () => {
    const r = await solveRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(1, q(8), q(16, 30), 1),
      patterns: dayShift,
      agents: [agent('ana')],
      timeOff: [],
    });
    expect(r.shifts.map((s) => [s.agentId, (s.start - MONDAY * DAY_MS) / 3_600_000])).toEqual([['ana', 8]]);
    expect(r.violations.filter((v) => v.code !== 'understaffed')).toEqual([]);
  });

  it('refuses an agent listed twice and a contract out of range, naming them', async () => {
    const base = {
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(1, 0, 4, 1),
      patterns: dayShift,
      timeOff: [],
    };
    await expect(solveRoster({ ...base, agents: [agent('ana'), agent('ana')] })).rejects.toThrow(
      'agent ana is listed twice',
    );
    await expect(solveRoster({ ...base, agents: [agent('ana', { maxDays: 9 })] })).rejects.toThrow(
      'agent ana: max days must be a whole number from 0 to 7, got 9',
    );
  });
});

describe('checking a roster after edits', () => {
  const at = (day: number, h: number) => (MONDAY + day) * DAY_MS + h * 3_600_000;
  const shift = (id: string, agentId: string, day: number, h: number, length = 8) => ({
    id,
    agentId,
    start: at(day, h),
    end: at(day, h + length),
    breaks: [],
  });

  it('names each broken rule with the agent, the shift and the time', () => {
    const v = checkRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, 0, 0, 0),
      agents: [agent('ana', { maxDays: 2, contractMinutes: 900 }), agent('beto', { queues: [] })],
      timeOff: [{ agentId: 'ana', day: MONDAY + 1 }],
      shifts: [
        shift('1', 'ana', 0, 6),
        shift('2', 'ana', 1, 9),
        shift('3', 'ana', 2, 9),
        shift('4', 'ana', 2, 18, 2),
        shift('5', 'beto', 0, 9),
        shift('6', 'nadie', 0, 9),
      ],
    });
    const summary = v.map((x) => `${x.code}:${x.agentId}:${x.shiftId}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'unavailable:ana:1',
        'time_off:ana:2',
        'two_shifts:ana:4',
        'max_days:ana:null',
        'over_contract:ana:null',
        'not_qualified:beto:5',
        'unknown_agent:nadie:6',
      ]),
    );
    expect(v.find((x) => x.code === 'unavailable')!.message).toBe(
      "2026-03-02 06:00: the shift is outside the agent's availability",
    );
    expect(v.find((x) => x.code === 'over_contract')!.message).toBe("26 h paid, above the contract's 15 h");
    expect(v.every((x) => x.severity === 'error' || x.code === 'under_contract')).toBe(true);
  });

  it('reports too little rest between two days', () => {
    const v = checkRoster({
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, 0, 0, 0),
      agents: [agent('ana', { availability: everyDay([0, 1440]) })],
      timeOff: [],
      shifts: [shift('1', 'ana', 0, 15), shift('2', 'ana', 1, 6)],
    });
    expect(v.filter((x) => x.code === 'rest').map((x) => x.message)).toEqual([
      '2026-03-03 06:00: only 7 h of rest after the shift before (at least 11 h)',
    ]);
  });
});

describe('preferences', () => {
  const twoStarts = shiftPatterns({
    periodMinutes: 15,
    startMinutes: [480, 600],
    lengthMinutes: [510],
    breaks: [{ afterMinutes: 240, minutes: 30, paid: false }],
  });
  const startsOf = (r: Awaited<ReturnType<typeof solveRoster>>, id: string) =>
    r.shifts.filter((s) => s.agentId === id).map((s) => (s.start - dayOf(s.start) * DAY_MS) / 60_000);

  it('choose between rosters that cover alike: the start window and the day off', async () => {
    const long = { contractMinutes: 1920, maxDays: 4, availability: weekdays([420, 1140]) };
    const solve = (start: [number, number], daysOff: number[]) =>
      solveRoster({
        queueKey: 'sales',
        firstDay: MONDAY,
        // One agent from 8:00, two from 10:00 to 16:30, one until 18:30: an early and a late shift.
        requirement: requirement(7, q(8), q(18, 30), 1, [0, 1, 2, 3, 4]),
        patterns: twoStarts,
        agents: [
          agent('ana', { ...long, preferences: { start, daysOff } }),
          agent('beto', long),
          agent('ciro', long),
        ],
        timeOff: [],
      });
    const late = await solve([600, 630], [4]);
    expect(late.status).toBe('optimal');
    expect(startsOf(late, 'ana')).toEqual([600, 600, 600, 600]);
    expect(late.shifts.some((s) => s.agentId === 'ana' && mondayWeekday(dayOf(s.start)) === 4)).toBe(false);
    expect(late.preferences).toEqual([{ agentId: 'ana', met: 5, broken: 0 }]);
    const early = await solve([420, 480], [0]);
    expect(startsOf(early, 'ana')).toEqual([480, 480, 480, 480]);
    expect(early.shifts.some((s) => s.agentId === 'ana' && mondayWeekday(dayOf(s.start)) === 0)).toBe(false);
    expect(early.preferences).toEqual([{ agentId: 'ana', met: 5, broken: 0 }]);
    expect(early.objective).toBe(late.objective);
  });

  it('give way when cover needs the agent', async () => {
    const problem = {
      queueKey: 'sales',
      firstDay: MONDAY,
      requirement: requirement(7, q(8), q(16, 30), 1, [0, 1, 2, 3, 4]),
      patterns: twoStarts,
      timeOff: [],
    };
    const plain = await solveRoster({ ...problem, agents: [agent('ana')] });
    const wished = await solveRoster({
      ...problem,
      agents: [agent('ana', { preferences: { start: [600, 600], daysOff: [4] } })],
    });
    expect(startsOf(wished, 'ana')).toEqual([480, 480, 480, 480, 480]);
    expect(wished.shifts).toEqual(plain.shifts);
    expect(wished.violations).toEqual(plain.violations);
    expect(wished.preferences).toEqual([{ agentId: 'ana', met: 0, broken: 6 }]);
    expect(plain.preferences).toEqual([]);
  });

  it('refuse a start window that ends before it begins', async () => {
    await expect(
      solveRoster({
        queueKey: 'sales',
        firstDay: MONDAY,
        requirement: requirement(7, q(8), q(16, 30), 1),
        patterns: twoStarts,
        agents: [agent('ana', { preferences: { start: [1020, 480], daysOff: [] } })],
        timeOff: [],
      }),
    ).rejects.toThrow(
      'agent ana: preferred start must be quarter hours with 00:00 ≤ earliest ≤ latest < 24:00, got 17:00–08:00',
    );
  });
});
