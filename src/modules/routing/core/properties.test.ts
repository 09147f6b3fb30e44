import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { invariantViolations } from './oracle.ts';
import { queuePolicy } from './policy.ts';
import { CHANNEL_COSTS } from './testing.ts';
import type { AgentProfile, EngineConfig, EngineSnapshot, RoutingDecision, RoutingEvent } from './types.ts';

/** Three queues that between them use every policy feature. */
const config: EngineConfig = {
  channels: CHANNEL_COSTS,
  missedOffersBeforeNotReady: 2,
  presenceGraceSeconds: 10,
  queues: [
    queuePolicy('sales', {
      requirements: [{ skill: 'sales', minProficiency: 3 }],
      relaxation: [
        { afterSeconds: 30, lowerProficiencyBy: 2 },
        { afterSeconds: 60, widenToQueues: ['support'] },
      ],
      language: 'prefer',
      offer: { timeoutSeconds: 10, agents: 1 },
      wrapUpSeconds: 5,
      sticky: { seconds: 20, lastAgent: true, accountOwner: true },
    }),
    queuePolicy('support', {
      requirements: [{ skill: 'support', minProficiency: 2 }],
      language: 'require',
      selection: 'least_occupied',
      offer: { timeoutSeconds: 15, agents: 2 },
      overflow: { afterSeconds: 90, action: { kind: 'queue', queueId: 'sales' } },
      afterHours: { kind: 'queue', queueId: 'sales' },
    }),
    queuePolicy('vip', {
      requirements: [
        { skill: 'sales', minProficiency: 4 },
        { skill: 'support', minProficiency: 4 },
      ],
      relaxation: [{ afterSeconds: 20, dropSkills: ['support'] }],
      selection: 'highest_proficiency',
      priorityWeight: 10,
      valueTierBoost: { high: 90 },
      overflow: { afterSeconds: 120, action: { kind: 'message' } },
      afterHours: { kind: 'message' },
    }),
  ],
};

const QUEUES = ['sales', 'support', 'vip'];
const CHANNELS = ['voice', 'chat', 'email'];
const LANGS = ['en', 'es'];

const profileArb = (id: string): fc.Arbitrary<AgentProfile> =>
  fc.record({
    id: fc.constant(id),
    skills: fc.record({ sales: fc.integer({ min: 0, max: 5 }), support: fc.integer({ min: 1, max: 5 }) }),
    languages: fc.subarray(LANGS, { minLength: 1 }),
    channels: fc.record({
      voice: fc.integer({ min: 0, max: 1 }),
      chat: fc.integer({ min: 1, max: 3 }),
      email: fc.integer({ min: 0, max: 2 }),
    }),
    capacity: fc.constantFrom(60, 100),
    teams: fc.constant([]),
  });

/** A step is numbers; it becomes an event against the state at that moment (see `toEvent`). */
const stepArb = fc.record({
  // Arrivals, answers and endings weigh more, so that sequences build queues and drain them.
  kind: fc.oneof(
    { arbitrary: fc.constantFrom(0, 6, 9), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: 15 }), weight: 5 },
  ),
  a: fc.nat(20),
  b: fc.nat(20),
  c: fc.nat(20),
  // Fractional milliseconds too: the simulator's clock is not whole, and rounding must not stall timers.
  dt: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 8_000 }),
    fc.double({ min: 0.001, max: 8_000, noNaN: true }),
  ),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  agents: fc.tuple(profileArb('a0'), profileArb('a1'), profileArb('a2'), profileArb('a3'), profileArb('a4')),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 80, size: 'max' }),
});

function pick<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Turns a step into an event, aimed mostly at things that exist so that sequences go somewhere. */
function toEvent(
  step: Step,
  at: number,
  snap: EngineSnapshot,
  agents: AgentProfile[],
  n: number,
): RoutingEvent {
  const agent = agents[step.a % agents.length]!;
  const offered = snap.interactions.filter((i) => i.phase === 'offered');
  const active = snap.interactions.filter((i) => i.phase === 'active');
  const any = snap.interactions;
  switch (step.kind) {
    case 0:
    case 1:
    case 2:
      return {
        type: 'interactionArrived',
        at,
        interaction: {
          id: `i${n}`,
          queueId: QUEUES[step.a % 3]!,
          channel: CHANNELS[step.b % 3]!,
          priority: step.c % 3,
          ...(step.c % 2 === 0 ? { valueTier: 'high' } : {}),
          ...(step.b % 4 !== 3 ? { language: LANGS[step.c % 2]! } : {}),
          ...(step.a % 5 === 0 ? { lastAgentId: `a${step.c % 5}` } : {}),
        },
      };
    case 3:
      return { type: 'agentLoggedIn', at, agent, ready: step.b % 4 !== 0 };
    case 4:
      return step.b % 3 === 0
        ? { type: 'agentLoggedOut', at, agentId: agent.id }
        : { type: 'agentNotReady', at, agentId: agent.id, reason: 'break' };
    case 5:
      return { type: 'agentReady', at, agentId: agent.id };
    case 6:
    case 7: {
      const i = pick(offered, step.b);
      const agentId = (i && pick(i.offer!.agentIds, step.c)) ?? agent.id;
      return { type: 'offerAccepted', at, interactionId: i?.request.id ?? 'none', agentId };
    }
    case 8: {
      const i = pick(offered, step.b);
      const agentId = (i && pick(i.offer!.agentIds, step.c)) ?? agent.id;
      return { type: 'offerDeclined', at, interactionId: i?.request.id ?? 'none', agentId };
    }
    case 9:
      return { type: 'interactionEnded', at, interactionId: pick(active, step.b)?.request.id ?? 'none' };
    case 10:
      return { type: 'interactionAbandoned', at, interactionId: pick(any, step.b)?.request.id ?? 'none' };
    case 11: {
      const i = pick(any, step.b);
      const toAgent = step.c % 2 === 0 ? { toAgentId: agent.id } : {};
      return {
        type: 'interactionTransferred',
        at,
        interactionId: i?.request.id ?? 'none',
        toQueueId: QUEUES[step.c % 3]!,
        ...toAgent,
      };
    }
    case 12:
      return { type: 'interactionRequeued', at, interactionId: pick(active, step.b)?.request.id ?? 'none' };
    case 13:
      return { type: 'queueHours', at, queueId: QUEUES[step.b % 3]!, open: step.c % 2 === 0 };
    case 14:
      return { type: 'agentConnection', at, agentId: agent.id, connected: step.c % 2 === 0 };
    default: {
      const w = pick(
        snap.interactions.filter((i) => i.phase === 'wrap_up'),
        step.b,
      );
      return w ? { type: 'wrapUpDone', at, interactionId: w.request.id } : { type: 'tick', at };
    }
  }
}

