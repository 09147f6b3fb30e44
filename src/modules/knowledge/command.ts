/**
 * `atiende kb import|export|eval`. Exit codes: 0 done, 1 some lines refused or the work failed, 2 wrong usage.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { newId, systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { createLocalBus } from '../../platform/events/bus.ts';
import { createUnitOfWork } from '../../platform/events/unit-of-work.ts';
import { createWorkspaceService } from '../workspaces/index.ts';
import { createArticleService } from './articles-service.ts';
import { createContext } from './context.ts';
import { evaluate, learnFrom, loadEvalArticles } from './eval.ts';
import { type ArticleLine, articleLine, type LineError, parseArticles, parseQueries } from './jsonl.ts';
import { createLearningService } from './learning-service.ts';
import { fromMarkdownFile, toMarkdownFile } from './markdown-folder.ts';
import { createSearchService } from './search-service.ts';

const HELP = `atiende kb import|export|eval

  atiende kb import --format jsonl|markdown PATH [--status draft|published] [--workspace SLUG] [--data-dir DIR]
      Imports articles (JSONL: one {"id","language","title","body",["category","tags","phrasings"]} a line;
      markdown: a folder of <language>/<id>.md files with a front matter). Articles with the same id are
      updated. Every refused line is reported with its number.
  atiende kb export --format jsonl|markdown [--out PATH] [--workspace SLUG] [--data-dir DIR]
      Writes every article in the import format (JSONL to stdout unless --out; markdown needs --out DIR).
  atiende kb eval --articles ARTICLES.jsonl --queries QUERIES.jsonl [--learn-from TRAIN.jsonl] [--json]
      Loads the articles into a fresh temporary workspace (in memory), optionally teaches it the training
      queries as if searchers had picked the relevant article, runs each query through the product's search
      and prints MRR@10, hit@1, hit@3 and p95 latency.

Exit codes: 0 done, 1 some lines refused or the work failed, 2 wrong usage.
`;

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const OPTIONS = {
  format: { type: 'string' },
  status: { type: 'string' },
  out: { type: 'string' },
  articles: { type: 'string' },
  queries: { type: 'string' },
  'learn-from': { type: 'string' },
  json: { type: 'boolean' },
  workspace: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
>['values'];

class Usage extends Error {}

/**
 * The `atiende kb` command.
 * @example await kbCommand(['eval', '--articles', 'a.jsonl', '--queries', 'q.jsonl', '--json'], io) // 0
 */
