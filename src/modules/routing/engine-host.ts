/**
 * The imperative shell around the routing core, one engine per workspace. Each event is handled by the core
 * and, in one transaction, appended to `routing_inputs` with the effects of its decisions (interaction
 * states, agent states, events for the realtime hub). Events of a workspace are handled one at a time, so
 * the log's order is the engine's order. A restart rebuilds the engine from the latest snapshot plus the
 * inputs after it; a failed transaction drops the engine so the next event rebuilds it from the tables.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type {
  Interaction,
  InteractionService,
  PreparedInteraction,
  TransitionRequest,
} from '../interactions/index.ts';
import type { QueueCalendars, RoutingConfigService } from './config-service.ts';
import { createEngine, type RoutingDecision, type RoutingEngine, type RoutingEvent } from './core/index.ts';
import { emptyPlan, executePlan, planDecisions } from './effects.ts';
import { planHours } from './hours.ts';
import { routingInputs, routingSnapshots } from './schema.ts';

const SNAPSHOT_EVERY = 500;
const BATCH = 200;

interface Hosted {
  engine: RoutingEngine;
  /** Queues' calendars, and when the next opening or closing falls due. */
  calendars: QueueCalendars;
  hoursDueAt: number | null;
  lastInputId: number;
  sinceSnapshot: number;
  timer: NodeJS.Timeout | null;
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
  let closed = false;

  /** Replays into the engine the inputs another process wrote since this one last looked. */
  async function catchUp(tx: Db, workspaceId: string, h: Hosted): Promise<void> {
    const inputs = await tx
      .select({ id: routingInputs.id, event: routingInputs.event })
      .from(routingInputs)
      .where(and(eq(routingInputs.workspaceId, workspaceId), gt(routingInputs.id, h.lastInputId)))
      .orderBy(routingInputs.id);
    for (const input of inputs) {
      h.engine.handle(input.event);
      h.lastInputId = input.id;
    }
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
      timer: null,
    };
    await catchUp(db, workspaceId, h);
    return h;
  }

  function engineFor(workspaceId: string): Promise<Hosted> {
    let h = hosted.get(workspaceId);
    if (!h) {
      h = load(workspaceId);
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
    try {
      const lastId = await uow.run(async (tx, record) => {
        // Writers of a workspace's routing take turns, across processes; each first replays what others wrote.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`routing:${workspaceId}`}, 0))`);
        await catchUp(tx, workspaceId, h);
        const events: RoutingEvent[] = [];
        const plan = emptyPlan();
        // Business hours first: a queue that closed or opened since the last batch does so before anything
        // else happens at this time (the calendar is the durable timer; a restart re-reads it).
        const hours = planHours(
          h.calendars.queues,
          (id) => h.engine.queueStats(id)?.open ?? true,
          clock.now().getTime(),
          h.calendars.timeZone,
        );
        for (const event of hours.events) {
          events.push(event);
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
        for (const item of batch) {
          const event = item.eventAt(clock.now().getTime());
          const decisions = h.engine.handle(event);
          events.push(event);
          results.push(decisions);
          if (item.creates && !decisions.some((d) => d.type === 'eventRejected')) creates.push(item.creates);
          if (item.alongside) plan.transitions.push(...item.alongside(decisions));
          planDecisions(plan, workspaceId, decisions);
        }
        await deps.interactions.insertPrepared(tx, record, creates);
        rows = await executePlan(deps.interactions, tx, record, workspaceId, plan, clock.now());
        const inputs = await tx
          .insert(routingInputs)
          .values(events.map((event) => ({ workspaceId, event })))
          .returning({ id: routingInputs.id });
        return Math.max(...inputs.map((r) => r.id));
      });
      h.lastInputId = lastId;
      h.sinceSnapshot += batch.length;
    } catch (error) {
      // The engine moved but the tables did not: rebuild from the tables on the next event.
      hosted.delete(workspaceId);
      if (h.timer) clearTimeout(h.timer);
      if (batch.length === 1) batch[0]!.reject(error);
      throw error;
    }
    for (const c of creates) if (!rows.has(c.interaction.id)) rows.set(c.interaction.id, c.interaction);
    for (const [i, item] of batch.entries()) item.resolve({ decisions: results[i]!, interactions: rows });
    if (h.sinceSnapshot >= SNAPSHOT_EVERY) await saveSnapshot(workspaceId, h);
    schedule(workspaceId, h);
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
