/**
 * `atiende scripting train [--workspace SLUG] [--data-dir DIR]`: retrains the propensity models from the
 * purchase histories (every workspace, or one) and prints what each learned. Exit codes: 0 done, 1 failed,
 * 2 wrong usage. The server also retrains every few hours.
 */
import { parseArgs } from 'node:util';
import { newId, systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { createLocalBus } from '../../platform/events/bus.ts';
import { createUnitOfWork } from '../../platform/events/unit-of-work.ts';
import { createWorkspaceService } from '../workspaces/index.ts';
import { trainModel } from './training.ts';

const HELP = `atiende scripting train [--workspace SLUG] [--data-dir DIR]

  Retrains the propensity model (co-occurrence of products in customers' purchase histories) of every
  workspace, or of one, and prints how many customers and products each model learned from.

  --workspace SLUG      only this workspace
  --data-dir DIR        the embedded database's directory (default ./data); DATABASE_URL for PostgreSQL
`;

const OPTIONS = {
  workspace: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The `atiende scripting` command.
 * @example await trainCommand(['train', '--workspace', 'servicenter'], io) // 0
 */
export async function trainCommand(
  argv: string[],
  io: { stdout(text: string): void; stderr(text: string): void },
): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'train') {
    io.stderr(`Usage: ${HELP}`);
    return 2;
  }
  const config = loadConfig(undefined, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const { db } = database;
    const uow = createUnitOfWork(db, createLocalBus(), systemClock);
    const workspaces = createWorkspaceService({ db, uow, clock: systemClock, newId });
    const all = await workspaces.list();
    const chosen = values.workspace ? all.filter((w) => w.slug === values.workspace) : all;
    if (values.workspace && chosen.length === 0) {
      io.stderr(`No workspace ${values.workspace}\n`);
      return 2;
    }
    for (const w of chosen) {
      const r = await trainModel(db, systemClock, w.id);
      io.stdout(`${w.slug}: trained on ${r.customers} customers, ${r.products} products\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
