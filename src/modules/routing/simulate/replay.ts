/**
 * Replays one day of the Anonymous Bank through the routing core and measures the real day the same
 * way: the digital twin's check against what happened.
 */
import type { BankCall } from '../../../lib/anonymous-bank/index.ts';
import {
  afterCallGaps,
  bankCalls,
  dutyByInterval,
  dutyFromServices,
  isOffered,
  meanPatience,
  realDay,
} from './bank.ts';
import { type Report, summarise } from './metrics.ts';
import { seededRandom } from './prng.ts';
import { runSimulation, type Shift, type SimulationResult } from './run.ts';

export interface BankReplayOptions {
  /** YYYY-MM-DD. */
  date: string;
  targetSeconds?: number;
  intervalSeconds?: number;
  /**
   * How to read who was on duty from the data: `sessions` (default) joins each server's services
   * separated by at most `dutyGapSeconds`; `interval` puts a server on duty for every whole interval
   * in which it served. Ignored when a roster is given.
   */
  duty?: 'sessions' | 'interval';
  /** Default 600: a pause of ten minutes or more is a break, not waiting for the next call. */
  dutyGapSeconds?: number;
  roster?: Shift[];
  /** Seed of the draws for unobserved quantities (served callers' patience, unserved calls' service). */
  seed?: number;
}

export interface BankReplay {
  simulated: SimulationResult;
  real: Report;
  /** The duty the replay used, also the denominator of the real occupancy. */
  duty: Shift[];
  /** Mean patience (s) estimated from all the calls given, by the censored-exponential MLE. */
  patienceMean: number;
}

/** Dates present in the records, in order. */
export function bankDates(calls: BankCall[]): string[] {
  return [...new Set(calls.map((c) => c.date))].sort();
}

/**
 * @param calls every record of the input (patience is estimated over all of them; the replay uses
 *   those of `options.date`).
 * @example
 * const { simulated, real } = replayBankDay(parseAnonymousBank(text), { date: '1999-01-03' });
 */
export function replayBankDay(calls: BankCall[], options: BankReplayOptions): BankReplay {
  const day = calls.filter((c) => c.date === options.date);
  if (!day.some(isOffered)) throw new Error(`no offered calls on ${options.date}`);
  const targetSeconds = options.targetSeconds ?? 20;
  const intervalSeconds = options.intervalSeconds ?? 3600;
  const gap = options.dutyGapSeconds ?? 600;
  const duty =
    options.roster ??
    (options.duty === 'interval' ? dutyByInterval(day, intervalSeconds) : dutyFromServices(day, gap));
  const patienceMean = meanPatience(calls);
  // After-call time is read with the same notion of "still on duty" as the duty itself.
  const wrapUps = afterCallGaps(day, options.duty === 'interval' ? intervalSeconds : gap);
  const random = seededRandom(options.seed ?? 1);
  const simulated = runSimulation({
    calls: bankCalls(day, patienceMean, random, wrapUps),
    shifts: duty,
    targetSeconds,
    intervalSeconds,
  });
  const actual = realDay(day);
  const real = summarise(actual.outcomes, actual.busy, duty, { targetSeconds, intervalSeconds });
  return { simulated, real, duty, patienceMean };
}
