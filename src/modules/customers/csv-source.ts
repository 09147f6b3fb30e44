/**
 * Reading CSV files for import, streaming: saving an upload while checking it is UTF-8, finding the
 * header and delimiter, and yielding rows one at a time with their line numbers (a million rows never sit in
 * memory). A row the parser cannot read is yielded as an error and reading goes on.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { checkUtf8, encodingMessage, sniffDelimiter, utf8Start } from './encoding.ts';

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const badEncoding = (message: string) => new AppError('customers.import_bad_encoding', 400, message);

/** Copies an upload to `path`, refusing (and deleting) a file that is not UTF-8 or is too large. */
export async function saveUpload(
  source: Readable,
  path: string,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<number> {
  const state = utf8Start();
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          const problem = checkUtf8(chunk, state);
          if (problem) throw badEncoding(encodingMessage(problem));
          if (state.offset > maxBytes) {
            throw new AppError(
              'request.too_large',
              413,
              `The file is larger than ${maxBytes / 1024 / 1024} MB`,
            );
          }
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return state.offset;
}

/** Reads a whole file to check it is UTF-8 before anything of it is imported. */
export async function checkFileEncoding(path: string): Promise<void> {
  const state = utf8Start();
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const problem = checkUtf8(chunk as Buffer, state);
    if (problem) throw badEncoding(encodingMessage(problem));
  }
}

export interface CsvShape {
  delimiter: string;
  headers: string[];
  sample: string[][];
  bytes: number;
}

/** The delimiter, the headers (made unique and non-empty) and the first rows of a CSV file. */
export async function inspectCsv(path: string): Promise<CsvShape> {
  const bytes = (await stat(path)).size;
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(Math.min(bytes, 64 * 1024));
  try {
    await handle.read(buffer, 0, buffer.length, 0);
  } finally {
    await handle.close();
  }
  let text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (bytes > buffer.length) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  const records = parseSync(text, {
    delimiter,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    to: 6,
  }) as string[][];
  const [header, ...sample] = records;
  if (!header || header.every((h) => h.trim() === '')) {
    throw new AppError('customers.import_empty', 400, 'The file has no header line');
  }
  return { delimiter, headers: uniqueHeaders(header), sample, bytes };
}

function uniqueHeaders(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

export type CsvItem = { line: number; cells: string[] } | { line: number; error: string };

/**
 * The data rows of a CSV file after its header, streaming; `onBytes` hears how far the file has been read.
 * @example for await (const item of csvRows(path, ';', (n) => progress(n))) if ('cells' in item) …
 */
export async function* csvRows(
  path: string,
  delimiter: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    from_line: 2,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err: CsvError | undefined) => {
      if (err)
        skipped.push({
          line: Number((err as CsvError & { lines?: number }).lines ?? 0),
          error: describe(err),
        });
      return undefined;
    },
  });
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  file.on('data', (chunk) => {
    bytes += chunk.length;
    onBytes(bytes);
  });
  file.on('error', (err) => parser.destroy(err));
  file.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (error) {
    const err = error as CsvError & { lines?: number };
    // An unclosed quote swallows the rest of the file: report it and stop.
    if (err.code?.startsWith('CSV_')) yield { line: Number(err.lines ?? 0), error: describe(err) };
    else throw error;
  } finally {
    file.destroy();
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote closes in the middle of a value';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'the row has a different number of cells than the header';
    default:
      return `the row cannot be read (${err.message})`;
  }
}
