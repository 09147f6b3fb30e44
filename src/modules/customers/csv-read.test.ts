import { type CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvItem, CsvReader } from './csv-read.ts';

/** What csv-parse answers with the options imports used before this reader: rows and errors apart. */
function csvParse(text: string, delimiter: string) {
  const errors: { line: number; error: string }[] = [];
  const records = parse(text, {
    delimiter,
    bom: true,
    from_line: 2,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return undefined;
      const line = Number((err as CsvError & { lines?: number }).lines ?? 0);
      const error =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted value is never closed'
          : err.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'a quote closes in the middle of a value'
            : `the row cannot be read (${err.message})`;
      errors.push({ line, error });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return { rows: records.map((r) => ({ line: r.info.lines, cells: r.record })), errors };
}

function read(text: string, delimiter: string, cuts: number[] = []) {
  const reader = new CsvReader(delimiter);
  const items: CsvItem[] = [];
  let from = 0;
  for (const to of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
    items.push(...reader.push(text.slice(from, to)));
    from = to;
  }
  items.push(...reader.push(text.slice(from)), ...reader.end());
  return {
    rows: items.filter((i) => 'cells' in i),
    errors: items.filter((i) => 'error' in i),
  };
}

const PIECES = ['a', 'b', 'é', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', '\t', 'x"y', '\u0000'];

describe('reading CSV as csv-parse does', () => {
  it('gives the same rows, lines and errors for any text, however it is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (bom, pieces, delimiter, cuts) => {
          const text = (bom ? '\uFEFF' : '') + pieces.join('');
          expect(read(text, delimiter, cuts)).toEqual(csvParse(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same rows for well-formed files with quoted values, line breaks and quotes inside', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Ñ', '1', ' ', '-', '@') }),
      fc
        .string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'ü') })
        .map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, eol, lastEol, cuts) => {
          const text = records.map((r) => r.join(',')).join(eol) + (lastEol ? eol : '');
          expect(read(text, ',', cuts)).toEqual(csvParse(text, ','));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('skips the header and a BOM, and numbers rows by the line they end on', () => {
    const text = '\uFEFFname,email\r\nAna,a@x.co\r\n"Luis\r\nPérez",l@x.co\r\n\r\nEva,e@x.co';
    expect(read(text, ',').rows).toEqual([
      { line: 2, cells: ['Ana', 'a@x.co'] },
      { line: 5, cells: ['Luis\r\nPérez', 'l@x.co'] },
      { line: 7, cells: ['Eva', 'e@x.co'] },
    ]);
  });

  it('reports a stray quote and goes on; an unclosed quote ends the file', () => {
    const stray = read('a,b\nx"y,1\nok,2\n', ',');
    expect(stray.errors).toEqual([
      {
        line: 2,
        error:
          'the row cannot be read (Invalid Opening Quote: a quote is found on field 0 at line 2, value is "x")',
      },
    ]);
    expect(stray.rows).toEqual([{ line: 3, cells: ['ok', '2'] }]);
    expect(read('a,b\n"open,1\nok,2\n', ',').errors).toEqual([
      { line: 3, error: 'a quoted value is never closed' },
    ]);
  });
});
