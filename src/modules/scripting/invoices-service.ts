/** Invoices and balances per customer: imported by CSV or the API, read by scripts and the desk. */
import { asc, eq, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { ScriptingDeps } from './context.ts';
import { isCurrency, type LineProblem, parseInvoices } from './invoice-csv.ts';
import { scriptingInvoices } from './schema.ts';

export interface InvoiceInput {
  customerId: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  amount: number;
  paid?: number;
  currency: string;
}

type Row = typeof scriptingInvoices.$inferSelect;

export function createInvoiceService(deps: ScriptingDeps) {
  const { db, uow, clock, newId } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  const toInvoice = (r: Row, day: string) => ({
    id: r.id,
    customerId: r.customerId,
    number: r.number,
    issuedOn: r.issuedOn,
    dueOn: r.dueOn,
    amount: r.amount,
    paid: r.paid,
    currency: r.currency,
    state: r.paid >= r.amount ? ('paid' as const) : r.dueOn < day ? ('overdue' as const) : ('open' as const),
  });

  async function upsert(tx: Db, workspaceId: string, rows: InvoiceInput[]) {
    const now = clock.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => ({
        id: newId(),
        workspaceId,
        customerId: r.customerId,
        number: r.number,
        issuedOn: r.issuedOn,
        dueOn: r.dueOn,
        amount: r.amount,
        paid: r.paid ?? 0,
        currency: r.currency,
        createdAt: now,
        updatedAt: now,
      }));
      await tx
        .insert(scriptingInvoices)
        .values(chunk)
        .onConflictDoUpdate({
          target: [scriptingInvoices.workspaceId, scriptingInvoices.number],
          set: {
            customerId: sql`excluded.customer_id`,
            issuedOn: sql`excluded.issued_on`,
            dueOn: sql`excluded.due_on`,
            amount: sql`excluded.amount`,
            paid: sql`excluded.paid`,
            currency: sql`excluded.currency`,
            updatedAt: now,
          },
        });
    }
  }

  /** Creates or replaces (by number) one invoice. */
  async function save(workspaceId: string, input: InvoiceInput, actorId: string | null) {
    await deps.customers.getCustomerSummary(workspaceId, input.customerId);
    const problems = checkOne(input);
    if (problems.length > 0)
      throw new AppError('scripting.invalid_invoice', 400, problems[0]!.message, problems);
    await uow.run(async (tx, record) => {
      await upsert(tx, workspaceId, [input]);
      await record({
        workspaceId,
        type: 'scripting.invoice_saved',
        subject: 'customer',
        subjectId: input.customerId,
        actorId,
        topics: [`customer:${input.customerId}`],
        payload: { number: input.number },
      });
    });
    return (await balance(workspaceId, input.customerId)).invoices.find((i) => i.number === input.number)!;
  }

  /** Imports a CSV file of invoices in one transaction; any problem refuses the whole file. */
  async function importCsv(workspaceId: string, text: string, actorId: string | null) {
    const { lines, problems } = parseInvoices(text);
    const refuse = (list: LineProblem[]) =>
      new AppError(
        'scripting.invalid_invoice_file',
        400,
        `Line ${list[0]!.line}${list[0]!.column ? `, column ${list[0]!.column}` : ''}: ${list[0]!.message}${
          list.length > 1 ? ` (and ${list.length - 1} more problems)` : ''
        }`,
        list,
      );
    if (problems.length > 0) throw refuse(problems);
    const rows: InvoiceInput[] = [];
    const unknown: LineProblem[] = [];
    for (const l of lines) {
      const customerId = await resolveCustomer(workspaceId, l.customer);
      if (!customerId)
        unknown.push({ line: l.line, column: 'customer', message: `no customer "${l.customer}"` });
      else rows.push({ ...l, customerId });
    }
    if (unknown.length > 0) throw refuse(unknown);
    await uow.run(async (tx, record) => {
      await upsert(tx, workspaceId, rows);
      await record({
        workspaceId,
        type: 'scripting.invoices_imported',
        subject: 'workspace',
        subjectId: workspaceId,
        actorId,
        payload: { count: rows.length },
      });
    });
    return { imported: rows.length };
  }

  async function resolveCustomer(workspaceId: string, ref: string): Promise<string | null> {
    if (isUuid(ref)) {
      try {
        return (await deps.customers.getCustomerSummary(workspaceId, ref)).id;
      } catch {
        return null;
      }
    }
    if (!ref.includes('@')) return null;
    try {
      return (await deps.customers.findByIdentity(workspaceId, 'email', ref))?.id ?? null;
    } catch {
      return null;
    }
  }

  /** A customer's invoices, newest due first, with open and overdue counts and balances per currency. */
  async function balance(workspaceId: string, customerId: string) {
    const rows = await db
      .select()
      .from(scriptingInvoices)
      .where(scoped(db, workspaceId).where(scriptingInvoices, eq(scriptingInvoices.customerId, customerId)))
      .orderBy(asc(scriptingInvoices.dueOn));
    const day = today();
    const invoices = rows.map((r) => toInvoice(r, day)).reverse();
    const byCurrency = new Map<string, { currency: string; open: number; overdue: number }>();
    for (const i of invoices) {
      if (i.state === 'paid') continue;
      const b = byCurrency.get(i.currency) ?? { currency: i.currency, open: 0, overdue: 0 };
      b.open += i.amount - i.paid;
      if (i.state === 'overdue') b.overdue += i.amount - i.paid;
      byCurrency.set(i.currency, b);
    }
    return {
      invoices,
      openCount: invoices.filter((i) => i.state !== 'paid').length,
      overdueCount: invoices.filter((i) => i.state === 'overdue').length,
      balances: [...byCurrency.values()],
    };
  }

  return { save, importCsv, balance };
}

function checkOne(input: InvoiceInput): LineProblem[] {
  const problems: LineProblem[] = [];
  if (!isCurrency(input.currency))
    problems.push({
      line: 0,
      column: 'currency',
      message: `"${input.currency}" is not an ISO 4217 currency code`,
    });
  if (input.dueOn < input.issuedOn)
    problems.push({ line: 0, column: 'dueOn', message: 'dueOn is before issuedOn' });
  if ((input.paid ?? 0) > input.amount)
    problems.push({ line: 0, column: 'paid', message: 'paid is more than the amount' });
  if (Math.round(input.amount * 100) !== input.amount * 100)
    problems.push({ line: 0, column: 'amount', message: 'amount has more than two decimals' });
  return problems;
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
