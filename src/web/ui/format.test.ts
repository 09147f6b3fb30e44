import { describe, expect, it } from 'vitest';
import { dayIn, formatDateTime } from './format.ts';

describe('dayIn', () => {
  it("is the workspace's day, which can differ from the UTC day", () => {
    const evening = Date.parse('2026-12-07T00:11:00Z');
    expect(dayIn('America/Bogota', evening)).toBe('2026-12-06');
    expect(dayIn('UTC', evening)).toBe('2026-12-07');
    expect(dayIn('Asia/Tokyo', Date.parse('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });

  it('falls back to the UTC day for an unknown time zone', () => {
    expect(dayIn('Mars/Olympus', Date.parse('2026-12-07T00:11:00Z'))).toBe('2026-12-07');
  });
});

describe('formatDateTime', () => {
  it('writes the time in the given zone and keeps what it cannot read', () => {
    expect(formatDateTime('2025-03-01T14:00:00Z', 'en', 'America/Bogota')).toContain('9:00');
    expect(formatDateTime('not a date', 'es', 'America/Bogota')).toBe('not a date');
  });
});
