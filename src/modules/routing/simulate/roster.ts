/**
 * A roster file: who is on duty when, one shift per line, `agent,start,end` with times of day as
 * H:MM or H:MM:SS. An end earlier than its start runs past midnight. A header line, blank lines and
 * lines starting with `#` are skipped.
 *
 * ```
 * agent,start,end
 * MICHAL,7:00,15:00
 * BENSION,16:00,0:30
 * ```
 */
import type { Shift } from './run.ts';

const TIME = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/;

function seconds(value: string, line: number, field: string): number {
  const m = TIME.exec(value.trim());
  if (!m || Number(m[1]) > 24)
    throw new Error(`roster line ${line}, ${field}: expected H:MM or H:MM:SS, got "${value}"`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/**
 * @example
 * const shifts = parseRoster(readFileSync('roster.csv', 'utf8'));
 */
export function parseRoster(text: string): Shift[] {
  const shifts: Shift[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^agent\s*,/i.test(line)) return;
    const fields = line.split(',');
    if (fields.length !== 3 || fields[0]!.trim() === '') {
      throw new Error(`roster line ${k + 1}: expected agent,start,end, got "${line}"`);
    }
    const start = seconds(fields[1]!, k + 1, 'start');
    let end = seconds(fields[2]!, k + 1, 'end');
    if (end <= start) end += 86_400;
    shifts.push({ agentId: fields[0]!.trim(), start, end });
  });
  if (shifts.length === 0) throw new Error('roster: no shifts');
  return shifts;
}
