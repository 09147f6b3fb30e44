import { parseArgs } from 'node:util';
import { forecastCommand } from './command-forecast.ts';
import { erlangCommand, staffCommand } from './command-queue.ts';
import { scheduleCommand } from './command-schedule.ts';
import { type CommandIo, type Flags, UsageError } from './command-support.ts';
import { WfmError } from './errors.ts';

export type { CommandIo } from './command-support.ts';

const HELP = `atiende wfm — workforce-management calculations

  atiende wfm erlang --model b|c|a --arrivals-per-hour X --aht S --agents N [--patience S] [--target S] [--json]
      queue measures at a staffing (Erlang A needs --patience; --target defaults to 20 s)
  atiende wfm staff --model c|a --arrivals-per-hour X --aht S --target-sl 0.8 --target S
                    [--patience S] [--max-occupancy F] [--shrinkage F] [--max-asa S] [--max-abandon F]
                    [--convention all|served] [--max-agents N] [--json]
      agents needed for a target; "agents" includes shrinkage, "agents_on_queue" does not
  atiende wfm forecast --input FILE.csv --interval 5m|15m|30m|60m --horizon-days D
                    [--method auto|seasonal_naive|weekday_mean|ets_profile|holt_winters]
                    [--level 0.8] [--special-day YYYY-MM-DD=FACTOR …] [--json]
      reads timestamp,count[,aht_seconds] and prints timestamp,forecast,lo,hi for the D days after it
  atiende wfm schedule --input FILE.json [--gap F] [--time-limit S] [--json]
      solves every case of a shift-cover file (the format of shift-cover-fixture.json)

Exit codes: 0 done, 1 no answer (target unreachable, bad history, solver failure), 2 wrong usage.
`;

const subcommands = {
  erlang: erlangCommand,
  staff: staffCommand,
  forecast: forecastCommand,
  schedule: scheduleCommand,
} as const;

/**
 * `atiende wfm …`: parses the arguments, runs one calculation and prints it (a table, CSV or with
 * --json one JSON object). Returns the exit code: 2 with a message on wrong usage.
 *
 * @example
 * await wfmCommand(['erlang', '--model', 'c', '--arrivals-per-hour', '200', '--aht', '180', '--agents', '14', '--json'], io);
 * // prints {"traffic_erlangs":10,"agents":14,"target_seconds":20,"p_wait":0.1741…,…} and returns 0
 */
export async function wfmCommand(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const run = subcommands[name as keyof typeof subcommands];
  if (!run) {
    io.stderr(
      `unknown wfm command "${name}": use erlang, staff, forecast or schedule (atiende wfm --help)\n`,
    );
    return 2;
  }
  try {
    const { values } = parseArgs({
      args: joinNegativeValues(rest),
      options: run.options,
      allowPositionals: false,
      strict: true,
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    return await run(values as Flags, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`${(error as Error).message}\nRun "atiende wfm --help" for usage.\n`);
      return 2;
    }
    if (error instanceof WfmError) {
      io.stderr(`${error.message}\n`);
      return error.code === 'wfm.invalid_input' ? 2 : 1;
    }
    throw error;
  }
}

/**
 * `--aht -5` as `--aht=-5`: parseArgs would take -5 for an option and say the value is missing,
 * where the useful message is that a handle time must be positive.
 */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
