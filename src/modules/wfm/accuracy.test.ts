import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.ts';

describe('accuracy', () => {
  it('computes MAE, RMSE, MAPE, sMAPE and coverage', () => {
    const r = accuracy([10, 20, 0], [12, 18, 1], [9, 19, 0.5], [11, 21, 2]);
    expect(r.n).toBe(3);
    expect(r.mae).toBeCloseTo(5 / 3, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt(9 / 3), 12);
    // MAPE leaves out the zero actual; sMAPE counts it (2·1/1 = 2).
    expect(r.mape).toBeCloseTo((0.2 + 0.1) / 2, 12);
    expect(r.smape).toBeCloseTo((4 / 22 + 4 / 38 + 2) / 3, 12);
    expect(r.coverage).toBeCloseTo(2 / 3, 12);
  });

  it('skips unknown actuals instead of counting them as zero', () => {
    expect(accuracy([Number.NaN, 4], [100, 5]).mae).toBe(1);
  });

  it('gives null, not NaN, for percentages with nothing to measure', () => {
    const r = accuracy([0, 0], [0, 0]);
    expect(r).toMatchObject({ mae: 0, mape: null, smape: null, coverage: null });
  });
});
