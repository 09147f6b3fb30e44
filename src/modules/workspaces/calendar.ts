/** Business hours: a weekly calendar in the workspace's time zone, with holidays. Pure. */

export interface BusinessHours {
  /** Opening spans; a day may have several (a lunch break) or none (closed). 0 = Sunday. */
  weekly: { day: number; open: string; close: string }[];
  holidays: { date: string; name: string }[];
}

/** The local date (YYYY-MM-DD), weekday (0 = Sunday) and minutes since midnight of an instant in a zone. */
export function localTime(at: Date, timeZone: string): { date: string; day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    day,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether the centre is open at an instant.
 * @example isOpen(hours, new Date('2026-03-02T14:00:00Z'), 'America/Bogota') // Monday 09:00 in Bogotá
 */
export function isOpen(hours: BusinessHours, at: Date, timeZone: string): boolean {
  const local = localTime(at, timeZone);
  if (hours.holidays.some((h) => h.date === local.date)) return false;
  return hours.weekly.some(
    (span) =>
      span.day === local.day &&
      local.minutes >= toMinutes(span.open) &&
      local.minutes < toMinutes(span.close),
  );
}

/** Checks a calendar's spans: times as HH:MM, opening before closing, no overlap within a day. */
export function calendarProblems(hours: BusinessHours): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  hours.weekly.forEach((span, i) => {
    if (toMinutes(span.open) >= toMinutes(span.close) && span.close !== '24:00') {
      problems.push({ path: `/businessHours/weekly/${i}`, message: 'opening must be before closing' });
    }
    const overlap = hours.weekly.findIndex(
      (other, j) =>
        j < i &&
        other.day === span.day &&
        toMinutes(other.open) < toMinutes(span.close) &&
        toMinutes(span.open) < toMinutes(other.close),
    );
    if (overlap >= 0)
      problems.push({ path: `/businessHours/weekly/${i}`, message: `overlaps span ${overlap}` });
  });
  const seen = new Set<string>();
  hours.holidays.forEach((h, i) => {
    if (seen.has(h.date))
      problems.push({ path: `/businessHours/holidays/${i}`, message: 'date listed twice' });
    seen.add(h.date);
  });
  return problems;
}

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
