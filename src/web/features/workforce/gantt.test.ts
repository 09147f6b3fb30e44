import { describe, expect, it } from 'vitest';
import { addDays, axisHours, mondayOf, paidHours, segments } from './gantt.ts';

const shift = {
  id: 's',
  agentId: 'a',
  start: '2026-03-02T08:00:00',
  end: '2026-03-02T16:30:00',
  breaks: [
    { kind: 'lunch' as const, start: '2026-03-02T12:00:00', end: '2026-03-02T12:30:00' },
    { kind: 'break' as const, start: '2026-03-02T10:00:00', end: '2026-03-02T10:15:00' },
  ],
};

describe('gantt layout', () => {
  it('cuts a shift into work and its breaks in order', () => {
    expect(segments('2026-03-02', shift)).toEqual([
      { kind: 'work', from: 480, to: 600 },
      { kind: 'break', from: 600, to: 615 },
      { kind: 'work', from: 615, to: 720 },
      { kind: 'lunch', from: 720, to: 750 },
      { kind: 'work', from: 750, to: 990 },
    ]);
    expect(paidHours([shift])).toBe(8);
  });

  it('widens the axis to whole hours around a night shift', () => {
    const night = { ...shift, start: '2026-03-02T21:30:00', end: '2026-03-03T06:00:00', breaks: [] };
    expect(axisHours('2026-03-02', [shift, night])).toEqual({ from: 8, to: 30 });
  });

  it('finds weeks across a month end', () => {
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
