/**
 * Contact-center figures per interval and in total, with one definition for simulated and real days:
 * offered = calls that reached the queue or an agent; answered = offered and served; abandoned =
 * offered and hung up before service; service level = answered within the target over offered;
 * ASA = mean wait of answered calls; occupancy = seconds agents spent serving over seconds staffed.
 * Calls count in the interval in which they arrived. Times are seconds from the start of the day.
 */

/** What happened to one offered call. */
export interface CallOutcome {
  arrival: number;
  /** Seconds waited until answered or abandoned. */
  wait: number;
  result: 'answered' | 'abandoned' | 'unresolved';
}

/** A stretch of time one agent was on duty, or serving. */
export interface Period {
  agentId: string;
  start: number;
  end: number;
}

/** The figures of the `--json` output; ratios are null where their denominator is zero. */
export interface Figures {
  offered: number;
  answered: number;
  abandoned: number;
  service_level: number | null;
  asa_seconds: number | null;
  abandon_rate: number | null;
  occupancy: number | null;
}

export interface IntervalFigures extends Figures {
  /** Interval start as HH:MM from the start of the day. */
  start: string;
}

export interface Report {
  total: Figures;
  intervals: IntervalFigures[];
}

interface Tally {
  offered: number;
  answered: number;
  abandoned: number;
  withinTarget: number;
  waitSum: number;
  busy: number;
  staffed: number;
}

const ratio = (a: number, b: number, digits: number): number | null =>
  b > 0 ? Number((a / b).toFixed(digits)) : null;

function figures(t: Tally): Figures {
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned,
    service_level: ratio(t.withinTarget, t.offered, 4),
    asa_seconds: ratio(t.waitSum, t.answered, 1),
    abandon_rate: ratio(t.abandoned, t.offered, 4),
    occupancy: ratio(t.busy, t.staffed, 4),
  };
}

function clock(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Per agent, the union of its periods, so that overlapping shifts and overtime count once. */
function unionByAgent(periods: Period[]): Period[] {
  const byAgent = new Map<string, Period[]>();
  for (const p of periods) {
    if (p.end > p.start) byAgent.set(p.agentId, [...(byAgent.get(p.agentId) ?? []), p]);
  }
  const out: Period[] = [];
  for (const list of byAgent.values()) {
    list.sort((a, b) => a.start - b.start);
    let current = { ...list[0]! };
    for (const p of list.slice(1)) {
      if (p.start <= current.end) current.end = Math.max(current.end, p.end);
      else {
        out.push(current);
        current = { ...p };
      }
    }
    out.push(current);
  }
  return out;
}

/** Adds each period's overlap with every interval to `field`. */
function spread(
  periods: Period[],
  size: number,
  tally: (i: number) => Tally,
  field: 'busy' | 'staffed',
): void {
  for (const p of periods) {
    for (let i = Math.floor(p.start / size); i * size < p.end; i++) {
      const overlap = Math.min(p.end, (i + 1) * size) - Math.max(p.start, i * size);
      if (overlap > 0) tally(i)[field] += overlap;
    }
  }
}

/**
 * Figures per interval of `intervalSeconds` and in total. Staffed time is the union of duty and
 * service per agent (an agent finishing a call after its shift is still staffed while it serves).
 *
 * @example
 * const report = summarise(outcomes, busy, shifts, { targetSeconds: 20, intervalSeconds: 3600 });
 */
export function summarise(
  outcomes: CallOutcome[],
  busy: Period[],
  duty: Period[],
  options: { targetSeconds: number; intervalSeconds: number },
): Report {
  const size = options.intervalSeconds;
  const byInterval = new Map<number, Tally>();
  const tally = (i: number): Tally => {
    let t = byInterval.get(i);
    if (!t) {
      t = { offered: 0, answered: 0, abandoned: 0, withinTarget: 0, waitSum: 0, busy: 0, staffed: 0 };
      byInterval.set(i, t);
    }
    return t;
  };
  for (const c of outcomes) {
    const t = tally(Math.floor(c.arrival / size));
    t.offered++;
    if (c.result === 'answered') {
      t.answered++;
      t.waitSum += c.wait;
      if (c.wait <= options.targetSeconds) t.withinTarget++;
    } else if (c.result === 'abandoned') {
      t.abandoned++;
    }
  }
  const serving = unionByAgent(busy);
  spread(serving, size, tally, 'busy');
  spread(unionByAgent([...duty, ...serving]), size, tally, 'staffed');

  const total: Tally = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    withinTarget: 0,
    waitSum: 0,
    busy: 0,
    staffed: 0,
  };
  const intervals: IntervalFigures[] = [];
  for (const i of [...byInterval.keys()].sort((a, b) => a - b)) {
    const t = byInterval.get(i)!;
    for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
    // Intervals with neither calls nor service are left out of the list (their staffing still counts).
    if (t.offered > 0 || t.busy > 0) intervals.push({ start: clock(i * size), ...figures(t) });
  }
  return { total: figures(total), intervals };
}
