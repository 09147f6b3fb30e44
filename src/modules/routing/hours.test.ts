import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessHours, isOpen } from '../workspaces/index.ts';
import { calendarOf, nextChange, planHours, zonedInstant } from './hours.ts';

const hours: BusinessHours = {
  weekly: [
    { day: 1, open: '08:00', close: '12:00' },
    { day: 1, open: '13:00', close: '18:00' },
    { day: 2, open: '08:00', close: '18:00' },
  ],
  holidays: [{ date: '2026-03-10', name: 'Fiesta' }],
};
const BOGOTA = 'America/Bogota';
const at = (iso: string) => Date.parse(iso);

describe('queue business hours', () => {
  it('finds the wall-clock instant in a zone, across a daylight-saving change', () => {
    expect(new Date(zonedInstant('2026-03-02', 8 * 60, BOGOTA)).toISOString()).toBe(
      '2026-03-02T13:00:00.000Z',
    );
    // Madrid moves to summer time on 29 March 2026.
    expect(new Date(zonedInstant('2026-03-28', 9 * 60, 'Europe/Madrid')).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-03-30', 9 * 60, 'Europe/Madrid')).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('the next change is the next opening, the lunch break, the closing, and skips a holiday', () => {
    const next = (iso: string) => new Date(nextChange(hours, at(iso), BOGOTA)!).toISOString();
    expect(next('2026-03-02T12:00:00Z')).toBe('2026-03-02T13:00:00.000Z'); // Monday 07:00 → opens 08:00
    expect(next('2026-03-02T13:00:00Z')).toBe('2026-03-02T17:00:00.000Z'); // closes for lunch at 12:00
    expect(next('2026-03-02T17:30:00Z')).toBe('2026-03-02T18:00:00.000Z'); // reopens at 13:00
    expect(next('2026-03-03T20:00:00Z')).toBe('2026-03-03T23:00:00.000Z'); // Tuesday closes at 18:00
    expect(next('2026-03-03T23:00:00Z')).toBe('2026-03-09T13:00:00.000Z'); // then Monday 9 March
    expect(next('2026-03-09T23:00:00Z')).toBe('2026-03-16T13:00:00.000Z'); // Tuesday 10 is a holiday
  });

  it('a calendar that never opens has no next change', () => {
    expect(nextChange({ weekly: [], holidays: [] }, at('2026-03-02T12:00:00Z'), BOGOTA)).toBeNull();
  });

  it('nothing changes between now and the next change, and it does change there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 86_400 }),
        fc.integer({ min: 1, max: 200 }),
        (offset, frac) => {
          const now = at('2026-03-01T00:00:00Z') + offset * 1000;
          const change = nextChange(hours, now, BOGOTA)!;
          const open = isOpen(hours, new Date(now), BOGOTA);
          const between = now + Math.floor(((change - now) * frac) / 201);
          expect(isOpen(hours, new Date(between), BOGOTA)).toBe(open);
          expect(isOpen(hours, new Date(change), BOGOTA)).toBe(!open);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('plans the events that bring the engine in line with the calendars, and the next deadline', () => {
    const queues = [
      { id: 'always', calendar: null },
      { id: 'office', calendar: calendarOf({ calendar: 'workspace' }, hours) },
      { id: 'night', calendar: calendarOf({ calendar: 'custom', weekly: [], holidays: [] }, hours) },
    ];
    const now = at('2026-03-02T14:00:00Z'); // Monday 09:00 in Bogotá
    const plan = planHours(queues, (id) => id !== 'office', now, BOGOTA);
    expect(plan.events).toEqual([
      { type: 'queueHours', at: now, queueId: 'office', open: true },
      { type: 'queueHours', at: now, queueId: 'night', open: false },
    ]);
    expect(new Date(plan.nextDueAt!).toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(planHours(queues, (id) => id !== 'night', now, BOGOTA).events).toEqual([]);
    expect(planHours([{ id: 'always', calendar: null }], () => true, now, BOGOTA)).toEqual({
      events: [],
      nextDueAt: null,
    });
  });
});
