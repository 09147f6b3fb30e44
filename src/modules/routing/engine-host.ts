/**
 * The imperative shell around the routing core, one engine per workspace. Each event is handled by the core
 * and, in one transaction, appended to `routing_inputs` with the effects of its decisions (interaction
 * states, agent states, events for the realtime hub). Events of a workspace are handled one at a time, so
 * the log's order is the engine's order. A restart rebuilds the engine from the latest snapshot plus the
 * inputs after it; a failed transaction drops the engine so the next event rebuilds it from the tables.
 * A group usually commits in one round trip: it is decided at once, on the interactions as this process
 * last wrote them, and its script checks before writing that no other writer moved since. On a server,
 * the next group is decided and sent while one is in flight (see `group-pipeline.ts`).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, isEmbedded } from '../../platform/db/connect.ts';
import { closeScriptLane, literal, openScriptLane } from '../../platform/db/script.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type {
  Interaction,
  InteractionRow,
  InteractionService,
  PreparedInteraction,
} from '../interactions/index.ts';
import type { RoutingConfigService } from './config-service.ts';
import { createEngine, type RoutingDecision, type RoutingEngine, type RoutingEvent } from './core/index.ts';
import { agentsStatement, tell } from './effects.ts';
import { createGroupPipeline } from './group-pipeline.ts';
import {
  type Alongside,
  decide,
  type EventAt,
  type Handled,
  type Hosted,
  type Pending,
  type Pipe,
  remember,
  replay,
  snapshotDue,
} from './host-groups.ts';
import {
  appendInputsStatement,
  inputsAfterAreStatement,
  inputsAfterStatement,
  markStatement,
  noInputsAfterStatement,
} from './inputs.ts';
import { routingInputs } from './schema.ts';
import { readSnapshot, snapshotSize, type TakenSnapshot, takenSnapshot, writeSnapshot } from './snapshots.ts';

export type { Alongside, EventAt, Handled } from './host-groups.ts';

const BATCH = 200;
/** After another process's write made a one-round-trip group fail, groups take two round trips this long. */
const SLOW_AFTER_CONFLICT_MS = 60_000;
/** How the checks of the one-round-trip path fail (see `inputs.ts` and `unchanged`). */
const CONFLICT =
  /another process wrote inputs|not the ones it was decided after|changed since this process wrote them/;

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
  /** Snapshots being written, which closing waits for. */
  const savings = new Set<Promise<void>>();
  const pending = new Map<string, Pending[]>();
  const slowUntil = new Map<string, number>();
  /** Wakes a workspace's drain, waiting on a group in flight, when an event is submitted. */
  const wakers = new Map<string, () => void>();
  /** Reads and reloads waiting for a workspace's turn: its drain stops sending groups until they had it. */
  const readers = new Map<string, number>();
  // Two groups at a time on a server, one behind the other on one connection; one on the embedded database.
  const depth = isEmbedded(db) ? 1 : 2;
  const groups = createGroupPipeline({
    depth,
    batchSize: BATCH,
    run: (workspaceId, batch, pipe) => runBatch(workspaceId, batch, pipe),
    readersWaiting: (workspaceId) => (readers.get(workspaceId) ?? 0) > 0,
    wakers,
    openLane: () => openScriptLane(db),
    closeLane: closeScriptLane,
  });
  let closed = false;

  /**
   * Replays into the engine the inputs another process wrote since this one last looked; not while a
   * group of this process is in flight, or if one ended meanwhile (its inputs are already in the engine).
   */
  async function catchUp(tx: Db, workspaceId: string, h: Hosted): Promise<void> {
    if (h.inFlight > 0) return;
    const last = h.lastInputId;
    const inputs = await tx
      .select({ id: routingInputs.id, event: routingInputs.event })
      .from(routingInputs)
      .where(and(eq(routingInputs.workspaceId, workspaceId), gt(routingInputs.id, h.lastInputId)))
      .orderBy(routingInputs.id);
    if (h.inFlight === 0 && h.lastInputId === last) replay(h, inputs);
  }

  async function load(workspaceId: string): Promise<Hosted> {
    const config = await deps.config.config(workspaceId);
    const calendars = await deps.config.calendars(workspaceId);
    const saved = await readSnapshot(db, workspaceId);
    const h: Hosted = {
      engine: createEngine(config, saved?.snapshot),
      calendars,
      hoursDueAt: null,
      lastInputId: saved?.lastInputId ?? 0,
      sinceSnapshot: 0,
      snapshotSize: saved ? snapshotSize(saved.snapshot) : 0,
      saving: null,
      timer: null,
      rows: new Map(),
      inFlight: 0,
      dropped: false,
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
      wakers.get(workspaceId)?.();
    });
  }

  function kick(workspaceId: string): void {
    const previous = turns.get(workspaceId) ?? Promise.resolve();
    const turn = previous.catch(() => {}).then(() => drain(workspaceId));
    turns.set(workspaceId, turn);
  }

  /** Sends the workspace's groups in order, two at a time on a server (see `group-pipeline.ts`). */
  async function drain(workspaceId: string): Promise<void> {
    const queue = pending.get(workspaceId);
    if (!queue || queue.length === 0) return;
    await groups.pipeline(workspaceId, queue);
    if (queue.length > 0) kick(workspaceId);
  }

  async function runBatch(
    workspaceId: string,
    batch: Pending[],
    pipe: Pipe | null = null,
  ): Promise<'committed' | 'declined'> {
    const ahead = pipe?.ahead;
    // Behind a group in flight, this group is decided on that group's engine, or not at all.
    if (ahead && (!ahead.h || ahead.h.dropped)) return 'declined';
    const h =
      ahead?.h ??
      (await engineFor(workspaceId).catch((error) => {
        for (const item of batch) item.reject(error);
        throw error;
      }));
    if (pipe) pipe.flight.h = h;
    const events = batch.map((item) => item.eventAt(clock.now().getTime()));
    const named = [...new Set(events.flatMap((e) => ('interactionId' in e ? [e.interactionId] : [])))];
    const fast = named.every((id) => h.rows.has(id)) && (slowUntil.get(workspaceId) ?? 0) <= Date.now();
    // Behind a group in flight, only a group decided at once goes, and none when a snapshot is due.
    if (ahead && (!fast || snapshotDue(h))) return 'declined';
    let rows = new Map<string, Interaction>();
    let decided: ReturnType<typeof decide> | null = null;
    h.inFlight++;
    try {
      const lane = pipe ? await pipe.lane() : null;
      const lastId = await uow.script(async (step, eventsStatement) => {
        const lock = `select pg_advisory_xact_lock(hashtextextended(${literal(`routing:${workspaceId}`)}, 0))`;
        // Interactions written by earlier groups, taken from memory: checked in the script as it writes.
        const fromMemory = new Set<string>();
        const fromCache = (id: string) => {
          const row = h.rows.get(id);
          if (row) fromMemory.add(id);
          return row;
        };
        const known = new Map<string, InteractionRow>();
        let opening: string[] = [];
        if (fast) {
          // One round trip: decided at once, written after checking that no other process wrote inputs and
          // no interaction taken from memory changed since (else the group fails and is retried below).
          // Behind a group in flight, the inputs after this engine's last are to be exactly that group's.
          for (const id of named) known.set(id, fromCache(id)!);
          const check =
            ahead && ahead.lastId === null
              ? inputsAfterAreStatement(workspaceId, h.lastInputId, ahead.inputs)
              : noInputsAfterStatement(workspaceId, h.lastInputId);
          opening = [lock, check];
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
        decided = decide(workspaceId, h, batch, events, clock.now().getTime());
        const { plan, handled, creates } = decided;
        const created = new Set(creates.map((c) => c.row.id));
        const missing = [...new Set(plan.transitions.map((t) => t.id))].filter(
          (id) => !known.has(id) && !created.has(id),
        );
        for (const id of missing) {
          const row = fast ? fromCache(id) : undefined;
          if (row) known.set(id, row);
        }
        const unread = missing.filter((id) => !known.has(id));
        if (unread.length > 0) {
          // Rarely: an interaction offered that no event of the group named (it waited for an agent).
          const out = await step([...opening, deps.interactions.scripted.select(workspaceId, unread)]);
          for (const r of deps.interactions.scripted.rowsFrom(out.at(-1) ?? [])) known.set(r.id, r);
          opening = [];
        }
        const writes = deps.interactions.scripted.writes(
          workspaceId,
          known,
          creates,
          plan.transitions,
          fromMemory,
        );
        rows = writes.interactions;
        // The next group may be decided before this one commits: it takes these rows as written.
        remember(h, writes.written);
        const news = [...tell(workspaceId, plan, writes.events, writes.made, rows), ...plan.events];
        const agents = agentsStatement(workspaceId, plan, clock.now());
        const mark = pipe ? randomUUID() : null;
        const committing = step(
          [
            ...opening,
            ...writes.statements,
            ...(news.length > 0 ? [eventsStatement(news)] : []),
            ...(agents ? [agents] : []),
            ...(mark ? [markStatement(mark)] : []),
            appendInputsStatement(workspaceId, handled),
          ],
          { commit: true },
        );
        if (pipe && mark) {
          pipe.flight.inputs = { count: handled.length, mark };
          pipe.sent();
        }
        const out = await committing;
        return Number(out.at(-1)![0]!.id);
      }, lane);
      // A group sent behind another commits after it: its answer is handled after that one's.
      if (ahead) await ahead.done;
      h.inFlight--;
      h.lastInputId = Math.max(h.lastInputId, lastId);
      if (pipe) pipe.flight.lastId = lastId;
      h.sinceSnapshot += batch.length;
    } catch (error) {
      h.inFlight--;
      // When the group in flight before this one failed, this one failed for its sake: retried, not refused.
      const aheadFailed = ahead ? !(await ahead.done) : false;
      // The engine moved but the tables did not: rebuild from the tables on the next event. When the
      // check of the one-round-trip path failed, another writer is about: take two round trips a while.
      const conflict = fast && CONFLICT.test(String(error));
      if (conflict && !aheadFailed) slowUntil.set(workspaceId, Date.now() + SLOW_AFTER_CONFLICT_MS);
      drop(workspaceId, h);
      // A lone event is refused, unless it only met another writer: then it is retried like the others.
      if (batch.length === 1 && !conflict && !aheadFailed) batch[0]!.reject(error);
      throw error;
    }
    const { results, creates } = decided!;
    for (const c of creates) if (!rows.has(c.interaction.id)) rows.set(c.interaction.id, c.interaction);
    for (const [i, item] of batch.entries()) item.resolve({ decisions: results[i]!, interactions: rows });
    // A snapshot holds the engine as of its last input: only when no later group was decided on it.
    if (h.inFlight === 0 && snapshotDue(h)) saveBeside(workspaceId, h);
    schedule(workspaceId, h);
    return 'committed';
  }

  /** Forgets a workspace's engine after a failed group: the next event rebuilds it from the tables. */
  function drop(workspaceId: string, h: Hosted): void {
    if (h.dropped) return;
    h.dropped = true;
    hosted.delete(workspaceId);
    if (h.timer) clearTimeout(h.timer);
  }

  /** Takes the engine's snapshot as of its last input; the spacing to the next one starts from here. */
  function take(workspaceId: string, h: Hosted): TakenSnapshot {
    const taken = takenSnapshot(workspaceId, h.lastInputId, h.engine.snapshot(), clock.now());
    h.sinceSnapshot = 0;
    h.snapshotSize = taken.size;
    return taken;
  }

  /**
   * Takes a snapshot and writes it on a connection of its own while the groups that follow go on: writing
   * a large engine's snapshot takes tens of milliseconds, and the workspace's arrivals would wait for it.
   * One at a time; if it fails, the next group takes another.
   */
  function saveBeside(workspaceId: string, h: Hosted): void {
    const since = h.sinceSnapshot;
    const taken = take(workspaceId, h);
    const saving = writeSnapshot(db, taken)
      .catch((error: unknown) => {
        logger.warn({ err: error, workspaceId }, 'routing: a snapshot could not be written');
        h.sinceSnapshot += since;
      })
      .finally(() => {
        h.saving = null;
        savings.delete(saving);
      });
    h.saving = saving;
    savings.add(saving);
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

  /** The workspace's current turn, counting one more waiting for it (the drain lets it in). */
  function waitTurn(workspaceId: string): Promise<unknown> {
    readers.set(workspaceId, (readers.get(workspaceId) ?? 0) + 1);
    return turns.get(workspaceId) ?? Promise.resolve();
  }

  /** Reads the live engine (status and statistics) in the workspace's turn. */
  function read<T>(workspaceId: string, reader: (engine: RoutingEngine) => T): Promise<T> {
    const previous = waitTurn(workspaceId);
    return previous
      .catch(() => {})
      .then(async () => {
        readers.set(workspaceId, (readers.get(workspaceId) ?? 1) - 1);
        const h = await engineFor(workspaceId);
        await catchUp(db, workspaceId, h);
        return reader(h.engine);
      });
  }

  /** Rebuilds a workspace's engine, e.g. after its queues changed. */
  async function reload(workspaceId: string): Promise<void> {
    const previous = waitTurn(workspaceId);
    const turn = previous
      .catch(() => {})
      .then(async () => {
        readers.set(workspaceId, (readers.get(workspaceId) ?? 1) - 1);
        const h = await hosted.get(workspaceId)?.catch(() => null);
        if (h) {
          await h.saving;
          await writeSnapshot(db, take(workspaceId, h));
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
    await Promise.allSettled([...savings]);
    for (const h of hosted.values()) {
      const value = await h.catch(() => null);
      if (value?.timer) clearTimeout(value.timer);
    }
  }

  return { handle, submit, read, reload, resume, close };
}

export type EngineHost = ReturnType<typeof createEngineHost>;
