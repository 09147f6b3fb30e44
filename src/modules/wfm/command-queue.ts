import {
  type CommandIo,
  type Flags,
  numberFlag,
  oneOf,
  optionalNumberFlag,
  percent,
  round,
  seconds,
  subcommand,
  table,
  UsageError,
} from './command-support.ts';
import { type ErlangCMeasures, erlangB, erlangCMeasures, offeredLoad } from './erlang.ts';
import { type ErlangAMeasures, erlangAMeasures } from './erlang-a.ts';
import { WfmError } from './errors.ts';
import { agentsNeeded, type StaffingTarget } from './staffing.ts';

/** `atiende wfm erlang` and `atiende wfm staff`: queue measures at a staffing, and the staffing for a target. */

const queueFlags = {
  model: { type: 'string' },
  'arrivals-per-hour': { type: 'string' },
  aht: { type: 'string' },
  patience: { type: 'string' },
  target: { type: 'string' },
} as const;

/** Default service-level threshold when --target is not given: the common 80/20 standard's 20 s. */
const defaultTargetSeconds = 20;

export const erlangCommand = subcommand({ ...queueFlags, agents: { type: 'string' } }, async (flags, io) => {
  const model = oneOf(flags, 'model', ['b', 'c', 'a'] as const);
  const arrivalsPerHour = numberFlag(flags, 'arrivals-per-hour');
  const ahtSeconds = numberFlag(flags, 'aht');
  const agents = numberFlag(flags, 'agents');
  const targetSeconds = optionalNumberFlag(flags, 'target') ?? defaultTargetSeconds;
  const input = { arrivalsPerHour, ahtSeconds, agents, targetSeconds };
  let out: Record<string, number>;
  if (model === 'b') {
    const a = offeredLoad(arrivalsPerHour, ahtSeconds);
    out = { traffic_erlangs: a, agents, blocking: erlangB(agents, a) };
  } else if (model === 'c') {
    const m = erlangCMeasures(input);
    if (!m.stable) {
      throw new WfmError(
        'wfm.unreachable_target',
        `Erlang C has no steady state with ${agents} agents for ${round(m.trafficErlangs, 3)} erlangs: the queue grows without end. ` +
          `Use at least ${Math.floor(m.trafficErlangs) + 1} agents, or --model a with a patience.`,
      );
    }
    out = { ...head(m.trafficErlangs, agents, targetSeconds), ...erlangCJson(m) };
  } else {
    const patienceSeconds = patienceFlag(flags);
    const m = erlangAMeasures({ ...input, patienceSeconds });
    out = {
      ...head(m.trafficErlangs, agents, targetSeconds),
      patience_seconds: patienceSeconds,
      ...erlangAJson(m),
    };
    out.blocking = erlangB(agents, m.trafficErlangs);
  }
  print(io, flags, model, out);
  return 0;
});

export const staffCommand = subcommand(
  {
    ...queueFlags,
    'target-sl': { type: 'string' },
    'max-occupancy': { type: 'string' },
    shrinkage: { type: 'string' },
    'max-asa': { type: 'string' },
    'max-abandon': { type: 'string' },
    convention: { type: 'string' },
    'max-agents': { type: 'string' },
  },
  async (flags, io) => {
    const model = oneOf(flags, 'model', ['c', 'a'] as const);
    const target: StaffingTarget = {};
    const sl = optionalNumberFlag(flags, 'target-sl');
    if (sl !== undefined) {
      target.serviceLevel = sl;
      target.targetSeconds = numberFlag(flags, 'target');
    }
    target.maxAsaSeconds = optionalNumberFlag(flags, 'max-asa');
    target.maxAbandonRate = optionalNumberFlag(flags, 'max-abandon');
    if (sl === undefined && target.maxAsaSeconds === undefined && target.maxAbandonRate === undefined) {
      throw new UsageError('give a target: --target-sl with --target, --max-asa or --max-abandon');
    }
    if (model === 'a')
      target.convention =
        oneOf(flags, 'convention', ['all', 'served'] as const, 'all') === 'all'
          ? 'all_arrivals'
          : 'served_only';
    const shrinkage = optionalNumberFlag(flags, 'shrinkage') ?? 0;
    const maxOccupancy = optionalNumberFlag(flags, 'max-occupancy');
    const r = agentsNeeded({
      model,
      arrivalsPerHour: numberFlag(flags, 'arrivals-per-hour'),
      ahtSeconds: numberFlag(flags, 'aht'),
      patienceSeconds: model === 'a' ? patienceFlag(flags) : undefined,
      target,
      maxOccupancy,
      shrinkage,
      maxAgents: optionalNumberFlag(flags, 'max-agents'),
    });
    const m = r.measures;
    const targetSeconds = target.targetSeconds ?? 0;
    const out: Record<string, number> = {
      agents: r.scheduledAgents,
      agents_on_queue: r.agents,
      shrinkage,
      ...(maxOccupancy === undefined ? {} : { max_occupancy: maxOccupancy }),
      traffic_erlangs: m.trafficErlangs,
      target_seconds: targetSeconds,
      ...(m.model === 'c' ? erlangCJson(m) : erlangAJson(m)),
    };
    print(io, flags, model, out, m.model === 'a' ? m.convention : undefined);
    return 0;
  },
);

