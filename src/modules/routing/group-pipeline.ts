/**
 * Sends a workspace's groups of routing events in order, overlapping two on a server: while one group is
 * in flight, the next is decided on the engine as that one left it and sent behind it on the same
 * connection, so the server runs them one after the other while the process decides. Only a group that
 * takes the one-round-trip path goes behind another (`run` declines otherwise, changing nothing), and its
 * script checks that the inputs before it are those of the group ahead. If the group ahead fails, the
 * one behind it fails too; both are retried in order on a rebuilt engine (see `engine-host.ts`).
 */
import type { ScriptLane } from '../../platform/db/script.ts';
import type { Flight, Pending, Pipe } from './host-groups.ts';

/** Runs a group; behind another (`pipe.ahead`) it may decline, having changed nothing. */
export type RunGroup = (
  workspaceId: string,
  batch: Pending[],
  pipe?: Pipe | null,
) => Promise<'committed' | 'declined'>;

export function createGroupPipeline(deps: {
  /** Groups in flight at most: two on a server, one on the embedded database. */
  depth: number;
  batchSize: number;
  run: RunGroup;
  /** Whether a read or reload waits for the workspace's turn: no group is sent until it had it. */
  readersWaiting: (workspaceId: string) => boolean;
  /** Set while waiting on the group in flight with nothing queued: called when an event is submitted. */
  wakers: Map<string, () => void>;
  /** Takes and gives back the connection the groups in flight share (none on the embedded database). */
  openLane: () => Promise<ScriptLane | null>;
  closeLane: (lane: ScriptLane | null) => void;
}) {
  const { depth, batchSize, run, readersWaiting, wakers } = deps;

  /**
   * Sends the queued groups until the queue is empty and none is in flight (or a reader waits). The
   * connection they share is taken when the first is about to be sent (after its engine is ready, so a
   * rebuild never waits on a connection held here) and given back whenever none is in flight.
   */
  async function pipeline(workspaceId: string, queue: Pending[]): Promise<void> {
    const flying: Flight[] = [];
    let lane: Promise<ScriptLane | null> | null = null;
    const useLane = () => {
      lane ??= deps.openLane();
      return lane;
    };
    const release = async () => {
      const held = lane;
      lane = null;
      if (held) deps.closeLane(await held);
    };
    try {
      for (;;) {
        // A read or reload waiting for its turn stops the sending: it comes once the groups in flight ended.
        if (queue.length > 0 && flying.length < depth && !readersWaiting(workspaceId)) {
          const batch = queue.splice(0, batchSize);
          const flight = await launch(workspaceId, batch, flying[0], useLane);
          if (flight) {
            flying.push(flight);
            continue;
          }
          // It needs the first group's outcome (a read of rows, a snapshot due): it goes next, alone.
          queue.unshift(...batch);
        }
        const first = flying.shift();
        if (!first) break;
        if (flying.length === 0 && queue.length === 0 && depth > 1) {
          // Nothing else to send yet: wake for the first group's end or for a new event, whichever is first.
          const woke = await Promise.race([
            first.done,
            new Promise<'event'>((r) => wakers.set(workspaceId, () => r('event'))),
          ]);
          wakers.delete(workspaceId);
          if (woke === 'event') {
            flying.unshift(first);
            continue;
          }
        }
        const committed = await first.done;
        if (flying.length === 0) await release();
        if (committed) continue;
        // The first failed, so the one decided after it fails too (its check): retry both, in order.
        const later = flying.splice(0);
        const outcomes = await Promise.all(later.map((f) => f.done));
        await release();
        for (const item of first.batch) await run(workspaceId, [item]).catch(() => {});
        for (const [i, f] of later.entries()) if (!outcomes[i]) await retried(workspaceId, f.batch);
      }
    } finally {
      await Promise.all(flying.map((f) => f.done));
      await release();
    }
  }

  /** Runs a group; if it fails, its events one at a time, so that only the event at fault is refused. */
  async function retried(workspaceId: string, batch: Pending[]): Promise<void> {
    try {
      await run(workspaceId, batch);
    } catch {
      for (const item of batch) await run(workspaceId, [item]).catch(() => {});
    }
  }

  /** Starts a group and answers it once sent, or null if it cannot be sent while `ahead` is in flight. */
  function launch(
    workspaceId: string,
    batch: Pending[],
    ahead: Flight | undefined,
    lane: () => Promise<ScriptLane | null>,
  ): Promise<Flight | null> {
    return new Promise((sent) => {
      const flight: Flight = {
        batch,
        h: null,
        inputs: { count: 0, mark: '' },
        lastId: null,
        done: Promise.resolve(false),
      };
      flight.done = run(workspaceId, batch, { ahead, flight, lane, sent: () => sent(flight) }).then(
        (outcome) => {
          if (outcome === 'declined') sent(null);
          return outcome === 'committed';
        },
        () => {
          sent(flight);
          return false;
        },
      );
    });
  }

  return { pipeline };
}
