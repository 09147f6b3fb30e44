/** Runs a change and its events in one transaction, then notifies the bus once the transaction commits. */
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { type ScriptLane, type ScriptStep, scriptTransaction } from '../db/script.ts';
import type { EventBus } from './bus.ts';
import { appendEvents, appendEventsStatement, type NewEvent } from './log.ts';

export type RecordEvents = (...events: NewEvent[]) => Promise<void>;

export interface UnitOfWork {
  /**
   * @example
   * await uow.run(async (tx, record) => {
   *   await tx.insert(users).values(row);
   *   await record({ workspaceId, type: 'user.created', subject: 'user', subjectId: row.id });
   * });
   */
  run<T>(work: (tx: Db, record: RecordEvents) => Promise<T>): Promise<T>;
  /**
   * The same for a transaction written as a few multi-statement scripts, one round trip each (see
   * `db/script.ts`): `events(list)` is the statement that appends them, to put in a step. On a `lane`, it
   * is sent on that connection, after the transactions sent on it before.
   * @example
   * await uow.script(async (step, events) => {
   *   await step([insertStatement, events([{ workspaceId, type: 'x.done', subject: 'x' }])], { commit: true });
   * });
   */
  script<T>(
    work: (step: ScriptStep, events: (list: NewEvent[]) => string) => Promise<T>,
    lane?: ScriptLane | null,
  ): Promise<T>;
}

export function createUnitOfWork(db: Db, bus: EventBus, clock: Clock): UnitOfWork {
  return {
    async run(work) {
      const touched = new Set<string>();
      const result = await db.transaction(async (tx) => {
        const record: RecordEvents = async (...list) => {
          for (const e of list) touched.add(e.workspaceId);
          await appendEvents(tx as unknown as Db, clock, list);
        };
        return work(tx as unknown as Db, record);
      });
      for (const ws of touched) bus.notify(ws);
      return result;
    },
    async script(work, lane) {
      const touched = new Set<string>();
      const events = (list: NewEvent[]) => {
        for (const e of list) touched.add(e.workspaceId);
        return appendEventsStatement(list, clock.now());
      };
      const result = await scriptTransaction(db, (step) => work(step, events), lane);
      for (const ws of touched) bus.notify(ws);
      return result;
    },
  };
}
