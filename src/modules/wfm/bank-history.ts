import { aggregateArrivals, type SeriesPoint } from './series.ts';

/**
 * The fields of an Anonymous Bank call record that history needs (`BankCall` of
 * src/lib/anonymous-bank has them): a date, seconds after its midnight, the outcome, service seconds.
 */
export interface BankCallRow {
  /** YYYY-MM-DD. */
  date: string;
  vruEntry: number;
  outcome: string;
  serTime: number;
}

/**
 * Arrivals per interval from per-call records, with the mean service time of the calls served.
 * A call arrives when it enters the voice-response unit; phantom records are not calls.
 *
 * @example
 * bankHistory(parseAnonymousBank(text), 30); // [{ start, count, ahtSeconds }, …] for every day with calls
 */
export function bankHistory(calls: readonly BankCallRow[], intervalMinutes: number): SeriesPoint[] {
  const step = intervalMinutes * 60_000;
  const arrivals: number[] = [];
  const service = new Map<number, { sum: number; n: number }>();
  for (const c of calls) {
    if (c.outcome === 'PHANTOM') continue;
    const t = Date.parse(`${c.date}T00:00:00Z`) + c.vruEntry * 1000;
    arrivals.push(t);
    if (c.outcome === 'AGENT' && c.serTime > 0) {
      const k = Math.floor(t / step) * step;
      const s = service.get(k) ?? { sum: 0, n: 0 };
      s.sum += c.serTime;
      s.n++;
      service.set(k, s);
    }
  }
  return aggregateArrivals(arrivals, intervalMinutes).map((p) => {
    const s = service.get(p.start);
    return s ? { ...p, ahtSeconds: s.sum / s.n } : p;
  });
}
