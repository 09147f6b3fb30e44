/**
 * The routing engine: a deterministic state machine. Events go in with their time, decisions come out;
 * no I/O, no clock, no randomness, so the same events always give the same decisions — live, in tests
 * and in the simulator. It keeps its indexes in memory between events for speed; `snapshot()` is its
 * whole state as plain data, and `createEngine(config, snapshot)` rebuilds an identical engine.
 */
import { fire, isLive } from './deadlines.ts';
import { dispatch } from './events.ts';
import { drain } from './match.ts';
import { restoreCtx, takeSnapshot } from './snapshot.ts';
import { type Ctx, createCtx } from './state.ts';
import { reportStatusChanges, statusOf } from './status.ts';
import type { AgentStatus, EngineConfig, EngineSnapshot, RoutingDecision, RoutingEvent } from './types.ts';

/** Counts for a supervisor's view of one queue. */
export interface QueueStats {
  queueId: string;
  waiting: number;
  offered: number;
  /** Arrival time of the longest-waiting interaction, or null when none waits. */
  oldestArrivedAt: number | null;
  /** Whether the queue is open (its business hours, as the shell last reported them). */
  open: boolean;
}

export interface RoutingEngine {
  /**
   * Handles one event at its time `event.at`: first fires the core's own deadlines due by then
   * (offer expiry, relaxation, sticky windows, maximum wait, wrap-up limits, presence grace), then the
   * event, then matches what changed. Returns every decision, in order.
   */
  handle(event: RoutingEvent): RoutingDecision[];
  /** When the next deadline falls due, or null: the shell sends a `tick` then. */
  nextDueAt(): number | null;
  /** The whole state as plain, JSON-serialisable data. */
  snapshot(): EngineSnapshot;
  /** How an agent shows: offline, available, busy (holding active work), wrap-up, or not-ready. */
  agentStatus(agentId: string): AgentStatus;
  queueStats(queueId: string): QueueStats | null;
  /** Whether the queue is open, or null when the engine has no such queue: `queueStats` without the counts. */
  queueOpen(queueId: string): boolean | null;
}

/**
 * Creates an engine, empty or rebuilt from a snapshot taken under the same configuration.
 * Throws on an invalid configuration (see `validateConfig`).
 *
 * @example
 * const engine = createEngine({ channels: { voice: { cost: 100 } }, queues: [queuePolicy('sales')],
 *   missedOffersBeforeNotReady: 3, presenceGraceSeconds: 30 });
 * engine.handle({ type: 'agentLoggedIn', at: 0, agent: { id: 'ana', skills: {}, languages: ['es'],
 *   channels: { voice: 1 }, capacity: 100, teams: [] } });
 * engine.handle({ type: 'interactionArrived', at: 1000,
 *   interaction: { id: 'c1', queueId: 'sales', channel: 'voice', priority: 0 } });
 * // → [{ type: 'offer', interactionId: 'c1', agentIds: ['ana'], expiresAt: 21000 }]
 */
export function createEngine(config: EngineConfig, snapshot?: EngineSnapshot): RoutingEngine {
  const ctx: Ctx = snapshot ? restoreCtx(config, snapshot) : createCtx(config);

  function runDue(until: number): void {
    for (;;) {
      const timer = ctx.timers.peek();
      if (!timer || timer.due > until) return;
      ctx.timers.pop();
      if (!isLive(ctx, timer)) continue;
      if (timer.due > ctx.now) ctx.now = timer.due;
      fire(ctx, timer);
      drain(ctx);
    }
  }

  return {
    handle(event) {
      ctx.out = [];
      // Time never goes back, and an event without a usable time happens now.
      const at = Number.isFinite(event.at) ? Math.max(event.at, ctx.now) : ctx.now;
      runDue(at);
      ctx.now = at;
      dispatch(ctx, event);
      drain(ctx);
      reportStatusChanges(ctx);
      return ctx.out;
    },
    nextDueAt() {
      for (;;) {
        const timer = ctx.timers.peek();
        if (!timer) return null;
        if (isLive(ctx, timer)) return timer.due;
        ctx.timers.pop();
      }
    },
    snapshot: () => takeSnapshot(ctx),
    agentStatus: (agentId) => statusOf(ctx.agents.get(agentId)),
    queueStats(queueId) {
      const queue = ctx.queues.get(queueId);
      if (!queue) return null;
      let waiting = queue.reserved.size;
      let offered = 0;
      let oldest: number | null = null;
      for (const i of ctx.interactions.values()) {
        if (i.queue !== queue) continue;
        if (i.phase === 'offered') offered++;
        if (i.phase === 'queued' && (oldest === null || i.arrivedAt < oldest)) oldest = i.arrivedAt;
      }
      for (const bucket of queue.nonEmpty) waiting += bucket.heap.size;
      return { queueId, waiting, offered, oldestArrivedAt: oldest, open: queue.open };
    },
    queueOpen: (queueId) => ctx.queues.get(queueId)?.open ?? null,
  };
}
