/**
 * `npm run bench -- wfm`: workforce-management speed and forecast accuracy.
 * - week_staffing_ms: Erlang C and Erlang A staffing (80 % in 20 s) of a week of 15-minute intervals
 *   (672) whose loads run from 1 to 10,000 erlangs; goal under 100 ms. Peer: the textbook Erlang C
 *   (factorials and powers) in a brute-force search from one agent up, on the intervals it can
 *   compute at all (it overflows past about 170 agents).
 * - schedule_seconds / schedule_gap: the weekly shift-cover MIP at 15 minutes with 200 shift
 *   patterns, solved to a 0.5 % gap; goal under 30 s.
 * - backtest_seconds: the automatic forecast (every method backtested over 14 origins) on a year of
 *   5-minute data.
 * - simulate_day_seconds / simulated_sl: validation by simulation of a staffed day (48 half hours,
 *   up to 300 calls each, Erlang C at 80/20) through the routing simulator, 20 replications; the
 *   peer figure is Erlang's predicted service level for the same day, the reference it is checked against.
 * - roster_seconds / roster_short_quarter_hours: a week at 15 minutes given to 30 named agents
 *   (contracts, availability, weekends, 11 h rest); the peer is the anonymous shift cover of the same
 *   requirement and patterns, whose shortfall no roster can beat by much (it knows no names).
 * - forecast_mae: day-ahead MAE on the Anonymous Bank (January 1999, 30-minute intervals), the
 *   automatic choice against the same-weekday 4-week mean as peer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseAnonymousBank } from '../src/lib/anonymous-bank/index.ts';
import {
  AccuracyAccumulator,
  agentsNeeded,
  bankHistory,
  type CoverProblem,
  forecastSeries,
  type MethodName,
  onQueueAgents,
  type PlanSettings,
  planIntervals,
  type SeriesPoint,
  shiftPatterns,
  simulateDay,
  solveCover,
  staffIntervals,
  syntheticHistory,
} from '../src/modules/wfm/index.ts';
import { rosterWeek } from './support/wfm-roster.ts';
import type { Bench } from './types.ts';

const DAY_MS = 86_400_000;
const target = { serviceLevel: 0.8, targetSeconds: 20 };

/** Loads (erlangs) of the week's 672 intervals, spread evenly on a log scale from 1 to 10,000. */
const weekLoads = Array.from({ length: 672 }, (_, i) => 10 ** ((4 * i) / 671));

