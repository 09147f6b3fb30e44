import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localHour, nightlyDue } from './nightly.ts';

const BOGOTA = 'America/Bogota';

describe('when the nightly value batch is due', () => {
  it('is due in the night of the workspace’s time zone, not the server’s', () => {
    expect(nightlyDue(new Date('2026-12-06T08:30:00Z'), null, BOGOTA)).toBe(true);
    expect(nightlyDue(new Date('2026-12-06T03:30:00Z'), null, BOGOTA)).toBe(false);
    expect(nightlyDue(new Date('2026-12-06T03:30:00Z'), null, 'UTC')).toBe(true);
  });

  it('is not due again the same night once it ran, but a daytime run does not skip the night', () => {
    const night = new Date('2026-12-06T09:00:00Z');
    expect(nightlyDue(night, new Date('2026-12-06T08:05:00Z'), BOGOTA)).toBe(false);
    expect(nightlyDue(night, new Date('2026-12-05T22:00:00Z'), BOGOTA)).toBe(true);
  });

  it('runs once per night, on time, when checked every ten minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 143 }),
        fc.constantFrom(BOGOTA, 'UTC', 'Asia/Tokyo'),
        (offset, tz) => {
          // Three days of checks every ten minutes, starting at an arbitrary ten-minute mark.
          let lastRun: Date | null = null;
          const runs: Date[] = [];
          const start = Date.parse('2026-12-01T00:00:00Z') + offset * 600_000;
          for (let t = start; t < start + 3 * 86_400_000; t += 600_000) {
            const now = new Date(t);
            if (nightlyDue(now, lastRun, tz)) {
              lastRun = now;
              runs.push(now);
            }
          }
          // Three or four nights fall in three days, depending on where the checks start; one run each,
          // in the night window, and on time (03:00) whenever the checks were already running.
          expect(runs.length).toBeGreaterThanOrEqual(3);
          expect(runs.length).toBeLessThanOrEqual(4);
          for (const [i, run] of runs.entries()) {
            expect(localHour(run, tz)).toBeGreaterThanOrEqual(3);
            expect(localHour(run, tz)).toBeLessThan(6);
            if (i > 0) {
              expect(localHour(run, tz)).toBe(3);
              expect(run.getTime() - runs[i - 1]!.getTime()).toBeGreaterThan(20 * 3600_000);
            }
          }
        },
      ),
    );
  });
});
