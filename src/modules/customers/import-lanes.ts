/**
 * Batches of one import written two at a time, each on its own connection and in its own transaction, so
 * the server writes one batch while it looks up the next (on two cores) and the process prepares a third.
 * The result is the one of writing them one after another, because:
 *
 * - a batch that shares an external id, an identity's match key or an organisation's name with the batch
 *   before it does not start until that one has committed (its look-ups must see what the other wrote);
 * - a batch writes only its new customers and identities before its turn, the point where the batch before
 *   it has committed; its updates, memberships, dictionary words, pairs and progress come after, so the
 *   commits keep the file's order and neither batch waits on a lock the other holds;
 * - at its turn, a batch whose look-ups found an existing customer the batch before it also wrote read that
 *   customer too early: it is rolled back (`StaleBatch`) and written again, alone;
 * - a batch's transaction takes its id (`open`) only after the batch before has taken its own, and is
 *   written again if that one had to start over after it: the event log orders events by transaction id,
 *   so the batches' progress events stay in the file's order.
 *
 * A crash still leaves each batch whole or absent, and never a later batch without an earlier one.
 */

/** Thrown at a batch's turn when its look-ups read a customer the batch before it wrote: write it again. */
export class StaleBatch extends Error {
  constructor() {
    super('an earlier batch of the import wrote a customer this batch had read');
  }
}

/** What a batch's writing is handed: the turn to await, with the existing customers its look-ups found. */
export interface BatchTurn {
  /** Opens a transaction of the batch: `assignId` is its first statement, which gives it its id. */
  open(assignId: () => Promise<unknown>): Promise<void>;
  /** Resolves once every earlier batch has committed; throws `StaleBatch`, or an earlier batch's failure. */
  turn(targetIds: readonly string[]): Promise<void>;
}

interface Slot {
  keys: ReadonlySet<string>;
  /** The existing customers its attempts found, and so may update. */
  targets: Set<string>;
  /** How many transactions it has opened. */
  opened: number;
  /** Resolves when its first transaction has its id, or when it ends. */
  begun: Promise<void>;
  done: Promise<void>;
  failure: { error: unknown } | null;
}

const shares = (a: ReadonlySet<string>, b: Iterable<string>) => {
  for (const k of b) if (a.has(k)) return true;
  return false;
};

/**
 * @param lanes how many batches may be in flight: 1 on PGlite (one connection), 2 on a server.
 * @example
 * const lanes = createBatchLanes(2);
 * await lanes.add(keysOf(rows), (batch) => writeWithTurn(rows, batch));
 * await lanes.drain();
 */
export function createBatchLanes(lanes: number) {
  const inFlight: Slot[] = [];
  let failure: { error: unknown } | null = null;

  const settle = async (slot: Slot) => {
    await slot.done;
    if (slot.failure) throw slot.failure.error;
  };
  const rethrow = () => {
    if (failure) throw failure.error;
  };

  return {
    /**
     * Starts writing a batch once a lane is free (and, if it shares a key with the batch before, once that
     * one has committed); resolves when it has started. Throws the failure of an earlier batch.
     */
    async add(keys: ReadonlySet<string>, write: (batch: BatchTurn) => Promise<void>): Promise<void> {
      while (inFlight.length >= Math.max(1, lanes)) await settle(inFlight[0]!);
      rethrow();
      const before = inFlight.at(-1) ?? null;
      if (before && shares(keys, before.keys)) await settle(before);
      if (before) await before.begun;
      let begin = () => {};
      const slot: Slot = {
        keys,
        targets: new Set(),
        opened: 0,
        begun: new Promise<void>((resolve) => {
          begin = resolve;
        }),
        done: Promise.resolve(),
        failure: null,
      };
      // Once the batch before has committed, later attempts of this one start after it: never stale.
      let committedBefore = before === null;
      let seen = 0;
      const batch: BatchTurn = {
        async open(assignId) {
          // Read before this transaction takes its id: an equal count at the turn means the batch before
          // took its last id earlier.
          seen = before?.opened ?? 0;
          await assignId();
          slot.opened++;
          begin();
        },
        async turn(targetIds) {
          for (const id of targetIds) slot.targets.add(id);
          if (committedBefore || !before) return;
          await settle(before);
          committedBefore = true;
          if (before.opened !== seen || shares(before.targets, targetIds)) throw new StaleBatch();
        },
      };
      slot.done = write(batch)
        .catch((error: unknown) => {
          slot.failure = { error };
          failure ??= slot.failure;
        })
        .finally(() => {
          begin();
          inFlight.splice(inFlight.indexOf(slot), 1);
        });
      inFlight.push(slot);
    },
    /** Waits for every batch in flight; throws the first failure. */
    async drain(): Promise<void> {
      while (inFlight.length > 0) await inFlight[0]!.done;
      rethrow();
    },
  };
}
