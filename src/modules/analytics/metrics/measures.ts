/**
 * The metric definitions, pure (see docs/metrics.md). Each contact contributes additive counts and sums
 * to a `Tally`; figures (service level, ASA, handle time, …) are ratios of tallies, computed last. Adding
 * tallies therefore never changes a definition: totals by agent add up to totals by queue, and any
 * split of a day into intervals adds up to the same day.
 */
import type { Contact } from './contacts.ts';

export interface MetricOptions {
  /** Service-level threshold: answered within this many seconds. */
  targetSeconds: number;
  /** Abandoned sooner than this is a short abandon, left out of service level and abandonment. */
  shortAbandonSeconds: number;
}

export const DEFAULT_OPTIONS: MetricOptions = { targetSeconds: 20, shortAbandonSeconds: 5 };

/** Additive counts (contacts) and sums (whole milliseconds, so that sums are exact in any order) that every figure is a ratio of. */
export interface Tally {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredInTarget: number;
  waitMs: number;
  abandonWaitMs: number;
  handled: number;
  talkMs: number;
  wrapUpMs: number;
  transfers: number;
  replied: number;
  firstReplyMs: number;
  resolved: number;
  resolutionMs: number;
  csatCount: number;
  csatSum: number;
  csatSatisfied: number;
  /** Agent time, from agent states (see agent-time.ts). */
  availableMs: number;
  busyMs: number;
  afterWorkMs: number;
  notReadyMs: number;
}

export const TALLY_KEYS = [
  'offered',
  'answered',
  'abandoned',
  'shortAbandoned',
  'answeredInTarget',
  'waitMs',
  'abandonWaitMs',
  'handled',
  'talkMs',
  'wrapUpMs',
  'transfers',
  'replied',
  'firstReplyMs',
  'resolved',
  'resolutionMs',
  'csatCount',
  'csatSum',
  'csatSatisfied',
  'availableMs',
  'busyMs',
  'afterWorkMs',
  'notReadyMs',
] as const satisfies readonly (keyof Tally)[];

export const emptyTally = (): Tally => Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as unknown as Tally;

/** Adds `b` into `a` and returns `a`. */
export function addTally(a: Tally, b: Tally): Tally {
  for (const k of TALLY_KEYS) a[k] += b[k];
  return a;
}

const span = (from: number, to: number) => Math.max(0, to - from);

/**
 * What one contact adds to its group. A contact counts in the interval in which it arrived, with
 * everything that happened to it since (its answer, its handle time, its survey).
 */
export function contactTally(c: Contact, options: MetricOptions): Tally {
  const t = emptyTally();
  if (c.arrivedAt === null) return t;
  t.offered = 1;
  t.transfers = c.transfers;
  if (c.answeredAt !== null) {
    const wait = span(c.arrivedAt, c.answeredAt);
    t.answered = 1;
    t.waitMs = wait;
    if (wait <= options.targetSeconds * 1000) t.answeredInTarget = 1;
    if (c.talkEndedAt !== null && c.closedAt !== null) {
      t.handled = 1;
      t.talkMs = span(c.answeredAt, c.talkEndedAt);
      t.wrapUpMs = span(c.talkEndedAt, c.closedAt);
    }
  } else if (c.abandonedAt !== null) {
    const wait = span(c.arrivedAt, c.abandonedAt);
    t.abandoned = 1;
    t.abandonWaitMs = wait;
    if (wait < options.shortAbandonSeconds * 1000) t.shortAbandoned = 1;
  }
  if (c.firstReplyAt !== null) {
    t.replied = 1;
    t.firstReplyMs = span(c.arrivedAt, c.firstReplyAt);
  }
  if (c.closedAt !== null && c.answeredAt !== null) {
    t.resolved = 1;
    t.resolutionMs = span(c.arrivedAt, c.closedAt);
  }
  if (c.csat !== null) {
    t.csatCount = 1;
    t.csatSum = c.csat;
    if (c.csat >= 4) t.csatSatisfied = 1;
  }
  return t;
}

/**
 * Tallies contacts into groups.
 * @example const byQueue = tallyBy(contacts, (c) => c.queueId ?? '', DEFAULT_OPTIONS);
 */
export function tallyBy(
  contacts: Iterable<Contact>,
  keyOf: (c: Contact) => string,
  options: MetricOptions,
): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const c of contacts) {
    if (c.arrivedAt === null) continue;
    const key = keyOf(c);
    const t = groups.get(key) ?? emptyTally();
    groups.set(key, addTally(t, contactTally(c, options)));
  }
  return groups;
}

/** The figures people read; ratios are null where their denominator is zero. Seconds and fractions 0–1. */
export interface Figures {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  ahtSeconds: number | null;
  talkSeconds: number | null;
  wrapUpSeconds: number | null;
  transfers: number;
  transferRate: number | null;
  firstReplySeconds: number | null;
  resolutionSeconds: number | null;
  occupancy: number | null;
  utilisation: number | null;
  csat: number | null;
  csatSatisfied: number | null;
  csatResponses: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const perSecond = (ms: number, n: number): number | null => (n > 0 ? ms / 1000 / n : null);

/**
 * @example figures(tally).serviceLevel // answered in target ÷ (offered − short abandons)
 */
export function figures(t: Tally): Figures {
  const counted = t.offered - t.shortAbandoned;
  const working = t.busyMs + t.afterWorkMs;
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned - t.shortAbandoned,
    shortAbandoned: t.shortAbandoned,
    serviceLevel: ratio(t.answeredInTarget, counted),
    asaSeconds: perSecond(t.waitMs, t.answered),
    abandonRate: ratio(t.abandoned - t.shortAbandoned, counted),
    ahtSeconds: perSecond(t.talkMs + t.wrapUpMs, t.handled),
    talkSeconds: perSecond(t.talkMs, t.handled),
    wrapUpSeconds: perSecond(t.wrapUpMs, t.handled),
    transfers: t.transfers,
    transferRate: ratio(t.transfers, t.answered),
    firstReplySeconds: perSecond(t.firstReplyMs, t.replied),
    resolutionSeconds: perSecond(t.resolutionMs, t.resolved),
    occupancy: ratio(working, working + t.availableMs),
    utilisation: ratio(working, working + t.availableMs + t.notReadyMs),
    csat: ratio(t.csatSum, t.csatCount),
    csatSatisfied: ratio(t.csatSatisfied, t.csatCount),
    csatResponses: t.csatCount,
  };
}

/**
 * First-contact resolution: of the answered, closed contacts with a customer and a reason, the share
 * after which the same customer made no new contact for the same reason within `days` days.
 * @example firstContactResolution(contacts, 7) // { eligible: 10, resolved: 8, rate: 0.8 }
 */
export function firstContactResolution(contacts: Contact[], days: number) {
  const window = days * 86_400_000;
  const byKey = new Map<string, number[]>();
  for (const c of contacts) {
    if (c.customerId === null || c.reason === null || c.arrivedAt === null) continue;
    const key = `${c.customerId}\u0000${c.reason}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c.arrivedAt]);
  }
  let eligible = 0;
  let resolved = 0;
  for (const c of contacts) {
    if (c.customerId === null || c.reason === null || c.arrivedAt === null) continue;
    if (c.answeredAt === null || c.closedAt === null) continue;
    eligible++;
    const others = byKey.get(`${c.customerId}\u0000${c.reason}`) ?? [];
    const start = c.arrivedAt;
    if (!others.some((t) => t > start && t - start <= window)) resolved++;
  }
  return { eligible, resolved, rate: ratio(resolved, eligible) };
}
