import { parse } from 'csv-parse/sync';
import { WfmError } from './errors.ts';
import type { SeriesPoint } from './series.ts';

/**
 * Outside history as CSV: `timestamp,count[,aht_seconds]`, ISO 8601 timestamps, header optional.
 * Timestamps are read as the centre's wall-clock time as written; a trailing `Z` or offset is kept
 * (the last row's) to write the forecast's timestamps the same way.
 */

export interface ParsedHistory {
  points: SeriesPoint[];
  /** '' (no offset), 'Z' or '+02:00', as in the input's last row. */
  offset: string;
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a history CSV, naming the line of any bad row.
 *
 * @example
 * parseHistoryCsv('timestamp,count\n2024-01-01T08:00:00Z,12\n');
 * // { points: [{ start: Date.UTC(2024, 0, 1, 8), count: 12 }], offset: 'Z' }
 */
export function parseHistoryCsv(text: string): ParsedHistory {
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new WfmError('wfm.bad_history', `the history is not valid CSV: ${(e as Error).message}`);
  }
  let offset = '';
  const points: SeriesPoint[] = [];
  rows.forEach((cells, i) => {
    const line = i + 1;
    // A first line whose count is not a number is a header; one whose count is, is a row to check.
    if (i === 0 && parseLocalTime(cells[0] ?? '') === undefined && numberCell(cells[1] ?? '') === undefined) {
      const header = cells.map((c) => c.toLowerCase()).join(',');
      if (header !== 'timestamp,count' && header !== 'timestamp,count,aht_seconds') {
        throw new WfmError(
          'wfm.bad_history',
          `line 1: expected the columns timestamp,count[,aht_seconds], got '${cells.join(',')}'`,
        );
      }
      return;
    }
    if (cells.length < 2 || cells.length > 3) {
      throw new WfmError(
        'wfm.bad_history',
        `line ${line}: expected timestamp,count[,aht_seconds], got ${cells.length} column(s)`,
      );
    }
    const time = parseLocalTime(cells[0]!);
    if (!time)
      throw new WfmError('wfm.bad_history', `line ${line}: '${cells[0]}' is not an ISO 8601 timestamp`);
    const count = numberCell(cells[1]!);
    if (count === undefined || count < 0) {
      throw new WfmError(
        'wfm.bad_history',
        `line ${line}: count must be zero or a positive number, got '${cells[1]}'`,
      );
    }
    const point: SeriesPoint = { start: time.ms, count };
    if (cells[2] !== undefined && cells[2] !== '') {
      const aht = numberCell(cells[2]);
      if (aht === undefined || aht <= 0) {
        throw new WfmError(
          'wfm.bad_history',
          `line ${line}: aht_seconds must be a positive number, got '${cells[2]}'`,
        );
      }
      point.ahtSeconds = aht;
    }
    offset = time.offset;
    points.push(point);
  });
  if (points.length === 0) throw new WfmError('wfm.bad_history', 'the history has no rows');
  return { points, offset };
}

/** Wall-clock time of an ISO 8601 timestamp as local epoch ms, with its offset suffix. */
export function parseLocalTime(text: string): { ms: number; offset: string } | undefined {
  const m = isoPattern.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible dates.
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59)
    return undefined;
  return { ms, offset: m[7] ?? '' };
}

/**
 * Writes local epoch ms back as ISO 8601 with the input's offset suffix.
 *
 * @example
 * formatLocalTime(Date.UTC(2024, 0, 1, 8), '+02:00'); // '2024-01-01T08:00:00+02:00'
 */
export function formatLocalTime(ms: number, offset: string): string {
  return `${new Date(ms).toISOString().slice(0, 19)}${offset}`;
}

function numberCell(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