const bench: Bench = async (opts) => {
  const reps = opts.full ? 20 : 7;
  opts.progress('staffing a week of 672 intervals (Erlang C and A)');
  const staffC = median(reps, () => staffWeek('c'));
  const staffA = median(reps, () => staffWeek('a'));
  opts.progress('textbook Erlang C with brute-force search, on the loads it can compute');
  const small = weekLoads.filter((a) => textbookStaffing(a) !== undefined);
  const oursSmall = median(reps, () => {
    for (const a of small) agentsNeeded({ model: 'c', arrivalsPerHour: a * 12, ahtSeconds: 300, target });
  });
  const peerSmall = median(Math.min(reps, 3), () => {
    for (const a of small) textbookStaffing(a);
  });
  opts.progress('weekly schedule MIP, 200 shift patterns, 15-minute periods');
  const schedule = await weeklySchedule();
  opts.progress('forecast backtest on a year of 5-minute data');
  const backtestSeconds = yearBacktest(opts.full ? 28 : 14);
  opts.progress('validation by simulation of a staffed day');
  const sim = simulatedDay(opts.full ? 50 : 20);
  opts.progress('a week rostered on 30 named agents, and the anonymous cover of it');
  const roster = await rosterWeek();
  opts.progress('day-ahead forecasts of the Anonymous Bank');
  const bank = bankAccuracy();
  return {
    name: 'wfm',
    figures: {
      week_staffing_ms: staffC + staffA,
      week_staffing_c_ms: staffC,
      week_staffing_a_ms: staffA,
      textbook_loads_staffing_ms: oursSmall,
      schedule_seconds: schedule.seconds,
      schedule_gap: schedule.gap,
      backtest_seconds: backtestSeconds,
      simulate_day_seconds: sim.seconds,
      simulated_sl: sim.simulated,
      roster_seconds: roster.seconds,
      roster_gap: roster.gap,
      roster_short_quarter_hours: roster.short,
      ...(bank ? { forecast_mae: bank.auto } : {}),
    },
    peer: {
      textbook_loads_staffing_ms: peerSmall,
      simulated_sl: sim.predicted,
      cover_seconds: roster.coverSeconds,
      roster_short_quarter_hours: roster.coverShort,
      ...(bank ? { forecast_mae: bank.baseline } : {}),
    },
    ratios: {
      textbook_staffing_speedup: peerSmall / oursSmall,
      simulated_over_predicted_sl: sim.simulated / sim.predicted,
      ...(bank ? { forecast_mae_reduction: bank.baseline / bank.auto } : {}),
    },
    context: {
      week_loads: '672 intervals, 1 to 10,000 erlangs (log-spaced), AHT 300 s, 80 % in 20 s, patience 180 s',
      textbook_computable_intervals: `${small.length} of 672 (factorials overflow beyond)`,
      schedule: `${schedule.status}, ${schedule.patterns} patterns × 7 days = ${schedule.columns} integer columns, 672 periods, objective ${schedule.objective} paid hours`,
      roster: `${roster.status}, ${roster.shifts} shifts of ${roster.patterns} patterns, ${roster.errors} rules broken, most weekend days per agent ${roster.fairness.maxWeekendDays}`,
      simulation: `48 half hours, ${sim.calls} calls per simulated day, ${sim.replications} replications, Erlang C 80/20 staffing`,
      backtest: 'auto: 4 methods × 14 origins × 1-day horizon on 365 days × 288 intervals',
      ...(bank ? { forecast: `bank Jan 1999, 30 min, day-ahead from day 15: auto ${bank.methods}` } : {}),
    },
  };
};

export default bench;

/** A day shaped like a contact center's (quiet night, two peaks), staffed at 80/20 and simulated. */
function simulatedDay(replications: number) {
  const settings: PlanSettings = {
    horizonDays: 1,
    method: 'auto',
    level: 0.8,
    specialDays: [],
    work: 'queue',
    model: 'c',
    serviceLevel: 0.8,
    targetSeconds: 20,
    maxOccupancy: 1,
    shrinkage: 0,
    concurrency: 1,
    defaultAhtSeconds: 240,
  };
  const points = Array.from({ length: 48 }, (_, i) => {
    const hour = i / 2;
    const volume = 5 + 150 * Math.exp(-((hour - 10) ** 2) / 8) + 145 * Math.exp(-((hour - 15) ** 2) / 6);
    return { start: i * 1_800_000, forecast: volume, lo: volume, hi: volume, ahtSeconds: 240 };
  });
  const plan = planIntervals(points, 30, settings);
  const day = plan.map((p, i) => ({
    offset: i * 1800,
    volume: p.forecast,
    ahtSeconds: p.ahtSeconds,
    servers: onQueueAgents(p.requiredScheduled, 0),
  }));
  const t0 = performance.now();
  const figures = simulateDay(day, { intervalMinutes: 30, targetSeconds: 20, replications });
  const seconds = (performance.now() - t0) / 1000;
  const offered = figures.reduce((s, f) => s + f.offered, 0);
  const simulated = figures.reduce((s, f) => s + (f.serviceLevel ?? 0) * f.offered, 0) / offered;
  const volume = plan.reduce((s, p) => s + p.forecast, 0);
  const predicted = plan.reduce((s, p) => s + (p.serviceLevel ?? 0) * p.forecast, 0) / volume;
  return { seconds, simulated, predicted, replications, calls: Math.round(offered / replications) };
}

function staffWeek(model: 'c' | 'a'): void {
  const demand = weekLoads.map((a) => ({ volume: (a * 900) / 300, ahtSeconds: 300 }));
  staffIntervals(demand, { model, intervalMinutes: 15, target, patienceSeconds: 180 });
}

