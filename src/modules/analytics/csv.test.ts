import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { emptyTally, figures } from './metrics/measures.ts';

describe('report CSV', () => {
  it('has a header and one line per row, quoting commas and defusing formulas', () => {
    const t = { ...emptyTally(), offered: 4, answered: 3, answeredInTarget: 2, waitMs: 30_000 };
    const csv = toCsv([{ period: '2026-01-05', key: 'q', ...figures(t) }], () => '=cmd,"x"');
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header!.startsWith('period,key,offered,answered')).toBe(true);
    expect(line!.startsWith(`2026-01-05,"'=cmd,""x""",4,3,0,0,0.5,10,`)).toBe(true);
  });
});
