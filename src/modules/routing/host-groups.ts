/**
 * What the routing host keeps per workspace, and how it decides a group of events: the engine hands its
 * decisions to the plan of effects that the group's script writes (see `engine-host.ts`).
 */
import type { ScriptLane } from '../../platform/db/script.ts';
import type {
  Interaction,
  InteractionRow,
  PreparedInteraction,
  TransitionRequest,
} from '../interactions/index.ts';
import type { QueueCalendars } from './config-service.ts';
import type { RoutingDecision, RoutingEngine, RoutingEvent } from './core/index.ts';
import { emptyPlan, planDecisions } from './effects.ts';
import { planHours } from './hours.ts';

/**
 * A snapshot is taken every so many inputs, and at least ten per agent or interaction it holds, so that
 * writing snapshots costs a small, constant share of each input however large the state (a rebuild then
 * replays at most that many inputs, at the core's speed).
 */
const SNAPSHOT_EVERY = 500;
const SNAPSHOT_PER_ITEM = 10;
/** Interactions kept in memory at most (those routing holds, as last written). */
const ROWS_KEPT = 20_000;

export interface Hosted {
  engine: RoutingEngine;
  /** Queues' calendars, and when the next opening or closing falls due. */
  calendars: QueueCalendars;
  hoursDueAt: number | null;
  /** The last input committed that this engine has handled. */
  lastInputId: number;
  sinceSnapshot: number;
  /** Agents and interactions in the last snapshot taken. */
  snapshotSize: number;
  /** The snapshot being written beside the groups that follow it, if any. */
  saving: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  /** Interactions routing holds (queued or offered) as this process last wrote them. */
  rows: Map<string, InteractionRow>;
  /** Groups decided on this engine whose transaction has not ended yet. */
  inFlight: number;
  /** Set when a group failed: the engine moved but the tables did not, so it is not used again. */
  dropped: boolean;
}

/** An event to handle: built when its turn comes, so it carries the time it is handled at. */
export type EventAt = (now: number) => RoutingEvent;

/** What a handled event gives back: the core's decisions and the interactions as committed with them. */
export interface Handled {
  decisions: RoutingDecision[];
  interactions: Map<string, Interaction>;
}

/** Interaction changes to commit with the event, given the core's decisions (e.g. wrap-up on end). */
export type Alongside = (decisions: RoutingDecision[]) => TransitionRequest[];

export interface Pending {
  eventAt: EventAt;
  alongside: Alongside | undefined;
  /** A new interaction to insert in the same transaction, unless the core refuses its arrival. */
  creates: PreparedInteraction | undefined;
  resolve(handled: Handled): void;
  reject(error: unknown): void;
}

/** A group sent to the server and not yet settled; the next group may be decided on top of it. */
export interface Flight {
  batch: Pending[];
  /** The engine it was decided on. */
  h: Hosted | null;
  /**
   * How many inputs it appends, and the mark it leaves on its connection once committed: the next group's
   * script checks both (`inputsAfterAreStatement`).
   */
  inputs: { count: number; mark: string };
  /** The id of its last input, once committed. */
  lastId: number | null;
  /** Settles when its transaction ended and its callers were answered: true if it committed. */
  done: Promise<boolean>;
}

/** How a group goes behind another: the group ahead (if any), its own flight, the connection, and a
 * callback for the moment its script is sent. */
export interface Pipe {
  ahead: Flight | undefined;
  flight: Flight;
  lane: () => Promise<ScriptLane | null>;
  sent: () => void;
}

export function replay(h: Hosted, inputs: { id: number; event: RoutingEvent }[]): void {
  for (const input of inputs) {
    h.engine.handle(input.event);
    h.lastInputId = input.id;
  }
}

/** Keeps the interactions routing holds as written, for the next groups; forgets the others. */
export function remember(h: Hosted, written: InteractionRow[]): void {
  if (h.rows.size > ROWS_KEPT) h.rows.clear();
  for (const row of written) {
    if (row.state === 'queued' || row.state === 'offered') h.rows.set(row.id, row);
    else h.rows.delete(row.id);
  }
}

/** Whether enough inputs passed since the last snapshot to take another (and none is being written). */
export const snapshotDue = (h: Hosted): boolean =>
  h.saving === null && h.sinceSnapshot >= Math.max(SNAPSHOT_EVERY, SNAPSHOT_PER_ITEM * h.snapshotSize);

/**
 * Hands the engine the calendars' events, then the batch's, and plans their effects. Business hours
 * come first: a queue that closed or opened since the last batch does so before anything else happens
 * at this time (the calendar is the durable timer; a restart re-reads it).
 */
export function decide(
  workspaceId: string,
  h: Hosted,
  batch: Pending[],
  events: RoutingEvent[],
  now: number,
) {
  const handled: RoutingEvent[] = [];
  const results: RoutingDecision[][] = [];
  const creates: PreparedInteraction[] = [];
  const plan = emptyPlan();
  const hours = planHours(
    h.calendars.queues,
    // Each batch asks every queue: `queueStats` would count each queue's interactions to answer.
    (id) => h.engine.queueOpen(id) ?? true,
    now,
    h.calendars.timeZone,
  );
  for (const event of hours.events) {
    handled.push(event);
    planDecisions(plan, workspaceId, h.engine.handle(event));
    plan.events.push({
      workspaceId,
      type: event.open ? 'routing.queue_opened' : 'routing.queue_closed',
      subject: 'queue',
      subjectId: null,
      topics: [`queue:${event.queueId}`],
      payload: { queueId: event.queueId },
    });
  }
  h.hoursDueAt = hours.nextDueAt;
  for (const [i, item] of batch.entries()) {
    const event = events[i]!;
    // Deadlines already due run first, as a tick of their own: the changes that come with an event
    // (abandoned, wrap-up, transferred) then follow what those deadlines did, never precede it.
    const due = h.engine.nextDueAt();
    if (due !== null && due <= event.at) {
      const tick: RoutingEvent = { type: 'tick', at: event.at };
      handled.push(tick);
      planDecisions(plan, workspaceId, h.engine.handle(tick));
    }
    const decisions = h.engine.handle(event);
    handled.push(event);
    results.push(decisions);
    if (item.creates && !decisions.some((d) => d.type === 'eventRejected')) creates.push(item.creates);
    const from = plan.transitions.length;
    if (item.alongside) plan.transitions.push(...item.alongside(decisions));
    planDecisions(plan, workspaceId, decisions, from);
  }
  return { plan, handled, results, creates };
}
