/**
 * Report periods in the workspace's time zone, pure. Labels sort in time order: an interval is
 * `YYYY-MM-DDTHH:MM` (local start), a day `YYYY-MM-DD`, a week the date of its Monday, a month `YYYY-MM`.
 * Every time zone's offset is a whole number of quarter hours, so 15-minute intervals never straddle a
 * local day: days, weeks and months are exact unions of them.
 */
export type Grain = 'interval' | 'day' | 'week' | 'month';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local calendar fields of an instant. */
export function localParts(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The label of the period an instant falls in.
 * @example periodOf(Date.UTC(2026, 0, 5, 13, 7), 'interval', 'UTC', 15) // '2026-01-05T13:00'
 */
export function periodOf(ms: number, grain: Grain, timeZone: string, intervalMinutes = 15): string {
  const p = localParts(ms, timeZone);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  switch (grain) {
    case 'interval': {
      const m = Math.floor((p.hour * 60 + p.minute) / intervalMinutes) * intervalMinutes;
      return `${date}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    }
    case 'day':
      return date;
    case 'week': {
      const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    }
    case 'month':
      return `${p.year}-${pad(p.month)}`;
  }
}
