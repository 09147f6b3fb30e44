import { describe, expect, it } from 'vitest';
import { copyCell } from './copy.ts';

describe("a cell in COPY's text format", () => {
  it('escapes the characters that separate cells and rows, and the escape itself', () => {
    expect(copyCell('plain José')).toBe('plain José');
    expect(copyCell('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
  });

  it('writes NULL, dates, numbers, arrays and objects as PostgreSQL reads them', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(undefined)).toBe('\\N');
    expect(copyCell('\\N')).toBe('\\\\N');
    expect(copyCell(new Date('2026-12-06T08:00:00.123Z'))).toBe('2026-12-06T08:00:00.123Z');
    expect(copyCell(12.5)).toBe('12.5');
    expect(copyCell(false)).toBe('false');
    expect(copyCell([])).toBe('{}');
    expect(copyCell(['vip', 'a,b', 'say "hi"', 'back\\slash'])).toBe(
      '{"vip","a,b","say \\\\"hi\\\\"","back\\\\\\\\slash"}',
    );
    expect(copyCell({ note: 'line\nbreak' })).toBe('{"note":"line\\\\nbreak"}');
  });
});