function patienceFlag(flags: Flags): number {
  if (flags.patience === undefined)
    throw new UsageError('--patience (mean seconds before a caller hangs up) is required with --model a');
  return numberFlag(flags, 'patience');
}

function head(trafficErlangs: number, agents: number, targetSeconds: number): Record<string, number> {
  return { traffic_erlangs: trafficErlangs, agents, target_seconds: targetSeconds };
}

/** The keys of erlang-vectors.json. */
function erlangCJson(m: ErlangCMeasures): Record<string, number> {
  return {
    p_wait: m.pWait,
    service_level: m.serviceLevel,
    asa_seconds: m.asaSeconds,
    occupancy: m.occupancy,
    blocking: m.blocking,
  };
}

/** The keys of erlang-vectors.json; service_level and asa_seconds repeat the all-arrivals convention. */
function erlangAJson(m: ErlangAMeasures): Record<string, number> {
  return {
    p_wait: m.pWait,
    p_abandon: m.pAbandon,
    service_level: m.serviceLevelAllArrivals,
    service_level_all_arrivals: m.serviceLevelAllArrivals,
    service_level_served_only: m.serviceLevelServedOnly,
    asa_seconds: m.asaAllArrivals,
    asa_all_arrivals: m.asaAllArrivals,
    asa_served: m.asaServed,
    occupancy: m.occupancy,
    mean_queue_length: m.meanQueueLength,
  };
}

const labels: Record<string, (v: number, out: Record<string, number>) => string> = {
  agents: (v, o) => (o.agents_on_queue === undefined ? String(v) : `${v} to schedule`),
  agents_on_queue: (v, o) => `${v} (shrinkage ${percent(o.shrinkage ?? 0)})`,
  traffic_erlangs: (v) => `${round(v, 4)} erlangs offered`,
  target_seconds: (v) => `${v} s service-level threshold`,
  patience_seconds: (v) => `${v} s mean patience`,
  p_wait: (v) => `${percent(v)} wait`,
  p_abandon: (v) => `${percent(v)} abandon`,
  service_level: (v, o) => `${percent(v)} answered within ${o.target_seconds} s`,
  service_level_all_arrivals: (v) => `${percent(v)} of all arrivals`,
  service_level_served_only: (v) => `${percent(v)} of answered calls`,
  asa_seconds: (v) => `${seconds(v)} average speed of answer`,
  asa_all_arrivals: (v) => `${seconds(v)} over all arrivals`,
  asa_served: (v) => `${seconds(v)} over answered calls`,
  occupancy: (v) => `${percent(v)} occupancy`,
  mean_queue_length: (v) => `${round(v, 3)} waiting on average`,
  blocking: (v) => `${percent(v)} blocked (Erlang B)`,
};

function print(
  io: CommandIo,
  flags: Flags,
  model: string,
  out: Record<string, number>,
  convention?: string,
): void {
  if (flags.json) {
    io.stdout(
      `${JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v, 9)])))}\n`,
    );
    return;
  }
  const title = `Erlang ${model.toUpperCase()}${convention ? ` (service level and ASA over ${convention.replace('_', ' ')})` : ''}`;
  io.stdout(
    `${title}\n${table(Object.entries(out).map(([k, v]) => [k, labels[k]?.(v, out) ?? String(round(v))]))}`,
  );
}
