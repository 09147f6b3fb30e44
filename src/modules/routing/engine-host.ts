/**
 * The imperative shell around the routing core, one engine per workspace. Each event is handled by the core
 * and, in one transaction, appended to `routing_inputs` with the effects of its decisions (interaction
 * states, agent states, events for the realtime hub). Events of a workspace are handled one at a time, so
 * the log's order is the engine's order. A restart rebuilds the engine from the latest snapshot plus the
 * inputs after it; a failed transaction drops the engine so the next event rebuilds it from the tables.
 * A group usually commits in one round trip: it is decided at once, on the interactions as this process
 * last wrote them, and its script checks before writing that no other writer moved since.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { literal } from '../../platform/db/script.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type {
  Interaction,
  InteractionRow,
  InteractionService,
  PreparedInteraction,
  TransitionRequest,
} from '../interactions/index.ts';
import type { QueueCalendars, RoutingConfigService } from './config-service.ts';
import { createEngine, type RoutingDecision, type RoutingEngine, type RoutingEvent } from './core/index.ts';
import { agentsStatement, emptyPlan, offeredEvents, planDecisions } from './effects.ts';
import { planHours } from './hours.ts';
import { appendInputsStatement, inputsAfterStatement, noInputsAfterStatement } from './inputs.ts';
import { routingInputs, routingSnapshots } from './schema.ts';

/**
 * A snapshot is taken every so many inputs, and at least ten per agent or interaction it holds, so that
 * writing snapshots costs a small, constant share of each input however large the state (a rebuild then
 * replays at most that many inputs, at the core's speed).
 */
const SNAPSHOT_EVERY = 500;
const SNAPSHOT_PER_ITEM = 10;
const BATCH = 200;
/** After another process's write made a one-round-trip group fail, groups take two round trips this long. */
const SLOW_AFTER_CONFLICT_MS = 60_000;
/** Interactions kept in memory at most (those routing holds, as last written). */
const ROWS_KEPT = 20_000;
/** How the checks of the one-round-trip path fail (see `noInputsAfterStatement` and `unchanged`). */
const CONFLICT = /another process wrote inputs|changed since this process wrote them/;

interface Hosted {
  engine: RoutingEngine;
  /** Queues' calendars, and when the next opening or closing falls due. */
  calendars: QueueCalendars;
  hoursDueAt: number | null;
  lastInputId: number;
  sinceSnapshot: number;
  /** Agents and interactions in the last snapshot taken. */
  snapshotSize: number;
  timer: NodeJS.Timeout | null;
  /** Interactions routing holds (queued or offered) as this process last wrote them. */
  rows: Map<string, InteractionRow>;
}

function replay(h: Hosted, inputs: { id: number; event: RoutingEvent }[]): void {
  for (const input of inputs) {
    h.engine.handle(input.event);
    h.lastInputId = input.id;
  }
}

/** Keeps the interactions routing holds as written, for the next groups; forgets the others. */
function remember(h: Hosted, written: InteractionRow[]): void {
  if (h.rows.size > ROWS_KEPT) h.rows.clear();
  for (const row of written) {
    if (row.state === 'queued' || row.state === 'offered') h.rows.set(row.id, row);
    else h.rows.delete(row.id);
  }
}

/** An event to handle: built when its turn comes, so it carries the time it is handled at. */
export type EventAt = (now: number) => RoutingEvent;

/** What a handled event gives back: the core's decisions and the interactions as committed with them. */
export interface Handled {
  decisions: RoutingDecision[];
  interactions: Map<string, Interaction>;
}

interface Pending {
  eventAt: EventAt;
  alongside: Alongside | undefined;
  /** A new interaction to insert in the same transaction, unless the core refuses its arrival. */
  creates: PreparedInteraction | undefined;
  resolve(handled: Handled): void;
  reject(error: unknown): void;
}

/** Interaction changes to commit with the event, given the core's decisions (e.g. wrap-up on end). */
export type Alongside = (decisions: RoutingDecision[]) => TransitionRequest[];

