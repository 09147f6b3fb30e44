import { describe, expect, it } from 'vitest';
import { type BusinessHours, calendarProblems, isOpen, localTime } from './calendar.ts';

const hours: BusinessHours = {
  weekly: [
    { day: 1, open: '08:00', close: '12:00' },
    { day: 1, open: '13:00', close: '18:00' },
  ],
  holidays: [{ date: '2026-03-23', name: 'San José' }],
};

describe('business hours', () => {
  it('reads the local time in the workspace zone', () => {
    expect(localTime(new Date('2026-03-02T13:30:00Z'), 'America/Bogota')).toEqual({
      date: '2026-03-02',
      day: 1,
      minutes: 8 * 60 + 30,
    });
  });

  it('is open inside a span and closed at lunch, at closing time and on holidays', () => {
    expect(isOpen(hours, new Date('2026-03-02T13:30:00Z'), 'America/Bogota')).toBe(true);
    expect(isOpen(hours, new Date('2026-03-02T17:30:00Z'), 'America/Bogota')).toBe(false);
    expect(isOpen(hours, new Date('2026-03-02T23:00:00Z'), 'America/Bogota')).toBe(false);
    expect(isOpen(hours, new Date('2026-03-23T14:00:00Z'), 'America/Bogota')).toBe(false);
  });

  it('the same instant is open in one zone and closed in another', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    expect(isOpen(hours, at, 'Europe/Madrid')).toBe(true);
    expect(isOpen(hours, at, 'America/Bogota')).toBe(false);
  });

  it('reports spans that end before they start, overlap, or repeat a holiday', () => {
    const problems = calendarProblems({
      weekly: [
        { day: 2, open: '10:00', close: '09:00' },
        { day: 3, open: '08:00', close: '12:00' },
        { day: 3, open: '11:00', close: '14:00' },
      ],
      holidays: [
        { date: '2026-01-01', name: 'a' },
        { date: '2026-01-01', name: 'b' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      '/businessHours/weekly/0',
      '/businessHours/weekly/2',
      '/businessHours/holidays/1',
    ]);
  });
});
