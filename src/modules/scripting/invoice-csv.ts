/**
 * Reading an invoice file: a header row with `number,customer,issued_on,due_on,amount,currency` and an
 * optional `paid`; `customer` is a customer id or e-mail. Every problem is reported with its line and
 * column, and a file with any problem is refused whole. Pure.
 */
import { parse } from 'csv-parse/sync';

export interface InvoiceLine {
  line: number;
  number: string;
  customer: string;
  issuedOn: string;
  dueOn: string;
  amount: number;
  paid: number;
  currency: string;
}

export interface LineProblem {
  line: number;
  column: string | null;
  message: string;
}

const REQUIRED = ['number', 'customer', 'issued_on', 'due_on', 'amount', 'currency'] as const;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Whether a code is an ISO 4217 currency. */
export const isCurrency = (code: string): boolean => CURRENCIES.has(code);

/**
 * @example parseInvoices('number,customer,issued_on,due_on,amount,currency\nF-1,ana@x.co,2026-01-02,2026-02-01,350000,COP\n')
 */
export function parseInvoices(text: string): { lines: InvoiceLine[]; problems: LineProblem[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    return {
      lines: [],
      problems: [{ line: 0, column: null, message: `Not a readable CSV file: ${(e as Error).message}` }],
    };
  }
  const problems: LineProblem[] = [];
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  for (const column of REQUIRED)
    if (!header.includes(column))
      problems.push({ line: 1, column, message: `The header has no "${column}" column` });
  if (problems.length > 0) return { lines: [], problems };
  const at = (row: string[], column: string) => row[header.indexOf(column)] ?? '';
  const lines: InvoiceLine[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((row, i) => {
    const line = i + 2;
    const bad = (column: string, message: string) => problems.push({ line, column, message });
    const number = at(row, 'number');
    const issuedOn = at(row, 'issued_on');
    const dueOn = at(row, 'due_on');
    const amount = at(row, 'amount');
    const paid = header.includes('paid') ? at(row, 'paid') || '0' : '0';
    const currency = at(row, 'currency');
    if (!number || number.length > 60) bad('number', 'needs an invoice number of at most 60 characters');
    else if (seen.has(number)) bad('number', `invoice ${number} appears twice in the file`);
    seen.add(number);
    if (!at(row, 'customer')) bad('customer', 'needs a customer id or e-mail');
    if (!isDate(issuedOn)) bad('issued_on', `"${issuedOn}" is not a date (YYYY-MM-DD)`);
    if (!isDate(dueOn)) bad('due_on', `"${dueOn}" is not a date (YYYY-MM-DD)`);
    else if (isDate(issuedOn) && dueOn < issuedOn) bad('due_on', 'is before the issue date');
    if (!AMOUNT.test(amount) || Number(amount) <= 0)
      bad('amount', `"${amount}" is not a positive amount (digits, a dot and at most two decimals)`);
    if (!AMOUNT.test(paid)) bad('paid', `"${paid}" is not an amount`);
    else if (AMOUNT.test(amount) && Number(paid) > Number(amount)) bad('paid', 'is more than the amount');
    if (!isCurrency(currency)) bad('currency', `"${currency}" is not an ISO 4217 currency code`);
    lines.push({
      line,
      number,
      customer: at(row, 'customer'),
      issuedOn,
      dueOn,
      amount: Number(amount),
      paid: Number(paid),
      currency,
    });
  });
  if (records.length < 2) problems.push({ line: 1, column: null, message: 'The file has no invoices' });
  return { lines: problems.length > 0 ? [] : lines, problems };
}
