/** What the e-mail services share: the database, the clock, and the other modules they use. */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import type { CustomerSummary, IdentityKind, TimelineEntryInput } from '../customers/index.ts';
import type { InteractionService, Router } from '../interactions/index.ts';
import type { Limits } from './parse.ts';
import type { Send } from './transport.ts';

export interface EmailDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  box: SecretBox;
  interactions: InteractionService;
  router: Router;
  queues: {
    checkQueue(workspaceId: string, queueId: string): Promise<void>;
    getQueue(
      workspaceId: string,
      key: string,
    ): Promise<{ targets: Record<string, { percent: number; seconds: number }> } | null>;
  };
  customers: {
    findOrCreateByIdentity(
      workspaceId: string,
      identity: { kind: IdentityKind; value: string },
      defaults?: { name?: string },
    ): Promise<{ customer: CustomerSummary; created: boolean }>;
    recordTimelineEntry(tx: Db, entry: TimelineEntryInput): Promise<string>;
  };
  users: { get(workspaceId: string, id: string): Promise<{ name: string; email: string }> };
  /** Sends through a mailbox's server; tests and benchmarks may count what leaves. */
  send?: Send;
  limits?: Partial<Limits>;
}
