import { describe, expect, it } from 'vitest';
import { actualOf, agentAdherence } from './adherence.ts';

const h = (hour: number, minute = 0) => Date.UTC(2026, 2, 2, hour, minute);
const shift = {
  id: 's1',
  agentId: 'ana',
  start: h(8),
  end: h(16, 30),
  breaks: [
    { kind: 'break' as const, start: h(10), end: h(10, 15) },
    { kind: 'lunch' as const, start: h(12), end: h(12, 30) },
  ],
};
const changes = [
  { at: h(7, 55), status: 'available', reason: null },
  { at: h(10), status: 'not_ready', reason: 'break' },
  { at: h(10, 25), status: 'available', reason: null },
  { at: h(12), status: 'not_ready', reason: 'lunch' },
  { at: h(12, 30), status: 'busy', reason: null },
  { at: h(16), status: 'offline', reason: null },
];

describe('adherence', () => {
  it('measures a day: a break ten minutes long and a shift left half an hour early', () => {
    const day = agentAdherence({ shifts: [shift], changes, from: h(0), to: h(24) });
    expect(day.scheduledMinutes).toBe(510);
    expect(day.inAdherenceMinutes).toBe(470);
    expect(day.adherence).toBeCloseTo(470 / 510, 10);
    expect(day.scheduledWorkMinutes).toBe(465);
    expect(day.workedMinutes).toBe(430);
    expect(day.conformance).toBeCloseTo(430 / 465, 10);
    expect(day.exceptions.map((e) => [e.start, e.end, e.scheduled, e.actual])).toEqual([
      [h(10, 15), h(10, 25), 'work', 'away'],
      [h(16), h(16, 30), 'work', 'off'],
    ]);
    expect(
      agentAdherence({ shifts: [shift], changes, from: h(0), to: h(24), minExceptionMinutes: 15 }).exceptions,
    ).toHaveLength(1);
  });

  it('says live since when an agent is out of adherence', () => {
    const live = agentAdherence({
      shifts: [shift],
      changes: changes.filter((c) => c.at <= h(10, 20)),
      from: h(0),
      to: h(10, 20),
    });
    expect(live.current).toEqual({
      scheduled: 'work',
      actual: 'away',
      status: 'not_ready',
      reason: 'break',
      outOfAdherenceSince: h(10, 15),
    });
    expect(live.adherence).toBeCloseTo((140 - 5) / 140, 10);
    const onBreak = agentAdherence({
      shifts: [shift],
      changes: changes.slice(0, 2),
      from: h(0),
      to: h(10, 5),
    });
    expect(onBreak.current).toMatchObject({ scheduled: 'break', actual: 'away', outOfAdherenceSince: null });
  });

  it('counts the state the window opens in, and an agent with no events as offline', () => {
    const lateStart = agentAdherence({ shifts: [shift], changes: [], from: h(0), to: h(9) });
    expect(lateStart).toMatchObject({ scheduledMinutes: 60, inAdherenceMinutes: 0, workedMinutes: 0 });
    expect(lateStart.current.outOfAdherenceSince).toBe(h(8));
    const carried = agentAdherence({
      shifts: [shift],
      changes: [{ at: h(-2), status: 'available', reason: null }],
      from: h(0),
      to: h(9),
    });
    expect(carried).toMatchObject({
      scheduledMinutes: 60,
      inAdherenceMinutes: 60,
      workedMinutes: 540,
      adherence: 1,
    });
  });

  it('has no figures when nothing is scheduled, never NaN', () => {
    const free = agentAdherence({ shifts: [], changes, from: h(0), to: h(24) });
    expect(free).toMatchObject({ adherence: null, conformance: null, scheduledMinutes: 0, exceptions: [] });
    expect(free.workedMinutes).toBe(430);
  });

  it('maps routing states to work, away and off', () => {
    expect(['available', 'busy', 'wrap_up', 'not_ready', 'offline'].map(actualOf)).toEqual([
      'work',
      'work',
      'work',
      'away',
      'off',
    ]);
  });
});
