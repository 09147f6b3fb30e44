/**
 * CSV import jobs: an upload is checked (UTF-8, header) and waits for its column mapping; started, it
 * streams through the file in batches of 2,500 rows (two at a time on a server, see `import-lanes.ts`),
 * each batch one transaction with its progress event (topic `customer:import-<job id>`), so progress is
 * exact and a failed batch leaves nothing half-written.
 * The command line and the web import run the same code.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { desc, eq, sql } from 'drizzle-orm';
import { type Db, isEmbedded } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Context } from './context.ts';
import { type ColumnMapping, compileMapping, type ImportRow, mapRow, suggestMapping } from './csv-mapping.ts';
import { checkFileEncoding, csvRows, inspectCsv, saveUpload } from './csv-source.ts';
import { type BatchResult, batchKeys, writeBatch } from './import-batch.ts';
import { type BatchTurn, createBatchLanes, StaleBatch } from './import-lanes.ts';
import { customerImports } from './schema.ts';
import type { ImportRejection } from './types.ts';

/** Two batches in flight: with 5,000 the process held three batches' rows, used more CPU and 40 MB more. */
export const BATCH_ROWS = 2_500;
const KEPT_REJECTIONS = 1_000;
const STALE_UPLOAD_MS = 24 * 3600 * 1000;

export interface ImportProgress {
  bytesRead: number;
  fileBytes: number;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  onRejected?: (rejection: ImportRejection) => void;
}

