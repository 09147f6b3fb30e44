/**
 * Reading CSV files for import, streaming: saving an upload while checking it is UTF-8, finding the
 * header and delimiter, and yielding rows one at a time with their line numbers (a million rows never sit in
 * memory) through `CsvReader`. A row the reader cannot read is yielded as an error and reading goes on.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseSync } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { type CsvItem, CsvReader } from './csv-read.ts';
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

/**
 * The data rows of a CSV file after its header, streaming, as the rows of each chunk read (some thousands
 * at a time: an item awaited per row cost more than reading it); `onBytes` hears how far the file has been read.
 * @example for await (const items of csvRows(path, ';', (n) => progress(n))) for (const item of items) …
 */
export async function* csvRows(
  path: string,
  delimiter: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<CsvItem[]> {
  const reader = new CsvReader(delimiter);
  const decoder = new StringDecoder('utf8');
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      onBytes(bytes);
      yield reader.push(decoder.write(chunk));
    }
    yield [...reader.push(decoder.end()), ...reader.end()];
  } finally {
    file.destroy();
  }
}
