import { describe, expect, it } from 'vitest';
import { type CallOutcome, summarise } from './metrics.ts';

const options = { targetSeconds: 20, intervalSeconds: 3600 };
const outcome = (arrival: number, wait: number, result: CallOutcome['result'] = 'answered'): CallOutcome => ({
  arrival,
  wait,
  result,
});

describe('summarise', () => {
  it('counts service level over offered, abandoned calls included', () => {
    const r = summarise(
      [outcome(0, 5), outcome(1, 20), outcome(2, 21), outcome(3, 30, 'abandoned')],
      [],
      [],
      options,
    );
    expect(r.total).toMatchObject({
      offered: 4,
      answered: 3,
      abandoned: 1,
      service_level: 0.5,
      abandon_rate: 0.25,
    });
  });

  it('averages the wait over answered calls only', () => {
    const r = summarise([outcome(0, 10), outcome(0, 30), outcome(0, 500, 'abandoned')], [], [], options);
    expect(r.total.asa_seconds).toBe(20);
  });

  it('puts a call in the interval it arrived in', () => {
    const r = summarise([outcome(3599, 100), outcome(3600, 0)], [], [], options);
    expect(r.intervals.map((i) => [i.start, i.offered])).toEqual([
      ['00:00', 1],
      ['01:00', 1],
    ]);
  });

  it('gives null ratios where nothing was offered, answered or staffed', () => {
    const r = summarise([outcome(0, 0, 'abandoned')], [], [], options);
    expect(r.total).toMatchObject({ asa_seconds: null, occupancy: null, service_level: 0 });
  });

  it('measures occupancy as serving time over duty, counting overlapping shifts and overtime once', () => {
    const duty = [
      { agentId: 'a', start: 0, end: 3600 },
      { agentId: 'a', start: 1800, end: 3600 },
    ];
    const busy = [
      { agentId: 'a', start: 0, end: 1800 },
      { agentId: 'a', start: 3000, end: 4200 },
    ];
    const r = summarise([outcome(0, 0)], busy, duty, options);
    // Staffed: 3600 on duty + 600 of overtime; serving: 1800 + 1200.
    expect(r.total.occupancy).toBeCloseTo(3000 / 4200, 4);
    expect(r.intervals.map((i) => [i.start, i.occupancy])).toEqual([
      ['00:00', 0.6667],
      ['01:00', 1],
    ]);
  });
});