export function createImportService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;
  const dir = ctx.importDir ?? join(tmpdir(), 'atiende-imports');
  const running = new Map<string, Promise<void>>();
  const fileOf = (id: string) => join(dir, `${id}.csv`);

  async function view(workspaceId: string, id: string) {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select()
      .from(customerImports)
      .where(ws.where(customerImports, eq(customerImports.id, id)));
    if (!row) throw errors.notFound('Import');
    const { workspaceId: _w, createdBy: _c, ...rest } = row;
    return {
      ...rest,
      suggestedMapping: suggestMapping(row.headers, await ctx.fields(workspaceId)),
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async function list(workspaceId: string) {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select({ id: customerImports.id })
      .from(customerImports)
      .where(ws.where(customerImports))
      .orderBy(desc(customerImports.createdAt))
      .limit(20);
    return Promise.all(rows.map((r) => view(workspaceId, r.id)));
  }

  async function createJob(
    workspaceId: string,
    id: string,
    path: string,
    fileName: string,
    actorId: string | null,
  ) {
    const shape = await inspectCsv(path);
    await scoped(db, workspaceId).insert(customerImports, {
      id,
      status: 'uploaded',
      fileName: fileName.slice(0, 200),
      fileBytes: shape.bytes,
      delimiter: shape.delimiter,
      headers: shape.headers,
      sample: shape.sample.map((r) => r.map((c) => c.slice(0, 200))),
      createdBy: actorId,
      createdAt: clock.now(),
    });
  }

  /** Saves an uploaded CSV (refusing one that is not UTF-8) and answers with its headers and a suggested mapping. */
  async function upload(workspaceId: string, source: Readable, fileName: string, actorId: string) {
    await mkdir(dir, { recursive: true });
    await sweep();
    const id = newId();
    await saveUpload(source, fileOf(id));
    try {
      await createJob(workspaceId, id, fileOf(id), fileName, actorId);
    } catch (error) {
      await rm(fileOf(id), { force: true });
      throw error;
    }
    return view(workspaceId, id);
  }

  /** Uploads left without a mapping for a day are deleted. */
  async function sweep() {
    const cutoff = clock.now().getTime() - STALE_UPLOAD_MS;
    for (const name of await readdir(dir).catch(() => [])) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  }

  async function checkMapping(workspaceId: string, headers: string[], mapping: ColumnMapping) {
    const { plan, problems } = compileMapping(headers, mapping, await ctx.fields(workspaceId));
    if (problems.length > 0) throw new AppError('validation.failed', 400, problems[0]!.message, problems);
    return plan;
  }

  /** Starts an uploaded import with a mapping; it runs in this process while the caller follows its progress. */
  async function start(workspaceId: string, id: string, mapping: ColumnMapping, actorId: string) {
    const job = await view(workspaceId, id);
    if (job.status !== 'uploaded')
      throw new AppError('customers.import_started', 409, 'This import has already started');
    await checkMapping(workspaceId, job.headers, mapping);
    const changed = await scoped(db, workspaceId).update(
      customerImports,
      { status: 'running', mapping, startedAt: clock.now() },
      eq(customerImports.id, id),
      eq(customerImports.status, 'uploaded'),
    );
    if (changed === 0) throw new AppError('customers.import_started', 409, 'This import has already started');
    // The failure is recorded on the job (status failed, with its message); nobody awaits this promise.
    const work = run(workspaceId, id, fileOf(id), job, mapping, actorId)
      .catch((err) => ctx.logger?.error({ err, importId: id }, 'customer import failed'))
      .finally(() => {
        running.delete(id);
        return rm(fileOf(id), { force: true });
      });
    running.set(id, work);
    return view(workspaceId, id);
  }

  /** Resolves when a running import of this process ends (tests and the command line wait on it). */
  const settled = async (id: string) => {
    await running.get(id)?.catch(() => {});
  };

  /**
   * Imports a file synchronously as job `id` (the command line's path): checks the mapping, then streams.
   * @example await imports.importFile(workspaceId, '/tmp/clientes.csv', mapping, { onProgress: bar.update })
   */
  async function importFile(
    workspaceId: string,
    path: string,
    mapping: ColumnMapping | null,
    hooks: ImportHooks = {},
  ) {
    // The whole file is checked first: a wrong encoding found half-way would leave half an import.
    await checkFileEncoding(path);
    const id = newId();
    await createJob(workspaceId, id, path, path.split('/').pop() ?? path, null);
    const job = await view(workspaceId, id);
    const chosen = mapping ?? job.suggestedMapping;
    await checkMapping(workspaceId, job.headers, chosen);
    await scoped(db, workspaceId).update(
      customerImports,
      { status: 'running', mapping: chosen, startedAt: clock.now() },
      eq(customerImports.id, id),
    );
    await run(workspaceId, id, path, job, chosen, null, hooks);
    return view(workspaceId, id);
  }

  async function run(
    workspaceId: string,
    id: string,
    path: string,
    job: { headers: string[]; delimiter: string; fileBytes: number },
    mapping: ColumnMapping,
    actorId: string | null,
    hooks: ImportHooks = {},
  ): Promise<void> {
    const fields = await ctx.fields(workspaceId);
    const plan = await checkMapping(workspaceId, job.headers, mapping);
    const defaultCountry = await ctx.country(workspaceId);
    const progress: ImportProgress = {
      bytesRead: 0,
      fileBytes: job.fileBytes,
      processed: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    };
    let batch: ImportRow[] = [];
    let rejected: ImportRejection[] = [];
    let bytesRead = 0;
    // Search words already in the dictionary: only words a committed batch sent, so a rolled-back batch
    // cannot make a later one skip a word that never arrived.
    const knownWords = new Set<string>();
    // Two batches in flight on a server, each on its own connection; one on the embedded database.
    const lanes = createBatchLanes(isEmbedded(db) ? 1 : 2);

    /** Writes a batch and its progress in one transaction; a batch that fails is reported row by row. */
    const flush = async (rows: ImportRow[], early: ImportRejection[], order: BatchTurn) => {
      const save = async (tx: Db, record: RecordEvents, result: BatchResult) => {
        const rejections = [...early, ...result.rejections].sort((a, b) => a.line - b.line);
        const next: ImportProgress = {
          bytesRead,
          fileBytes: job.fileBytes,
          processed: progress.processed + rows.length + early.length,
          inserted: progress.inserted + result.inserted,
          updated: progress.updated + result.updated,
          unchanged: progress.unchanged + result.unchanged,
          rejected: progress.rejected + rejections.length,
        };
        await saveProgress(tx, record, workspaceId, id, actorId, next, rejections);
        return { next, rejections, words: result.words };
      };
      // A batch's transaction takes its id first, in the order `order` allows.
      const open = (tx: Db) => order.open(() => tx.execute(sql`select pg_current_xact_id()`));
      const attempt = (exactOwners: boolean) =>
        uow.run(async (tx, record) => {
          await open(tx);
          const result = await writeBatch(tx, ctx, workspaceId, rows, {
            knownWords,
            exactOwners,
            turn: order.turn,
          });
          return save(tx, record, result);
        });
      let saved: Awaited<ReturnType<typeof save>> | null = null;
      try {
        let exactOwners = false;
        while (!saved) {
          saved = await attempt(exactOwners).catch((error) => {
            // A batch that read a customer the batch before it wrote is written again (at most once: it
            // has now committed). An identity stored under another match-key rule is missed by the owners'
            // look-up by key, and the batch then breaks the identities' unique index: once more, looking
            // owners up by value too.
            if (error instanceof StaleBatch) return null;
            if (isUniqueViolation(error) && !exactOwners) {
              exactOwners = true;
              return null;
            }
            throw error;
          });
        }
        for (const word of saved.words) knownWords.add(word);
      } catch (error) {
        // The whole batch rolled back: every row of it is reported, with the reason.
        const reason = `its batch failed and was not written: ${error instanceof Error ? error.message : String(error)}`;
        const failed = {
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejections: rows.map((r) => ({ line: r.line, reason })),
          words: [],
        };
        // Its progress only, once the batches before it have committed (nothing it read can be stale).
        await order.turn([]).catch((e) => {
          if (!(e instanceof StaleBatch)) throw e;
        });
        saved = await uow.run(async (tx, record) => {
          await open(tx);
          return save(tx, record, failed);
        });
      }
      Object.assign(progress, saved.next);
      for (const r of saved.rejections) hooks.onRejected?.(r);
      hooks.onProgress?.({ ...progress });
    };
    const send = () => {
      const rows = batch;
      const early = rejected;
      batch = [];
      rejected = [];
      return lanes.add(batchKeys(rows), (order) => flush(rows, early, order));
    };

    // Reading and mapping the next batch overlaps with writing the ones before; commits stay in order.
    try {
      const rowContext = { defaultCountry, fields };
      for await (const items of csvRows(path, job.delimiter, (n) => {
        bytesRead = n;
      })) {
        for (const item of items) {
          if ('error' in item) rejected.push({ line: item.line, reason: item.error });
          else if (item.cells.length !== job.headers.length) {
            rejected.push({
              line: item.line,
              reason: `the row has ${item.cells.length} cells; the header has ${job.headers.length}`,
            });
          } else {
            const mapped = mapRow(item.cells, plan, item.line, rowContext);
            if (mapped.ok) batch.push(mapped.row);
            else rejected.push({ line: item.line, reason: mapped.reason });
          }
          if (batch.length + rejected.length >= BATCH_ROWS) await send();
        }
      }
      await lanes.drain();
      bytesRead = job.fileBytes;
      await send();
      await lanes.drain();
      await finish(workspaceId, id, 'done', null, actorId, progress);
    } catch (error) {
      await lanes.drain().catch(() => {});
      await finish(
        workspaceId,
        id,
        'failed',
        error instanceof Error ? error.message : String(error),
        actorId,
        progress,
      );
      throw error;
    }
  }

  async function saveProgress(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    id: string,
    actorId: string | null,
    p: ImportProgress,
    rejections: ImportRejection[],
  ) {
    await tx.execute(sql`
      update customer_imports set bytes_read = ${p.bytesRead}, processed = ${p.processed}, inserted = ${p.inserted},
        updated = ${p.updated}, unchanged = ${p.unchanged}, rejected = ${p.rejected},
        rejections = (select coalesce(jsonb_agg(e), '[]'::jsonb) from (
          select e from jsonb_array_elements(rejections || ${JSON.stringify(rejections)}::jsonb) e limit ${KEPT_REJECTIONS}) kept)
      where ${scoped(tx, workspaceId).where(customerImports, eq(customerImports.id, id))}`);
    await record({
      workspaceId,
      type: 'customer.import_progress',
      subject: 'customer_import',
      subjectId: id,
      actorId,
      topics: [`customer:import-${id}`],
      payload: { ...p },
    });
  }

  async function finish(
    workspaceId: string,
    id: string,
    status: 'done' | 'failed',
    error: string | null,
    actorId: string | null,
    progress: ImportProgress,
  ) {
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        customerImports,
        { status, error, finishedAt: clock.now() },
        eq(customerImports.id, id),
      );
      await record({
        workspaceId,
        type: status === 'done' ? 'customer.import_finished' : 'customer.import_failed',
        subject: 'customer_import',
        subjectId: id,
        actorId,
        topics: [`customer:import-${id}`],
        payload: { ...progress, error },
      });
    });
  }

  return { upload, start, view, list, settled, importFile };
}

export type ImportService = ReturnType<typeof createImportService>;