export function createEngineHost(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  logger: Logger;
  config: RoutingConfigService;
  interactions: InteractionService;
}) {
  const { db, uow, clock, logger } = deps;
  const hosted = new Map<string, Promise<Hosted>>();
  const turns = new Map<string, Promise<unknown>>();
  const pending = new Map<string, Pending[]>();
  const slowUntil = new Map<string, number>();
  let closed = false;

  /** Replays into the engine the inputs another process wrote since this one last looked. */
  async function catchUp(tx: Db, workspaceId: string, h: Hosted): Promise<void> {
    const inputs = await tx
      .select({ id: routingInputs.id, event: routingInputs.event })
      .from(routingInputs)
      .where(and(eq(routingInputs.workspaceId, workspaceId), gt(routingInputs.id, h.lastInputId)))
      .orderBy(routingInputs.id);
    replay(h, inputs);
  }

  async function load(workspaceId: string): Promise<Hosted> {
    const config = await deps.config.config(workspaceId);
    const calendars = await deps.config.calendars(workspaceId);
    const [saved] = await db
      .select()
      .from(routingSnapshots)
      .where(eq(routingSnapshots.workspaceId, workspaceId));
    const h: Hosted = {
      engine: createEngine(config, saved?.snapshot),
      calendars,
      hoursDueAt: null,
      lastInputId: saved?.lastInputId ?? 0,
      sinceSnapshot: 0,
      snapshotSize: saved ? saved.snapshot.agents.length + saved.snapshot.interactions.length : 0,
      timer: null,
      rows: new Map(),
    };
    await catchUp(db, workspaceId, h);
    return h;
  }

  function engineFor(workspaceId: string): Promise<Hosted> {
    let h = hosted.get(workspaceId);
    if (!h) {
      // A rebuilt engine's deadlines run by its own timer, whether an event or a read rebuilt it.
      h = load(workspaceId).then((loaded) => {
        schedule(workspaceId, loaded);
        return loaded;
      });
      hosted.set(workspaceId, h);
      h.catch(() => hosted.delete(workspaceId));
    }
    return h;
  }

  /**
   * Handles one event in the workspace's turn and returns the core's decisions. Events that arrive while a
   * transaction is in flight are handled together in the next one (group commit).
   */
  function handle(workspaceId: string, eventAt: EventAt, alongside?: Alongside): Promise<RoutingDecision[]> {
    return submit(workspaceId, eventAt, { alongside }).then((handled) => handled.decisions);
  }

  /**
   * Like `handle`, and also creates an interaction in the same grouped transaction (an arrival), and
   * answers the interactions the event changed as committed, so callers need not read them back.
   */
  function submit(
    workspaceId: string,
    eventAt: EventAt,
    options: { alongside?: Alongside | undefined; creates?: PreparedInteraction | undefined } = {},
  ): Promise<Handled> {
    return new Promise((resolve, reject) => {
      let queue = pending.get(workspaceId);
      if (!queue) {
        queue = [];
        pending.set(workspaceId, queue);
      }
      queue.push({ eventAt, alongside: options.alongside, creates: options.creates, resolve, reject });
      if (queue.length === 1) kick(workspaceId);
    });
  }

  function kick(workspaceId: string): void {
    const previous = turns.get(workspaceId) ?? Promise.resolve();
    const turn = previous.catch(() => {}).then(() => drain(workspaceId));
    turns.set(workspaceId, turn);
  }

  async function drain(workspaceId: string): Promise<void> {
    const queue = pending.get(workspaceId);
    if (!queue || queue.length === 0) return;
    const batch = queue.splice(0, BATCH);
    try {
      await runBatch(workspaceId, batch);
    } catch {
      // One of them failed and the engine was dropped: handle them one at a time, so that only the
      // event at fault is refused.
      for (const item of batch) await runBatch(workspaceId, [item]).catch(() => {});
    }
    if (queue.length > 0) kick(workspaceId);
  }

  async function runBatch(workspaceId: string, batch: Pending[]): Promise<void> {
    const h = await engineFor(workspaceId).catch((error) => {
      for (const item of batch) item.reject(error);
      throw error;
    });
    const results: RoutingDecision[][] = [];
    const creates: PreparedInteraction[] = [];
    let rows = new Map<string, Interaction>();
    let written: InteractionRow[] = [];
    let fast = false;
    try {
      const lastId = await uow.script(async (step, eventsStatement) => {
        const events = batch.map((item) => item.eventAt(clock.now().getTime()));
        const named = [...new Set(events.flatMap((e) => ('interactionId' in e ? [e.interactionId] : [])))];
        const lock = `select pg_advisory_xact_lock(hashtextextended(${literal(`routing:${workspaceId}`)}, 0))`;
        // Interactions written by earlier groups, taken from memory: checked in the script before any write.
        const cached = new Map<string, InteractionRow>();
        const fromCache = (id: string) => {
          const row = h.rows.get(id);
          if (row) cached.set(id, row);
          return row;
        };
        fast = named.every((id) => h.rows.has(id)) && (slowUntil.get(workspaceId) ?? 0) <= Date.now();
        const known = new Map<string, InteractionRow>();
        let opening: string[] = [];
        if (fast) {
          // One round trip: decided at once, written after checking that no other process wrote inputs and
          // no interaction taken from memory changed since (else the group fails and is retried below).
          for (const id of named) known.set(id, fromCache(id)!);
          opening = [lock, noInputsAfterStatement(workspaceId, h.lastInputId)];
        } else {
          // Two: lock, catch up and read the interactions named; then write everything and commit.
          // Writers of a workspace's routing take turns, across processes; each first replays what others wrote.
          const [, inputs = [], prefetched = []] = await step([
            lock,
            inputsAfterStatement(workspaceId, h.lastInputId),
            ...(named.length > 0 ? [deps.interactions.scripted.select(workspaceId, named)] : []),
          ]);
          replay(
            h,
            inputs.map((r) => ({ id: Number(r.id), event: r.event as RoutingEvent })),
          );
          for (const r of deps.interactions.scripted.rowsFrom(prefetched)) known.set(r.id, r);
        }
        const { plan, handled } = decide(workspaceId, h, batch, events, results, creates);
        const created = new Set(creates.map((c) => c.row.id));
        const missing = [...new Set(plan.transitions.map((t) => t.id))].filter(
          (id) => !known.has(id) && !created.has(id),
        );
        for (const id of missing) {
          const row = fast ? fromCache(id) : undefined;
          if (row) known.set(id, row);
        }
        if (cached.size > 0)
          opening.push(deps.interactions.scripted.unchanged(workspaceId, [...cached.values()]));
        const unread = missing.filter((id) => !known.has(id));
        if (unread.length > 0) {
          // Rarely: an interaction offered that no event of the group named (it waited for an agent).
          const out = await step([...opening, deps.interactions.scripted.select(workspaceId, unread)]);
          for (const r of deps.interactions.scripted.rowsFrom(out.at(-1) ?? [])) known.set(r.id, r);
          opening = [];
        }
        const writes = deps.interactions.scripted.writes(workspaceId, known, creates, plan.transitions);
        rows = writes.interactions;
        written = writes.written;
        const news = [...writes.events, ...offeredEvents(workspaceId, plan, rows), ...plan.events];
        const agents = agentsStatement(workspaceId, plan, clock.now());
        const out = await step(
          [
            ...opening,
            ...writes.statements,
            ...(news.length > 0 ? [eventsStatement(news)] : []),
            ...(agents ? [agents] : []),
            appendInputsStatement(workspaceId, handled),
          ],
          { commit: true },
        );
        return Number(out.at(-1)![0]!.id);
      });
      remember(h, written);
      h.lastInputId = lastId;
      h.sinceSnapshot += batch.length;
    } catch (error) {
      // The engine moved but the tables did not: rebuild from the tables on the next event. When the
      // check of the one-round-trip path failed, another writer is about: take two round trips a while.
      const conflict = fast && CONFLICT.test(String(error));
      if (conflict) slowUntil.set(workspaceId, Date.now() + SLOW_AFTER_CONFLICT_MS);
      hosted.delete(workspaceId);
      if (h.timer) clearTimeout(h.timer);
      // A lone event is refused, unless it only met another writer: then it is retried like the others.
      if (batch.length === 1 && !conflict) batch[0]!.reject(error);
      throw error;
    }
    for (const c of creates) if (!rows.has(c.interaction.id)) rows.set(c.interaction.id, c.interaction);
    for (const [i, item] of batch.entries()) item.resolve({ decisions: results[i]!, interactions: rows });
    if (h.sinceSnapshot >= Math.max(SNAPSHOT_EVERY, SNAPSHOT_PER_ITEM * h.snapshotSize))
      await saveSnapshot(workspaceId, h);
    schedule(workspaceId, h);
  }

  /**
   * Hands the engine the calendars' events, then the batch's, and plans their effects. Business hours
   * come first: a queue that closed or opened since the last batch does so before anything else happens
   * at this time (the calendar is the durable timer; a restart re-reads it).
   */
  function decide(
    workspaceId: string,
    h: Hosted,
    batch: Pending[],
    events: RoutingEvent[],
    results: RoutingDecision[][],
    creates: PreparedInteraction[],
  ) {
    const handled: RoutingEvent[] = [];
    const plan = emptyPlan();
    const hours = planHours(
      h.calendars.queues,
      // Each batch asks every queue: `queueStats` would count each queue's interactions to answer.
      (id) => h.engine.queueOpen(id) ?? true,
      clock.now().getTime(),
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
      if (item.alongside) plan.transitions.push(...item.alongside(decisions));
      planDecisions(plan, workspaceId, decisions);
    }
    return { plan, handled };
  }

  async function saveSnapshot(workspaceId: string, h: Hosted): Promise<void> {
    const row = {
      workspaceId,
      lastInputId: h.lastInputId,
      snapshot: h.engine.snapshot(),
      takenAt: clock.now(),
    };
    await db
      .insert(routingSnapshots)
      .values(row)
      .onConflictDoUpdate({ target: routingSnapshots.workspaceId, set: row });
    h.sinceSnapshot = 0;
    h.snapshotSize = row.snapshot.agents.length + row.snapshot.interactions.length;
  }

  /** Wakes the engine when its next deadline (offer expiry, relaxation, wrap-up …) falls due. */
  function schedule(workspaceId: string, h: Hosted): void {
    if (h.timer) clearTimeout(h.timer);
    h.timer = null;
    const engineDue = h.engine.nextDueAt();
    const due =
      engineDue === null || h.hoursDueAt === null
        ? (engineDue ?? h.hoursDueAt)
        : Math.min(engineDue, h.hoursDueAt);
    if (due === null || closed) return;
    const delay = Math.max(0, due - clock.now().getTime());
    h.timer = setTimeout(
      () => {
        h.timer = null;
        handle(workspaceId, (now) => ({ type: 'tick', at: now })).catch((err) =>
          logger.error({ err }, 'routing tick failed'),
        );
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    h.timer.unref();
  }

  /** Reads the live engine (status and statistics) in the workspace's turn. */
  function read<T>(workspaceId: string, reader: (engine: RoutingEngine) => T): Promise<T> {
    const previous = turns.get(workspaceId) ?? Promise.resolve();
    return previous
      .catch(() => {})
      .then(async () => {
        const h = await engineFor(workspaceId);
        await catchUp(db, workspaceId, h);
        return reader(h.engine);
      });
  }

  /** Rebuilds a workspace's engine, e.g. after its queues changed. */
  async function reload(workspaceId: string): Promise<void> {
    const previous = turns.get(workspaceId) ?? Promise.resolve();
    const turn = previous
      .catch(() => {})
      .then(async () => {
        const h = await hosted.get(workspaceId)?.catch(() => null);
        if (h) {
          await saveSnapshot(workspaceId, h);
          if (h.timer) clearTimeout(h.timer);
        }
        hosted.delete(workspaceId);
        schedule(workspaceId, await engineFor(workspaceId));
      });
    turns.set(workspaceId, turn);
    await turn;
    // A tick in a turn of its own applies the (possibly new) calendars at once.
    await handle(workspaceId, (now) => ({ type: 'tick', at: now }));
  }

  /** Wakes the engines of these workspaces: their timers and calendars run again after a restart. */
  async function resume(workspaceIds: string[]): Promise<void> {
    await Promise.all(workspaceIds.map((ws) => handle(ws, (now) => ({ type: 'tick', at: now }))));
  }

  async function close(): Promise<void> {
    closed = true;
    await Promise.allSettled([...turns.values()]);
    for (const h of hosted.values()) {
      const value = await h.catch(() => null);
      if (value?.timer) clearTimeout(value.timer);
    }
  }

  return { handle, submit, read, reload, resume, close };
}

export type EngineHost = ReturnType<typeof createEngineHost>;
