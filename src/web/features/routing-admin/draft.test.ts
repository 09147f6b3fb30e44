import { describe, expect, it } from 'vitest';
import type { Queue } from './api.ts';
import { draftProblems, emptyDraft, toDraft, toQueue } from './draft.ts';

const bank: Queue = {
  key: 'banca',
  name: 'Banca personal',
  targets: { voice: { percent: 80, seconds: 20 }, email: { percent: 90, seconds: 3600 } },
  policy: {
    requirements: [{ skill: 'inversiones', minProficiency: 3 }],
    teams: ['medellin'],
    language: 'prefer',
    priorityWeight: 10,
    agingWeightPerSecond: 1,
    valueTierBoost: { high: 90 },
    selection: 'highest_proficiency',
    relaxation: [
      { afterSeconds: 30, lowerProficiencyBy: 1 },
      { afterSeconds: 90, dropSkills: ['inversiones'], widenToQueues: ['general'] },
    ],
    sticky: { seconds: 45, lastAgent: true, accountOwner: true },
    offer: { timeoutSeconds: 15, agents: 2 },
    wrapUpSeconds: 60,
    overflow: { afterSeconds: 600, action: { kind: 'queue', queueId: 'general' } },
    afterHours: { kind: 'message' },
    transferToAgentSeconds: 30,
  },
  hours: { calendar: 'custom', weekly: [{ day: 1, open: '08:00', close: '18:00' }], holidays: [] },
};

describe('the queue form draft', () => {
  it('a queue survives the round trip through the form unchanged', () => {
    expect(toQueue(toDraft(bank))).toEqual(bank);
  });

  it('switched-off parts leave the policy, empty lists are not sent', () => {
    const d = { ...emptyDraft(), key: 'q', name: ' Q ' };
    const q = toQueue(d);
    expect(q.name).toBe('Q');
    expect(q.policy.sticky).toBeUndefined();
    expect(q.policy.overflow).toBeUndefined();
    expect(q.policy.teams).toBeUndefined();
    expect(q.targets).toEqual({ voice: { percent: 80, seconds: 20 } });
  });

  it('names what is wrong before asking the server', () => {
    const d = {
      ...emptyDraft(),
      key: 'Bad Key',
      targets: [
        { channel: 'voice', percent: 80, seconds: 20 },
        { channel: 'voice', percent: 90, seconds: 10 },
      ],
      boosts: [{ tier: '', points: 10 }],
    };
    expect(draftProblems(d)).toEqual({
      key: 'problems.key',
      name: 'problems.name',
      targets: 'problems.repeatedChannel',
      boosts: 'problems.tiers',
    });
    expect(draftProblems(toDraft(bank))).toEqual({});
  });
});
