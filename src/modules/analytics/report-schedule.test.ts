import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  coveredDays,
  localDate,
  localInstant,
  nextRun,
  type ScheduledReport,
} from './report-schedule.ts';

const daily: ScheduledReport = { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' };
const weekly: ScheduledReport = { frequency: 'weekly', weekday: 1, time: '06:30', grain: 'day', by: 'agent' };

describe('report schedules', () => {
  it('a daily report goes out at its local time, the next day once that time has passed', () => {
    const bogota = 'America/Bogota';
    expect(new Date(nextRun(daily, Date.parse('2026-12-06T11:00:00Z'), bogota)).toISOString()).toBe(
      '2026-12-06T12:00:00.000Z',
    );
    expect(new Date(nextRun(daily, Date.parse('2026-12-06T12:00:00Z'), bogota)).toISOString()).toBe(
      '2026-12-07T12:00:00.000Z',
    );
  });

  it('a weekly report goes out on its weekday and covers the seven days before', () => {
    const at = nextRun(weekly, Date.parse('2026-12-02T00:00:00Z'), 'Europe/Madrid');
    expect(new Date(at).toISOString()).toBe('2026-12-07T05:30:00.000Z'); // Monday 06:30 in Madrid
    expect(coveredDays(weekly, at, 'Europe/Madrid')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(coveredDays(daily, at, 'Europe/Madrid')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
  });

  it('follows daylight saving: 07:00 in Madrid is 06:00 UTC in winter and 05:00 in summer', () => {
    expect(new Date(localInstant('2026-01-10', '07:00', 'Europe/Madrid')).toISOString()).toBe(
      '2026-01-10T06:00:00.000Z',
    );
    expect(new Date(localInstant('2026-07-10', '07:00', 'Europe/Madrid')).toISOString()).toBe(
      '2026-07-10T05:00:00.000Z',
    );
    // 02:30 does not exist on 29 March 2026 in Madrid: sent just after the gap.
    const gap = localInstant('2026-03-29', '02:30', 'Europe/Madrid');
    expect(localDate(gap, 'Europe/Madrid')).toBe('2026-03-29');
  });

  it('refuses impossible schedules', () => {
    expect(checkSchedule(daily)).toEqual([]);
    expect(checkSchedule({ ...daily, time: '24:00' })).toHaveLength(1);
    expect(checkSchedule({ ...weekly, weekday: 8 })).toHaveLength(1);
    expect(checkSchedule({ ...daily, grain: 'month' })).toHaveLength(1);
  });

  it('property: the next run is after the given instant, within eight days, at the local time', () => {
    const zones = ['America/Bogota', 'Europe/Madrid', 'Asia/Kolkata', 'America/New_York', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2028-01-01') }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
        (after, zone, h, m, weekday) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const s: ScheduledReport =
            weekday === undefined
              ? { ...daily, time }
              : { frequency: 'weekly', weekday, time, grain: 'day', by: 'total' };
          const at = nextRun(s, after, zone);
          expect(at).toBeGreaterThan(after);
          expect(at - after).toBeLessThanOrEqual(8 * 86_400_000);
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(at);
          // Equal, unless the local time fell in a daylight-saving gap.
          if (local !== time) expect(zone).toMatch(/Madrid|New_York/);
        },
      ),
    );
  });
});
