/** Runs a change and its events in one transaction, then notifies the bus once the transaction commits. */
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from './bus.ts';
import { appendEvents, type NewEvent } from './log.ts';

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
  };
}
