import { describe, expect, it } from 'vitest';
import { parseInvoices } from './invoice-csv.ts';

const HEADER = 'number,customer,issued_on,due_on,amount,currency,paid';

describe('invoice files', () => {
  it('reads well-formed lines', () => {
    const { lines, problems } = parseInvoices(
      `${HEADER}\nF-1,ana@x.co,2026-01-02,2026-02-01,350000.50,COP,0\n`,
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      {
        line: 2,
        number: 'F-1',
        customer: 'ana@x.co',
        issuedOn: '2026-01-02',
        dueOn: '2026-02-01',
        amount: 350000.5,
        paid: 0,
        currency: 'COP',
      },
    ]);
  });

  it('refuses wrong amounts and currencies, saying on which line and column', () => {
    const { lines, problems } = parseInvoices(
      `${HEADER}\nF-1,ana@x.co,2026-01-02,2026-02-01,12abc,COP,0\nF-2,ana@x.co,2026-01-02,2026-02-01,100,PESOS,0\n`,
    );
    expect(lines).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: 'amount' }),
      expect.objectContaining({
        line: 3,
        column: 'currency',
        message: '"PESOS" is not an ISO 4217 currency code',
      }),
    ]);
  });

  it('refuses impossible dates, a due date before the issue, overpayment, repeats and a missing column', () => {
    const { problems } = parseInvoices(
      `${HEADER}\nF-1,a,2026-02-30,2026-03-01,10,COP,0\nF-2,a,2026-03-02,2026-03-01,10,COP,20\nF-2,a,2026-03-01,2026-03-01,10,COP,0\n`,
    );
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      '2:issued_on',
      '3:due_on',
      '3:paid',
      '4:number',
    ]);
    expect(parseInvoices('number,customer\nF-1,a\n').problems[0]).toMatchObject({
      line: 1,
      column: 'issued_on',
    });
  });
});