interface Run {
  events: RoutingEvent[];
  decisions: RoutingDecision[][];
  snapshots: EngineSnapshot[];
}

/** Plays a scenario; `check` sees each step's event, decisions, and the snapshots before and after. */
function play(
  scenario: { agents: AgentProfile[]; steps: Step[] },
  check: (e: RoutingEvent, d: RoutingDecision[], before: EngineSnapshot, after: EngineSnapshot) => void,
): Run {
  const engine = createEngine(config);
  const run: Run = { events: [], decisions: [], snapshots: [] };
  let at = 0;
  // Everyone starts logged in and ready; steps log them out and back in.
  for (const agent of scenario.agents) engine.handle({ type: 'agentLoggedIn', at, agent });
  let before = engine.snapshot();
  scenario.steps.forEach((step, n) => {
    at += step.dt;
    const event = toEvent(step, at, before, scenario.agents, n);
    const decisions = engine.handle(event);
    const after = engine.snapshot();
    check(event, decisions, before, after);
    run.events.push(event);
    run.decisions.push(decisions);
    run.snapshots.push(after);
    before = after;
  });
  return run;
}

const RUNS = { numRuns: 300 };

describe('routing core invariants over random event sequences', () => {
  it('generates sequences that reach every kind of decision (or the properties below prove little)', () => {
    const seen = new Set<string>();
    for (const scenario of fc.sample(scenarioArb, { numRuns: 200, seed: 42 })) {
      play(scenario, (_e, decisions) => {
        for (const d of decisions) seen.add(d.type);
      });
    }
    const kinds = [
      'offer',
      'offerRevoked',
      'assigned',
      'acceptRejected',
      'requeued',
      'relaxed',
      'overflowed',
    ];
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([...kinds, 'redirected', 'wrapUpEnded', 'agentStatusChanged', 'eventRejected']),
    );
  });

  it('never holds an interaction by two agents, never exceeds capacity, never leaves an eligible agent idle', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        play(scenario, (event, _d, _before, after) => {
          expect({ event, problems: invariantViolations(config, after) }).toEqual({ event, problems: [] });
        });
      }),
      RUNS,
    );
  });

  it('assigns only to an agent holding a pending offer, so an interaction is never assigned twice', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        play(scenario, (_event, decisions, before) => {
          for (const d of decisions.filter((x) => x.type === 'assigned')) {
            const i = before.interactions.find((x) => x.request.id === d.interactionId);
            expect(i?.phase).toBe('offered');
            expect(i?.offer?.agentIds).toContain(d.agentId);
          }
        });
      }),
      RUNS,
    );
  });

  it('never offers an interaction again to an agent who declined or missed it', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const refused = new Set<string>();
        play(scenario, (event, decisions) => {
          const rejected = decisions.some((d) => d.type === 'eventRejected');
          if (event.type === 'offerDeclined' && !rejected)
            refused.add(`${event.interactionId}/${event.agentId}`);
          for (const d of decisions) {
            if (d.type === 'offer')
              for (const a of d.agentIds) expect(refused.has(`${d.interactionId}/${a}`)).toBe(false);
            if (d.type === 'offerRevoked' && d.reason === 'expired')
              refused.add(`${d.interactionId}/${d.agentId}`);
          }
        });
      }),
      RUNS,
    );
  });

  it('rebuilds from its persisted plain state to the same state, which then decides the same', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (scenario, cut) => {
        const run = play(scenario, (_e, _d, _b, after) => {
          const json = JSON.parse(JSON.stringify(after)) as EngineSnapshot;
          expect(createEngine(config, json).snapshot()).toEqual(after);
        });
        const k = cut % run.events.length;
        const rebuilt = createEngine(config, JSON.parse(JSON.stringify(run.snapshots[k])) as EngineSnapshot);
        for (let n = k + 1; n < run.events.length; n++) {
          expect(rebuilt.handle(run.events[n]!)).toEqual(run.decisions[n]);
        }
      }),
      { numRuns: 120 },
    );
  });
});
