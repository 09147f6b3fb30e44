import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactBucket, historyFromBuckets, localEpoch } from './event-history.ts';

const bucket = (iso: string, arrivals: number, handled = 0, handleSeconds = 0): ContactBucket => ({
  bucket: Date.parse(iso),
  queueKey: 'q',
  channel: 'voice',
  arrivals,
  handled,
  handleSeconds,
});

describe('history from event-log buckets', () => {
  it('moves UTC quarter hours to the wall-clock intervals of the workspace', () => {
    const rows = historyFromBuckets(
      [bucket('2026-03-02T13:00:00Z', 2, 2, 480), bucket('2026-03-02T13:45:00Z', 1, 1, 60)],
      60,
      'America/Bogota',
    );
    expect(rows).toEqual([
      { queueKey: 'q', channel: 'voice', start: Date.UTC(2026, 2, 2, 8), volume: 3, ahtSeconds: 180 },
    ]);
  });

  it('keeps the wall-clock hour across a daylight-saving change', () => {
    // Madrid: 08:00 is 07:00 UTC in winter and 06:00 UTC in summer (the change was on 29 March 2026).
    const rows = historyFromBuckets(
      [bucket('2026-03-27T07:00:00Z', 5), bucket('2026-03-30T06:00:00Z', 4)],
      60,
      'Europe/Madrid',
    );
    expect(rows.map((r) => new Date(r.start).toISOString())).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('an interval with arrivals but nobody handled has no handle time', () => {
    const [row] = historyFromBuckets([bucket('2026-03-02T13:00:00Z', 3)], 30, 'UTC');
    expect(row).toMatchObject({ volume: 3, ahtSeconds: null });
  });

  it('refuses 5-minute intervals and unknown zones', () => {
    expect(() => historyFromBuckets([], 5, 'UTC')).toThrow(/15, 30 or 60/);
    expect(() => localEpoch('Mars/Olympus')).toThrow(/unknown time zone/);
  });

  it('loses and invents no contact, whatever the zone and interval', () => {
    const zones = ['UTC', 'America/Bogota', 'Asia/Kathmandu', 'Europe/Madrid'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 0, max: 20_000 }), n: fc.integer({ min: 1, max: 50 }) }), {
          maxLength: 40,
        }),
        fc.constantFrom(15, 30, 60),
        fc.constantFrom(...zones),
        (list, interval, zone) => {
          const buckets = list.map((b) =>
            bucket(new Date(Date.UTC(2026, 0, 1) + b.q * 900_000).toISOString(), b.n),
          );
          const rows = historyFromBuckets(buckets, interval, zone);
          const total = (xs: { volume?: number; arrivals?: number }[]) =>
            xs.reduce((s, x) => s + (x.volume ?? x.arrivals ?? 0), 0);
          expect(total(rows)).toBe(total(buckets));
          for (const r of rows) expect(r.start % (interval * 60_000)).toBe(0);
        },
      ),
    );
  });
});
