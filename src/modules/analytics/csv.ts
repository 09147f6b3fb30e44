/** Reports as CSV, pure: one header line, one line per row, RFC 4180 quoting. */
import type { ReportRow } from './reports-service.ts';

const COLUMNS: (keyof ReportRow)[] = [
  'period',
  'key',
  'offered',
  'answered',
  'abandoned',
  'shortAbandoned',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'ahtSeconds',
  'talkSeconds',
  'wrapUpSeconds',
  'transfers',
  'transferRate',
  'firstReplySeconds',
  'resolutionSeconds',
  'occupancy',
  'utilisation',
  'csat',
  'csatSatisfied',
  'csatResponses',
];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? String(Number(v.toFixed(4))) : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof v !== 'number' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * @example toCsv(report.rows, (key) => names.get(key) ?? key)
 */
export function toCsv(rows: ReportRow[], label: (key: string) => string = (k) => k): string {
  return tableCsv(rows, COLUMNS, label);
}

/**
 * Any rows with a `key`, in the given columns.
 * @example tableCsv(quality.rows, ['period', 'key', 'evaluations', 'averageScore'])
 */
export function tableCsv<R extends { key: string }>(
  rows: R[],
  columns: readonly (keyof R & string)[],
  label: (key: string) => string = (k) => k,
): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c === 'key' ? label(r.key) : r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
