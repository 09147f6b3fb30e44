import { describe, expect, it } from 'vitest';
import { formatLocalTime, parseHistoryCsv } from './history-csv.ts';
import { buildGrid } from './series.ts';

describe('history CSV', () => {
  it('reads timestamp,count[,aht_seconds] with or without a header, keeping the offset', () => {
    const r = parseHistoryCsv(
      'timestamp,count,aht_seconds\n2024-01-01T08:00:00+02:00,12,180\n2024-01-01 08:30,3,\n',
    );
    expect(r.points).toEqual([
      { start: Date.UTC(2024, 0, 1, 8), count: 12, ahtSeconds: 180 },
      { start: Date.UTC(2024, 0, 1, 8, 30), count: 3 },
    ]);
    expect(r.offset).toBe('');
    expect(parseHistoryCsv('2024-01-01T08:00:00Z,1\n').offset).toBe('Z');
    expect(formatLocalTime(Date.UTC(2024, 0, 1, 8), '+02:00')).toBe('2024-01-01T08:00:00+02:00');
  });

  it.each([
    [
      'the wrong columns',
      'time,calls\n2024-01-01T08:00,1\n',
      /line 1: expected the columns timestamp,count\[,aht_seconds\], got 'time,calls'/,
    ],
    [
      'a bad timestamp',
      'timestamp,count\n2024-01-01T08:00,1\nyesterday,2\n',
      /line 3: 'yesterday' is not an ISO 8601 timestamp/,
    ],
    ['an impossible date', '2024-02-30T08:00,1\n', /line 1: '2024-02-30T08:00' is not an ISO 8601 timestamp/],
    [
      'a negative count',
      '2024-01-01T08:00,-1\n',
      /line 1: count must be zero or a positive number, got '-1'/,
    ],
    [
      'a count that is not a number',
      '2024-01-01T08:00,many\n',
      /line 1: count must be zero or a positive number, got 'many'/,
    ],
    [
      'too many columns',
      '2024-01-01T08:00,1,2,3\n',
      /line 1: expected timestamp,count\[,aht_seconds\], got 4 column/,
    ],
    ['nothing', 'timestamp,count\n', /the history has no rows/],
  ])('rejects %s, naming the line', (_name, text, message) => {
    expect(() => parseHistoryCsv(text)).toThrow(message);
  });

  it('rejects an interval given twice and a time off the interval grid, naming the rows', () => {
    const twice = parseHistoryCsv('2024-01-01T08:00,1\n2024-01-01T08:30,1\n2024-01-01T08:00,2\n').points;
    expect(() => buildGrid(twice, 30)).toThrow(/rows 1 and 3 both give the interval 2024-01-01T08:00/);
    const off = parseHistoryCsv('2024-01-01T08:10,1\n').points;
    expect(() => buildGrid(off, 30)).toThrow(
      /row 1: 2024-01-01T08:10 is not the start of a 30-minute interval/,
    );
  });
});
