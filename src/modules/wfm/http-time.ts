/** The API's wall-clock times (`YYYY-MM-DDTHH:MM:SS`) to and from local epoch milliseconds. */
import { errors } from '../../platform/errors.ts';
import { formatLocalTime, parseLocalTime } from './history-csv.ts';

/** @example local(Date.UTC(2026, 2, 2, 8)) // '2026-03-02T08:00:00' */
export const local = (ms: number): string => formatLocalTime(ms, '');

/** A 400 naming the text when it is not a date and time. */
export function fromLocal(text: string): number {
  const t = parseLocalTime(text);
  if (!t)
    throw errors.badRequest('wfm.invalid_input', `'${text}' is not a date and time YYYY-MM-DDTHH:MM:SS`);
  return t.ms;
}
