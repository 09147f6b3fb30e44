/** The `atiende` command line. Exit codes: 0 done, 1 failed, 2 wrong usage. */
import { parseArgs } from 'node:util';
import { type Io, UsageError } from './cli/usage.ts';
import { ConfigError } from './platform/config.ts';
import { AppError } from './platform/errors.ts';

const HELP = `atiende — multichannel contact center and CRM

Usage: atiende <command> [options]

Commands:
  serve [--port P] [--host H] [--data-dir DIR]   start the server (API, web app, realtime)
  migrate [--data-dir DIR]                        apply database migrations and exit
  seed --demo [--data-dir DIR]                    create the Servicenter demo workspace
  user create --email E --password P --role R [--name N] [--workspace SLUG] [--data-dir DIR]
                                                  create a user (roles: admin, supervisor, agent,
                                                  sales_rep, technician, partner)
  simulate …                                      replay or generate load through the routing engine
                                                  (atiende simulate --help)
  wfm erlang|staff|forecast|schedule …            workforce-management calculations (atiende wfm --help)
  import customers FILE [--mapping M.json] [--workspace SLUG] [--data-dir DIR]
                                                  import customers from a CSV (atiende import --help)
  kb import|export|eval …                         knowledge-base articles and search quality
                                                  (atiende kb --help)
  scripting train [--workspace SLUG] [--data-dir DIR]
                                                  retrain the next-best-action propensity models

Every command that touches the database uses the embedded database in --data-dir (default ./data),
or PostgreSQL when DATABASE_URL is set. Settings: see README.md.
`;

const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

type Flags = Record<string, string | boolean | undefined>;

const FLAG_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'build-if-missing': { type: 'boolean' },
  demo: { type: 'boolean' },
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  workspace: { type: 'string' },
} as const;

/** Commands that parse their own arguments, loaded only when used. */
const DELEGATED: Record<string, () => Promise<(argv: string[], io: Io) => Promise<number>>> = {
  simulate: async () => (await import('./modules/routing/index.ts')).simulateCommand,
  wfm: async () => (await import('./modules/wfm/index.ts')).wfmCommand,
  import: async () => (await import('./modules/customers/cli.ts')).importCommand,
  kb: async () => (await import('./modules/knowledge/index.ts')).kbCommand,
  scripting: async () => (await import('./modules/scripting/index.ts')).trainCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const delegated = command ? DELEGATED[command] : undefined;
  if (delegated) return (await delegated())(rest, io);
  const { values, positionals } = parseArgs({
    args: rest,
    options: FLAG_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const flags = values as Flags;
  if (!command || command === 'help' || command === '--help' || command === '-h' || flags.help) {
    io.stdout(HELP);
    return 0;
  }
  // Each command loads only its own code: serving loads the whole application, a migration does not.
  switch (command) {
    case 'serve':
      return (await import('./cli/serve.ts')).serveCommand(flags, io);
    case 'migrate':
      return (await import('./cli/admin.ts')).migrateCommand(flags, io);
    case 'seed':
      return (await import('./cli/admin.ts')).seedCommand(flags, io);
    case 'user':
      if (positionals[0] === 'create') return (await import('./cli/admin.ts')).userCreateCommand(flags, io);
      throw new UsageError('Unknown user command; try: atiende user create --help');
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

export async function run(argv: string[]): Promise<never> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout('atiende 0.1.0\n');
    process.exit(0);
  }
  try {
    process.exit(await main(argv));
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`${error.message}\nRun "atiende --help" for usage.\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      io.stderr(`${error.message}\n`);
      process.exit(1);
    }
    io.stderr(`atiende failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
