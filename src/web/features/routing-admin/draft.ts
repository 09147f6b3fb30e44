/**
 * A queue as its form edits it (lists where the API has maps, switches where it has optional parts),
 * and the conversions both ways. Pure, so the round trip is tested without a browser.
 */
import type { Policy, Queue, QueueAction, QueueHours, Selection } from './api.ts';

export interface QueueDraft {
  key: string;
  name: string;
  targets: { channel: string; percent: number; seconds: number }[];
  requirements: { skill: string; minProficiency: number }[];
  teams: string[];
  language: Policy['language'];
  priorityWeight: number;
  agingWeightPerSecond: number;
  boosts: { tier: string; points: number }[];
  selection: Selection;
  relaxation: {
    afterSeconds: number;
    lowerProficiencyBy: number;
    dropSkills: string[];
    widenToQueues: string[];
  }[];
  sticky: { enabled: boolean; seconds: number; lastAgent: boolean; accountOwner: boolean };
  offer: { timeoutSeconds: number; agents: number };
  wrapUpSeconds: number;
  overflow: { enabled: boolean; afterSeconds: number; action: QueueAction };
  afterHours: QueueAction;
  transferToAgentSeconds: number;
  hours: QueueHours;
}

/** A new queue's draft: the server's defaults, voice answered 80 % within 20 s. */
export function emptyDraft(): QueueDraft {
  return {
    key: '',
    name: '',
    targets: [{ channel: 'voice', percent: 80, seconds: 20 }],
    requirements: [],
    teams: [],
    language: 'ignore',
    priorityWeight: 0,
    agingWeightPerSecond: 1,
    boosts: [],
    selection: 'longest_idle',
    relaxation: [],
    sticky: { enabled: false, seconds: 30, lastAgent: true, accountOwner: false },
    offer: { timeoutSeconds: 20, agents: 1 },
    wrapUpSeconds: 0,
    overflow: { enabled: false, afterSeconds: 300, action: { kind: 'message' } },
    afterHours: { kind: 'keep' },
    transferToAgentSeconds: 60,
    hours: null,
  };
}

export function toDraft(queue: Queue): QueueDraft {
  const p = queue.policy;
  const base = emptyDraft();
  return {
    key: queue.key,
    name: queue.name,
    targets: Object.entries(queue.targets).map(([channel, t]) => ({ channel, ...t })),
    requirements: p.requirements,
    teams: p.teams ?? [],
    language: p.language,
    priorityWeight: p.priorityWeight,
    agingWeightPerSecond: p.agingWeightPerSecond,
    boosts: Object.entries(p.valueTierBoost).map(([tier, points]) => ({ tier, points })),
    selection: p.selection,
    relaxation: p.relaxation.map((s) => ({
      afterSeconds: s.afterSeconds,
      lowerProficiencyBy: s.lowerProficiencyBy ?? 0,
      dropSkills: s.dropSkills ?? [],
      widenToQueues: s.widenToQueues ?? [],
    })),
    sticky: p.sticky ? { enabled: true, ...p.sticky } : base.sticky,
    offer: p.offer,
    wrapUpSeconds: p.wrapUpSeconds,
    overflow: p.overflow ? { enabled: true, ...p.overflow } : base.overflow,
    afterHours: p.afterHours,
    transferToAgentSeconds: p.transferToAgentSeconds,
    hours: queue.hours,
  };
}

export function toQueue(d: QueueDraft): Queue {
  const policy: Policy = {
    requirements: d.requirements,
    language: d.language,
    priorityWeight: d.priorityWeight,
    agingWeightPerSecond: d.agingWeightPerSecond,
    valueTierBoost: Object.fromEntries(d.boosts.map((b) => [b.tier, b.points])),
    selection: d.selection,
    relaxation: d.relaxation.map((s) => ({
      afterSeconds: s.afterSeconds,
      ...(s.lowerProficiencyBy > 0 ? { lowerProficiencyBy: s.lowerProficiencyBy } : {}),
      ...(s.dropSkills.length > 0 ? { dropSkills: s.dropSkills } : {}),
      ...(s.widenToQueues.length > 0 ? { widenToQueues: s.widenToQueues } : {}),
    })),
    offer: d.offer,
    wrapUpSeconds: d.wrapUpSeconds,
    afterHours: d.afterHours,
    transferToAgentSeconds: d.transferToAgentSeconds,
    ...(d.teams.length > 0 ? { teams: d.teams } : {}),
    ...(d.sticky.enabled
      ? {
          sticky: {
            seconds: d.sticky.seconds,
            lastAgent: d.sticky.lastAgent,
            accountOwner: d.sticky.accountOwner,
          },
        }
      : {}),
    ...(d.overflow.enabled
      ? { overflow: { afterSeconds: d.overflow.afterSeconds, action: d.overflow.action } }
      : {}),
  };
  return {
    key: d.key,
    name: d.name.trim(),
    targets: Object.fromEntries(
      d.targets.map((t) => [t.channel, { percent: t.percent, seconds: t.seconds }]),
    ),
    policy,
    hours: d.hours,
  };
}

export const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** What the form can tell before asking the server, as message keys by field. */
export function draftProblems(
  d: QueueDraft,
): Partial<Record<'key' | 'name' | 'targets' | 'boosts' | 'requirements', string>> {
  const problems: Partial<Record<'key' | 'name' | 'targets' | 'boosts' | 'requirements', string>> = {};
  if (!KEY_PATTERN.test(d.key)) problems.key = 'problems.key';
  if (d.name.trim() === '') problems.name = 'problems.name';
  const repeated = (values: string[]) => new Set(values).size !== values.length;
  if (repeated(d.targets.map((t) => t.channel))) problems.targets = 'problems.repeatedChannel';
  if (repeated(d.boosts.map((b) => b.tier)) || d.boosts.some((b) => b.tier.trim() === ''))
    problems.boosts = 'problems.tiers';
  if (repeated(d.requirements.map((r) => r.skill)) || d.requirements.some((r) => r.skill.trim() === ''))
    problems.requirements = 'problems.skills';
  return problems;
}
