import { describe, expect, it } from 'vitest';
import { checkThreshold, levelOf } from './thresholds.ts';

describe('wallboard thresholds', () => {
  it('a queue with more waiting than red turns red, between amber and red amber', () => {
    const t = { metric: 'waiting' as const, amber: 5, red: 10 };
    expect([4, 5, 9, 10].map((v) => levelOf('waiting', v, t))).toEqual(['ok', 'amber', 'amber', 'red']);
  });

  it('service level turns amber and red as it falls', () => {
    const t = { metric: 'serviceLevel' as const, amber: 0.8, red: 0.6 };
    expect([0.9, 0.8, 0.7, 0.6].map((v) => levelOf('serviceLevel', v, t))).toEqual([
      'ok',
      'amber',
      'amber',
      'red',
    ]);
  });

  it('no threshold or no value is ok', () => {
    expect(levelOf('asaSeconds', 999, undefined)).toBe('ok');
    expect(levelOf('asaSeconds', null, { metric: 'asaSeconds', amber: 1, red: 2 })).toBe('ok');
  });

  it('refuses a red that is better than amber', () => {
    expect(checkThreshold({ metric: 'waiting', amber: 10, red: 5 })).toMatch(/red/);
    expect(checkThreshold({ metric: 'serviceLevel', amber: 0.6, red: 0.8 })).toMatch(/red/);
    expect(checkThreshold({ metric: 'serviceLevel', amber: 0.8, red: 0.6 })).toBeNull();
  });
});
