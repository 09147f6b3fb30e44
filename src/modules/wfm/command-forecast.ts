import { readFileSync } from 'node:fs';
import {
  numberFlag,
  oneOf,
  optionalNumberFlag,
  round,
  stringFlag,
  subcommand,
  UsageError,
} from './command-support.ts';
import { forecastSeries, type MethodName, methodNames } from './forecast/forecast.ts';
import type { SpecialDay } from './forecast/special-days.ts';
import { formatLocalTime, parseHistoryCsv } from './history-csv.ts';

/** `atiende wfm forecast`: a history CSV in, the forecast of the days after it out. */

const intervals = { '5m': 5, '15m': 15, '30m': 30, '60m': 60 } as const;

export const forecastCommand = subcommand(
  {
    input: { type: 'string' },
    interval: { type: 'string' },
    'horizon-days': { type: 'string' },
    method: { type: 'string' },
    level: { type: 'string' },
    'special-day': { type: 'string', multiple: true },
  },
  async (flags, io) => {
    const file = stringFlag(flags, 'input');
    const interval = oneOf(flags, 'interval', Object.keys(intervals) as (keyof typeof intervals)[]);
    const horizonDays = numberFlag(flags, 'horizon-days');
    const method = oneOf(flags, 'method', ['auto', ...methodNames] as const, 'auto') as MethodName | 'auto';
    const specialDays = ((flags['special-day'] as string[] | undefined) ?? []).map(parseSpecialDay);
    const history = parseHistoryCsv(readInput(file));
    const result = forecastSeries(history.points, {
      intervalMinutes: intervals[interval],
      horizonDays,
      method,
      level: optionalNumberFlag(flags, 'level'),
      specialDays,
    });
    const points = result.points.map((p) => ({
      timestamp: formatLocalTime(p.start, history.offset),
      forecast: round(p.forecast, 4),
      lo: round(p.lo, 4),
      hi: round(p.hi, 4),
    }));
    if (flags.json) {
      io.stdout(`${JSON.stringify({ method: result.method, points })}\n`);
      return 0;
    }
    io.stdout(
      `timestamp,forecast,lo,hi\n${points.map((p) => `${p.timestamp},${p.forecast},${p.lo},${p.hi}`).join('\n')}\n`,
    );
    // The evidence for the method goes to stderr, so that stdout stays a clean CSV.
    const tried = result.backtest
      .filter((b) => b.overall.n > 0)
      .map((b) => `${b.method} MAE ${round(b.overall.mae, 3)}`)
      .join(', ');
    io.stderr(
      `method: ${result.method}${tried ? ` (backtest, ${horizonDays}-day horizon: ${tried})` : ' (history too short to backtest)'}\n`,
    );
    return 0;
  },
);

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read --input ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** `2024-12-25=0` (closed) or `2024-11-29=1.4` (40 % more than an ordinary day). */
function parseSpecialDay(text: string): SpecialDay {
  const m = /^(\d{4}-\d{2}-\d{2})=(.+)$/.exec(text);
  const factor = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isFinite(factor))
    throw new UsageError(`--special-day must be YYYY-MM-DD=FACTOR, got "${text}"`);
  return { date: m[1]!, factor };
}