export async function kbCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.help || positionals.length === 0) {
      io.stdout(HELP);
      return values.help ? 0 : 2;
    }
    const [what, ...rest] = positionals;
    if (what === 'eval') return await evalCommand(values, io);
    if (what === 'import') return await importCommand(values, rest, io);
    if (what === 'export') return await exportCommand(values, io);
    throw new Usage(`Unknown kb command "${what}"`);
  } catch (error) {
    if (error instanceof Usage || (error instanceof TypeError && 'code' in error)) {
      io.stderr(`${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}

async function open(values: Values, memory: boolean) {
  const config = loadConfig(undefined, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const database = await openDatabase(
    memory
      ? { databaseUrl: null, dataDir: null }
      : { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
  );
  await migrate(database);
  const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
  const base = { db: database.db, uow, clock: systemClock, newId };
  const ctx = createContext(base);
  const services = {
    ctx,
    articles: createArticleService(ctx),
    learning: createLearningService(ctx),
    search: createSearchService(ctx),
  };
  return { database, base, services, workspaces: createWorkspaceService(base) };
}

async function pickWorkspace(
  workspaces: ReturnType<typeof createWorkspaceService>,
  slug: string | undefined,
) {
  const all = await workspaces.list();
  const ws = slug ? all.find((w) => w.slug === slug) : all.length === 1 ? all[0] : undefined;
  if (!ws)
    throw new Usage(
      slug
        ? `No workspace "${slug}".`
        : `Say which workspace with --workspace (one of: ${all.map((w) => w.slug).join(', ') || 'none yet'}).`,
    );
  return ws;
}

function readText(path: string | undefined, flag: string): string {
  if (!path) throw new Usage(`--${flag} FILE is required`);
  if (!existsSync(path)) throw new Usage(`No file ${path}`);
  return readFileSync(path, 'utf8');
}

function reportErrors(io: CommandIo, file: string, errors: LineError[]) {
  for (const e of errors) io.stderr(`${file}:${e.line}: ${e.message}\n`);
}

async function evalCommand(values: Values, io: CommandIo): Promise<number> {
  const articles = parseArticles(readText(values.articles, 'articles'));
  const queries = parseQueries(readText(values.queries, 'queries'));
  const training = values['learn-from'] ? parseQueries(readText(values['learn-from'], 'learn-from')) : null;
  const errors = [
    ...articles.errors.map((e) => ({ file: values.articles!, e })),
    ...queries.errors.map((e) => ({ file: values.queries!, e })),
    ...(training?.errors ?? []).map((e) => ({ file: values['learn-from']!, e })),
  ];
  if (errors.length > 0) {
    for (const { file, e } of errors) reportErrors(io, file, [e]);
    return 1;
  }
  const { database, services, workspaces } = await open(values, true);
  try {
    const ws = await workspaces.create({
      slug: 'kb-eval',
      name: 'Evaluation',
      timeZone: 'UTC',
      defaultLanguage: articles.items[0]?.value.language ?? 'en',
      defaultCountry: 'CO',
    });
    const bar = progressBar(io, 'articles');
    const ids = await loadEvalArticles(
      services,
      ws.id,
      articles.items.map((i) => i.value),
      bar,
    );
    bar.done();
    if (training)
      await learnFrom(
        services,
        ws.id,
        ids,
        training.items.map((i) => i.value),
      );
    await database.exec('analyze');
    const summary = await evaluate(
      services,
      ws.id,
      ids,
      queries.items.map((i) => i.value),
    );
    if (values.json) io.stdout(`${JSON.stringify(summary)}\n`);
    else
      io.stdout(
        `queries ${summary.queries}  MRR@10 ${summary.mrr_at_10.toFixed(3)}  hit@1 ${summary.hit_at_1.toFixed(3)}  ` +
          `hit@3 ${summary.hit_at_3.toFixed(3)}  p95 ${summary.p95_ms} ms${training ? `  (learned from ${training.items.length} queries)` : ''}\n`,
      );
    return 0;
  } finally {
    await database.close();
  }
}

function readMarkdownFolder(dir: string): {
  items: ArticleLine[];
  errors: { file: string; message: string }[];
} {
  const items: ArticleLine[] = [];
  const errors: { file: string; message: string }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) {
        const parent = basename(folder);
        const parsed = fromMarkdownFile(readFileSync(path, 'utf8'), name.slice(0, -3), parent);
        if (typeof parsed === 'string') errors.push({ file: path, message: parsed });
        else items.push(parsed);
      }
    }
  };
  walk(dir);
  return { items, errors };
}

async function importCommand(values: Values, rest: string[], io: CommandIo): Promise<number> {
  const format = values.format ?? 'jsonl';
  const [path] = rest;
  if (!path || rest.length > 1) throw new Usage('Usage: atiende kb import --format jsonl|markdown PATH');
  if (!existsSync(path)) throw new Usage(`No file ${path}`);
  const status = values.status ?? 'published';
  if (status !== 'draft' && status !== 'published') throw new Usage('--status must be draft or published');
  let items: ArticleLine[];
  let refused = 0;
  if (format === 'jsonl') {
    const parsed = parseArticles(readFileSync(path, 'utf8'));
    reportErrors(io, path, parsed.errors);
    refused = parsed.errors.length;
    items = parsed.items.map((i) => i.value);
  } else if (format === 'markdown') {
    if (!statSync(path).isDirectory()) throw new Usage(`${path} is not a folder`);
    const parsed = readMarkdownFolder(path);
    for (const e of parsed.errors) io.stderr(`${e.file}: ${e.message}\n`);
    refused = parsed.errors.length;
    items = parsed.items;
  } else throw new Usage('--format must be jsonl or markdown');

  const { database, services, workspaces } = await open(values, false);
  try {
    const ws = await pickWorkspace(workspaces, values.workspace);
    const bar = progressBar(io, 'articles');
    const totals = { created: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < items.length; i += 200) {
      const counts = await services.articles.upsertMany(
        ws.id,
        null,
        items.slice(i, i + 200).map((a) => ({ ...a, externalId: a.id, status })),
      );
      totals.created += counts.created;
      totals.updated += counts.updated;
      totals.unchanged += counts.unchanged;
      bar(Math.min(i + 200, items.length), items.length);
    }
    bar.done();
    io.stdout(
      `Imported ${items.length} articles into ${ws.slug}: ${totals.created} created, ${totals.updated} updated, ` +
        `${totals.unchanged} unchanged, ${refused} refused.\n`,
    );
    return refused > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

async function exportCommand(values: Values, io: CommandIo): Promise<number> {
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'markdown') throw new Usage('--format must be jsonl or markdown');
  if (format === 'markdown' && !values.out) throw new Usage('--format markdown needs --out DIR');
  const { database, services, workspaces } = await open(values, false);
  try {
    const ws = await pickWorkspace(workspaces, values.workspace);
    const articles = (await services.articles.list(ws.id, {}, 1_000_000)).reverse();
    const lines: ArticleLine[] = articles.map((a) => ({
      id: a.externalId ?? a.id,
      language: a.language,
      title: a.title,
      body: a.body,
      category: a.category,
      tags: a.tags,
      phrasings: a.phrasings,
    }));
    if (format === 'jsonl') {
      const text = lines.map(articleLine).join('\n') + (lines.length ? '\n' : '');
      if (values.out) writeFileSync(values.out, text);
      else io.stdout(text);
    } else {
      for (const a of lines) {
        mkdirSync(join(values.out!, a.language), { recursive: true });
        writeFileSync(
          join(values.out!, a.language, `${a.id.replace(/[^\w.-]+/g, '_')}.md`),
          toMarkdownFile(a),
        );
      }
    }
    if (values.out) io.stderr(`Exported ${lines.length} articles to ${values.out}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** A bar redrawn in place on a terminal; on a pipe, a line every tenth. */
function progressBar(io: CommandIo, unit: string) {
  const tty = Boolean(process.stderr.isTTY);
  let lastTenth = -1;
  const update = (done: number, total: number) => {
    const fraction = total > 0 ? done / total : 1;
    const text = `${String(Math.floor(fraction * 100)).padStart(3)}% [${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '-')}] ${done}/${total} ${unit}`;
    if (tty) io.stderr(`\r${text}`);
    else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      io.stderr(`${text}\n`);
    }
  };
  return Object.assign(update, { done: () => tty && io.stderr('\n') });
}
