/**
 * `atiende simulate`: replays a day of Anonymous Bank calls, or a generated Poisson load, through the
 * routing core and prints the figures per interval and in total (a table, or JSON with `--json`).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseAnonymousBank } from '../../../lib/anonymous-bank/index.ts';
import type { Figures, Report } from './metrics.ts';
import { poissonLoad } from './poisson.ts';
import { seededRandom } from './prng.ts';
import { bankDates, replayBankDay } from './replay.ts';
import { parseRoster } from './roster.ts';
import { runSimulation } from './run.ts';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const SIMULATE_USAGE = `usage:
  atiende simulate --format anonymous-bank --input FILE --date YYYY-MM-DD
                   [--target 20] [--interval 60] [--roster FILE] [--duty sessions|interval]
                   [--duty-gap 600] [--seed 1] [--compare] [--json]
  atiende simulate --format poisson --arrivals-per-hour X --aht S --agents N --hours H
                   [--seed 1] [--patience S] [--target 20] [--interval 60] [--json]

  --target     service-level target in seconds (answered within it, over offered)
  --interval   reporting interval in minutes
  --roster     agent,start,end per line (H:MM); default: agents on duty as the data shows them
  --duty       how to read duty from the data: sessions of services at most --duty-gap seconds apart,
               or every interval in which a server served
  --compare    also print (or put under "real") the day's real figures, measured the same way
`;

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string' },
  input: { type: 'string' },
  date: { type: 'string' },
  target: { type: 'string' },
  interval: { type: 'string' },
  roster: { type: 'string' },
  duty: { type: 'string' },
  'duty-gap': { type: 'string' },
  seed: { type: 'string' },
  compare: { type: 'boolean' },
  json: { type: 'boolean' },
  'arrivals-per-hour': { type: 'string' },
  aht: { type: 'string' },
  agents: { type: 'string' },
  hours: { type: 'string' },
  patience: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function numberOption(values: Values, name: keyof Values, fallback?: number, integer = false): number {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(raw);
  if (
    typeof raw !== 'string' ||
    raw.trim() === '' ||
    !Number.isFinite(n) ||
    n < 0 ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${name} must be a ${integer ? 'whole ' : ''}number of at least 0, got "${String(raw)}"`,
    );
  }
  return n;
}

function positive(values: Values, name: keyof Values, fallback?: number, integer = false): number {
  const n = numberOption(values, name, fallback, integer);
  if (n <= 0) throw new UsageError(`--${name} must be more than 0`);
  return n;
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

async function bank(values: Values): Promise<{ title: string; report: Report; real?: Report }> {
  if (!values.input) throw new UsageError('--input FILE is required with --format anonymous-bank');
  if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError('--date YYYY-MM-DD is required with --format anonymous-bank');
  }
  if (values.duty !== undefined && values.duty !== 'sessions' && values.duty !== 'interval') {
    throw new UsageError(`--duty must be sessions or interval, got "${values.duty}"`);
  }
  const calls = parseAnonymousBank(await readInput(values.input, 'input'));
  const dates = bankDates(calls);
  if (!dates.includes(values.date)) {
    throw new UsageError(
      `no calls on ${values.date} in ${values.input} (it has ${dates[0]} to ${dates.at(-1)})`,
    );
  }
  const roster = values.roster ? parseRoster(await readInput(values.roster, 'roster')) : undefined;
  const replay = replayBankDay(calls, {
    date: values.date,
    targetSeconds: numberOption(values, 'target', 20),
    intervalSeconds: positive(values, 'interval', 60) * 60,
    duty: values.duty as 'sessions' | 'interval' | undefined,
    dutyGapSeconds: numberOption(values, 'duty-gap', 600),
    seed: numberOption(values, 'seed', 1, true),
    ...(roster ? { roster } : {}),
  });
  return {
    title: `Anonymous Bank ${values.date}, replayed through the routing core`,
    report: replay.simulated,
    ...(values.compare ? { real: replay.real } : {}),
  };
}

function poisson(values: Values): { title: string; report: Report } {
  const load = {
    arrivalsPerHour: positive(values, 'arrivals-per-hour'),
    ahtSeconds: positive(values, 'aht'),
    agents: positive(values, 'agents', undefined, true),
    hours: positive(values, 'hours'),
    patienceSeconds: values.patience === undefined ? undefined : positive(values, 'patience'),
  };
  const { calls, shifts } = poissonLoad(load, seededRandom(numberOption(values, 'seed', 1, true)));
  const report = runSimulation({
    calls,
    shifts,
    targetSeconds: numberOption(values, 'target', 20),
    intervalSeconds: positive(values, 'interval', 60) * 60,
  });
  const title = `Poisson load: ${load.arrivalsPerHour}/h, AHT ${load.ahtSeconds} s, ${load.agents} agents, ${load.hours} h`;
  return { title, report };
}

/**
 * Runs `atiende simulate` with the arguments after the command name; returns the exit code
 * (0 done, 2 bad usage, 1 anything else).
 *
 * @example
 * const code = await simulateCommand(['--format', 'poisson', '--arrivals-per-hour', '100', '--aht', '180',
 *   '--agents', '6', '--hours', '8', '--json'], { stdout: (s) => process.stdout.write(s), stderr: … });
 */
export async function simulateCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) {
      io.stdout(SIMULATE_USAGE);
      return 0;
    }
    if (values.format !== 'anonymous-bank' && values.format !== 'poisson') {
      throw new UsageError(
        `--format must be anonymous-bank or poisson${values.format ? `, got "${values.format}"` : ''}`,
      );
    }
    const { title, report, real } =
      values.format === 'poisson' ? { ...poisson(values), real: undefined } : await bank(values);
    if (values.json) {
      const out = { total: report.total, intervals: report.intervals, ...(real ? { real } : {}) };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      io.stdout(`${title}\n\n${table(report)}`);
      if (real) io.stdout(`\nWhat really happened, measured the same way\n\n${table(real)}`);
    }
    return 0;
  } catch (e) {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`atiende simulate: ${(e as Error).message}\n`);
    if (usage) io.stderr(`\n${SIMULATE_USAGE}`);
    return usage ? 2 : 1;
  }
}

const COLUMNS: [string, (f: Figures) => string][] = [
  ['offered', (f) => String(f.offered)],
  ['answered', (f) => String(f.answered)],
  ['abandoned', (f) => String(f.abandoned)],
  ['service level', (f) => percent(f.service_level)],
  ['ASA (s)', (f) => (f.asa_seconds === null ? '–' : f.asa_seconds.toFixed(1))],
  ['abandon rate', (f) => percent(f.abandon_rate)],
  ['occupancy', (f) => percent(f.occupancy)],
];

function percent(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)} %`;
}

/** A plain-text table: one row per interval, then the total. */
export function table(report: Report): string {
  const rows = [
    ['start', ...COLUMNS.map(([name]) => name)],
    ...report.intervals.map((i) => [i.start, ...COLUMNS.map(([, f]) => f(i))]),
    ['total', ...COLUMNS.map(([, f]) => f(report.total))],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    `${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}\n`;
  return rows.map(line).join('');
}
