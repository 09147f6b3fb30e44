import { describe, expect, it } from 'vitest';
import { dayLabel, dayOf, formatSlot, timeOf } from './time.ts';

describe('wall-clock slots', () => {
  it('are shown as written, never shifted by the browser’s zone', () => {
    expect(formatSlot('2024-01-08T08:30:00')).toBe('2024-01-08 08:30');
    expect(dayOf('2024-01-08T23:30:00')).toBe('2024-01-08');
    expect(timeOf('2024-01-08T23:30:00')).toBe('23:30');
    expect(dayLabel('2024-01-08', 'en')).toMatch(/Mon/);
    expect(dayLabel('2024-01-08', 'es')).toMatch(/lun/);
  });
});
