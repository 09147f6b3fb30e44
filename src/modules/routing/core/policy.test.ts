import { describe, expect, it } from 'vitest';
import { compileQueues, levelAt, minLevel, queuePolicy, rank, validateConfig } from './policy.ts';
import { testAgent, testConfig, testRequest } from './testing.ts';

describe('queue policies', () => {
  const expert = queuePolicy('expert', {
    requirements: [
      { skill: 'loans', minProficiency: 4 },
      { skill: 'french', minProficiency: 3 },
    ],
    relaxation: [
      { afterSeconds: 60, widenToQueues: ['general'] },
      { afterSeconds: 30, lowerProficiencyBy: 2 },
      { afterSeconds: 90, dropSkills: ['french'] },
    ],
  });
  const general = queuePolicy('general', { requirements: [{ skill: 'general', minProficiency: 1 }] });
  const compiled = compileQueues(testConfig([expert, general])).get('expert')!;

  it('applies relaxation steps in time order, cumulatively', () => {
    expect(compiled.thresholds).toEqual([30, 60, 90]);
    expect(minLevel(compiled, testAgent('a', { skills: { loans: 4, french: 3 } }))).toBe(0);
    expect(minLevel(compiled, testAgent('b', { skills: { loans: 2, french: 1 } }))).toBe(1);
    expect(minLevel(compiled, testAgent('c', { skills: { general: 1 } }))).toBe(2);
    expect(minLevel(compiled, testAgent('d', { skills: { loans: 2 } }))).toBe(3);
    expect(minLevel(compiled, testAgent('e', { skills: { cards: 5 } }))).toBeNull();
  });

  it('reaches a level exactly when its step is due', () => {
    expect(levelAt(compiled, 1000, 30_999)).toBe(0);
    expect(levelAt(compiled, 1000, 31_000)).toBe(1);
    expect(levelAt(compiled, 1000, 1_000_000)).toBe(3);
  });

  it('ranks by priority, value tier and arrival, so that a heap never needs re-keying', () => {
    const bank = queuePolicy('bank', { valueTierBoost: { high: 90 } });
    const regular = rank(bank, testRequest('r'), 0);
    const vip = rank(bank, testRequest('v', { valueTier: 'high' }), 90_000);
    expect(vip).toBeCloseTo(regular, 9);
  });

  it('refuses unknown queues, zero overflow times and negative durations', () => {
    const bad = (q: ReturnType<typeof queuePolicy>) => () => validateConfig(testConfig([q, general]));
    expect(bad(queuePolicy('q', { afterHours: { kind: 'queue', queueId: 'x' } }))).toThrow('unknown queue x');
    expect(bad(queuePolicy('q', { overflow: { afterSeconds: 0, action: { kind: 'message' } } }))).toThrow(
      'positive overflow time',
    );
    expect(bad(queuePolicy('q', { wrapUpSeconds: -1 }))).toThrow('negative duration');
    expect(() => validateConfig(testConfig([general, general]))).toThrow('defined twice');
  });
});
