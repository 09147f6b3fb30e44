import { describe, expect, it } from 'vitest';
import { intervalsOf, isOrdered, nextInterval } from './weekly.ts';

const weekly = [
  { day: 1, open: '08:00', close: '12:00' },
  { day: 2, open: '08:00', close: '18:00' },
  { day: 1, open: '14:00', close: '18:00' },
];

describe('weekly hours', () => {
  it('lists a day with the positions of its intervals in the full list', () => {
    expect(intervalsOf(weekly, 1).map((item) => item.index)).toEqual([0, 2]);
    expect(intervalsOf(weekly, 0)).toEqual([]);
  });

  it('proposes office hours for a closed day', () => {
    expect(nextInterval(weekly, 6)).toEqual({ day: 6, open: '08:00', close: '18:00' });
  });

  it('proposes a second interval after the last one', () => {
    expect(nextInterval(weekly, 1)).toEqual({ day: 1, open: '18:00', close: '22:00' });
  });

  it('checks that an interval closes after it opens', () => {
    expect(isOrdered({ day: 1, open: '09:00', close: '17:30' })).toBe(true);
    expect(isOrdered({ day: 1, open: '18:00', close: '08:00' })).toBe(false);
  });
});