/** The textbook: P(wait) from Σ Aᵏ/k!, evaluated afresh for n = 1, 2, … until the target is met. */
function textbookStaffing(a: number): number | undefined {
  for (let n = Math.floor(a) + 1; n < 10 * a + 50; n++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += a ** k / factorial(k);
    const top = (a ** n / factorial(n)) * (n / (n - a));
    const pWait = top / (sum + top);
    if (!Number.isFinite(pWait)) return undefined;
    if (1 - pWait * Math.exp((-(n - a) * 20) / 300) >= 0.8) return n;
  }
  return undefined;
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** A centre open 06:00–24:00 every day, peaking mid-morning and mid-afternoon, busier on Mondays. */
async function weeklySchedule() {
  const periods = 96;
  const requirement = Array.from({ length: 7 }, (_, d) => {
    const demand = Array.from({ length: periods }, (_, p) => {
      const h = p / 4;
      if (h < 6) return { volume: 0, ahtSeconds: 300 };
      const shape = 0.3 + Math.exp(-((h - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((h - 15.5) ** 2) / 5);
      return { volume: shape * (d === 1 ? 110 : d === 6 ? 45 : 90), ahtSeconds: 300 };
    });
    return staffIntervals(demand, { model: 'c', intervalMinutes: 15, target }).map((s) => s.agents);
  });
  const patterns = shiftPatterns({
    periodMinutes: 15,
    startMinutes: Array.from({ length: 50 }, (_, i) => 360 + 15 * i),
    lengthMinutes: [240, 510],
    // An 8h30 shift takes its unpaid lunch at one of three times: 50 starts × (1 + 3) = 200 patterns.
    breaks: [
      { afterMinutes: 120, minutes: 15, paid: true },
      { afterMinutes: [210, 240, 270], minutes: 30, paid: false },
      { afterMinutes: 390, minutes: 15, paid: true },
    ],
  });
  const problem: CoverProblem = { requirement, patterns, objective: 'min_cost', maxShiftConcurrency: 60 };
  const r = await solveCover(problem, { relativeGap: 0.005, timeLimitSeconds: 60 });
  return { ...r, gap: r.gap ?? Number.NaN, columns: patterns.length * 7, patterns: patterns.length };
}

function yearBacktest(origins: number): number {
  const history = syntheticHistory({
    days: 365,
    intervalMinutes: 5,
    mean: (d, w, s) => {
      const h = s / 12;
      const week = w === 5 ? 0.35 : w === 6 ? 0.15 : 1;
      return (
        (0.2 + 3 * Math.exp(-((h - 11) ** 2) / 8) + 2 * Math.exp(-((h - 16) ** 2) / 6)) * week * (1 + d / 730)
      );
    },
  });
  const started = performance.now();
  forecastSeries(history, { intervalMinutes: 5, horizonDays: 1, backtestOrigins: origins });
  return (performance.now() - started) / 1000;
}

function bankAccuracy() {
  const file = new URL('../../shared/data/anonymous-bank/january-1999.tsv', import.meta.url);
  if (!existsSync(file)) return undefined;
  const points = bankHistory(parseAnonymousBank(readFileSync(file, 'utf8')), 30);
  const score = (method: MethodName | 'auto') => dayAhead(points, method);
  const auto = score('auto');
  return { auto: auto.mae, baseline: score('weekday_mean').mae, methods: auto.methods };
}

function dayAhead(points: SeriesPoint[], method: MethodName | 'auto') {
  const acc = new AccuracyAccumulator();
  const chosen = new Map<string, number>();
  const first = Math.floor(points[0]!.start / DAY_MS);
  const last = Math.floor(points.at(-1)!.start / DAY_MS);
  for (let day = first + 14; day <= last; day++) {
    const actual = new Map(
      points.filter((p) => Math.floor(p.start / DAY_MS) === day).map((p) => [p.start, p.count]),
    );
    if (actual.size === 0) continue;
    const f = forecastSeries(
      points.filter((p) => p.start < day * DAY_MS),
      { intervalMinutes: 30, horizonDays: 1, method },
    );
    chosen.set(f.method, (chosen.get(f.method) ?? 0) + 1);
    for (const p of f.points) {
      const a = actual.get(p.start);
      if (a !== undefined) acc.add(a, p.forecast);
    }
  }
  const methods = [...chosen].map(([m, n]) => `${m}×${n}`).join(', ');
  return { mae: acc.result().mae, methods };
}

function median(reps: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}
