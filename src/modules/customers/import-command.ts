/**
 * `atiende import customers FILE [--mapping FILE.json] [--workspace SLUG] [--report FILE] [--data-dir DIR]`:
 * imports a CSV into a workspace with a progress bar on stderr, prints what it did on stdout, and lists the
 * rejected rows (all of them in --report, as CSV). Exit codes: 0 every row imported, 1 some rows rejected
 * or the file refused, 2 wrong usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { newId, systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { AppError } from '../../platform/errors.ts';
import { createLocalBus } from '../../platform/events/bus.ts';
import { createUnitOfWork } from '../../platform/events/unit-of-work.ts';
import { createWorkspaceService } from '../workspaces/cli.ts';
import { createContext } from './context.ts';
import { createImportService, type ImportProgress } from './import-service.ts';
import type { ImportRejection } from './types.ts';

const HELP = `atiende import customers FILE [options]

  Imports customers from a CSV file (UTF-8; comma, semicolon or tab separated; first line = headers).
  Rows are matched by external id, else by e-mail or phone, and updated; the others are created, so
  importing the same file again changes nothing.

  --mapping FILE.json   {"Header": "target", …}; targets: name, kind, externalId, organisation, language,
                        timeZone, tags, customerSince, openDebt, email, phone, whatsapp, telegram, messenger,
                        instagram, webchat, field:<key>, ignore. Without it, headers are recognised by name.
  --workspace SLUG      the workspace (needed when there are several)
  --report FILE         write every rejected row (line,reason) to FILE as CSV
  --data-dir DIR        the embedded database's directory (default ./data); DATABASE_URL for PostgreSQL

Exit codes: 0 all rows imported, 1 some rows rejected or the file refused, 2 wrong usage.
`;

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const OPTIONS = {
  mapping: { type: 'string' },
  workspace: { type: 'string' },
  report: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The `atiende import` command.
 * @example await importCommand(['customers', 'clientes.csv', '--workspace', 'servicenter'], io) // 0
 */
export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
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
  const [what, file] = positionals;
  if (what !== 'customers' || !file || positionals.length > 2) {
    io.stderr(`Usage: atiende import customers FILE [options]\n\n${HELP}`);
    return 2;
  }
  if (!existsSync(file)) {
    io.stderr(`No file ${file}\n`);
    return 2;
  }
  let mapping: Record<string, string> | null = null;
  if (values.mapping) {
    const read = readMapping(values.mapping);
    if (typeof read === 'string') {
      io.stderr(`${read}\n`);
      return 2;
    }
    mapping = read;
  }

  const config = loadConfig(undefined, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
    const base = { db: database.db, uow, clock: systemClock, newId };
    const workspaces = createWorkspaceService(base);
    const all = await workspaces.list();
    const workspace = values.workspace
      ? all.find((w) => w.slug === values.workspace)
      : all.length === 1
        ? all[0]
        : undefined;
    if (!workspace) {
      io.stderr(
        values.workspace
          ? `No workspace "${values.workspace}".\n`
          : `Say which workspace with --workspace (one of: ${all.map((w) => w.slug).join(', ') || 'none yet'}).\n`,
      );
      return 2;
    }
    const imports = createImportService(createContext({ ...base, workspaces }));
    const rejections: ImportRejection[] = [];
    const bar = progressBar(io);
    const job = await imports.importFile(workspace.id, file, mapping, {
      onProgress: bar,
      onRejected: (r) => rejections.push(r),
    });
    bar.done();
    io.stdout(
      `Imported ${job.processed.toLocaleString('en-US')} rows into ${workspace.slug}: ${job.inserted} created, ` +
        `${job.updated} updated, ${job.unchanged} unchanged, ${job.rejected} rejected.\n`,
    );
    reportRejections(io, rejections, values.report);
    return rejections.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`${error.message}\n`);
      if (Array.isArray(error.details)) {
        for (const d of error.details as { path: string; message: string }[])
          io.stderr(`  ${d.path}: ${d.message}\n`);
      }
      return error.code === 'validation.failed' ? 2 : 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function readMapping(path: string): Record<string, string> | string {
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const inner =
      json && typeof json === 'object' && 'columns' in json ? (json as { columns: unknown }).columns : json;
    if (!inner || typeof inner !== 'object' || Object.values(inner).some((v) => typeof v !== 'string')) {
      return `${path} must be a JSON object of "Header": "target"`;
    }
    return inner as Record<string, string>;
  } catch (error) {
    return `Cannot read the mapping ${path}: ${(error as Error).message}`;
  }
}

function reportRejections(io: CommandIo, rejections: ImportRejection[], reportFile: string | undefined) {
  const shown = 20;
  for (const r of rejections.slice(0, shown)) io.stderr(`  line ${r.line}: ${r.reason}\n`);
  if (rejections.length > shown && !reportFile) {
    io.stderr(`  … and ${rejections.length - shown} more (--report FILE saves them all)\n`);
  }
  if (reportFile) {
    const csv = ['line,reason', ...rejections.map((r) => `${r.line},"${r.reason.replace(/"/g, '""')}"`)].join(
      '\n',
    );
    writeFileSync(reportFile, `${csv}\n`);
    io.stderr(`Rejected rows written to ${reportFile}\n`);
  }
}

/** A bar redrawn in place on a terminal; on a pipe, a line every tenth of the file. */
function progressBar(io: CommandIo) {
  const tty = Boolean(process.stderr.isTTY);
  const started = performance.now();
  let lastTenth = -1;
  const update = (p: ImportProgress) => {
    const fraction = p.fileBytes > 0 ? Math.min(1, p.bytesRead / p.fileBytes) : 1;
    const rate = Math.round(p.processed / Math.max(0.001, (performance.now() - started) / 1000));
    const text = `${String(Math.floor(fraction * 100)).padStart(3)}% [${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '-')}] ${p.processed.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s, ${p.rejected} rejected`;
    if (tty) io.stderr(`\r${text}`);
    else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      io.stderr(`${text}\n`);
    }
  };
  return Object.assign(update, { done: () => tty && io.stderr('\n') });
}
