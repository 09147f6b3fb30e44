/** What the scripting services share: their dependencies, reached only through other modules' public surfaces. */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { RecordEvents, UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { CustomerSummary, TimelineEntryInput } from '../customers/index.ts';
import type { NewConversation } from '../email/index.ts';
import type { Interaction, NewInteraction, TransitionRequest } from '../interactions/index.ts';
import type { KnowledgeAnswer } from '../knowledge/index.ts';

export interface ScriptingDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  customers: {
    getCustomerSummary(workspaceId: string, id: string): Promise<CustomerSummary>;
    customFields(workspaceId: string, id: string): Promise<Record<string, string | number | boolean>>;
    fieldKeys(workspaceId: string): Promise<string[]>;
    findByIdentity(workspaceId: string, kind: 'email', value: string): Promise<CustomerSummary | null>;
    sample(workspaceId: string, limit: number): Promise<{ id: string; tier: string }[]>;
    identityValues(workspaceId: string, id: string, kind: 'email'): Promise<string[]>;
  };
  /** Sends a script's e-mails as new conversations of the e-mail channel. */
  email: {
    startConversation(
      workspaceId: string,
      input: NewConversation,
    ): Promise<{ interactionId: string; created: boolean }>;
  };
  recordTimelineEntry(tx: Db, entry: TimelineEntryInput): Promise<string>;
  interactions: {
    get(workspaceId: string, id: string): Promise<Interaction>;
    create(
      workspaceId: string,
      input: NewInteraction,
      actorId: string | null,
    ): Promise<{ interaction: Interaction; created: boolean }>;
    applyTransitions(
      tx: Db,
      record: RecordEvents,
      workspaceId: string,
      requests: TransitionRequest[],
    ): Promise<Map<string, Interaction>>;
  };
  /** Knowledge articles as the answers answer steps embed. */
  knowledge: {
    answers(workspaceId: string, ids: string[]): Promise<Map<string, KnowledgeAnswer>>;
    articleIdOf(workspaceId: string, externalId: string): Promise<string | null>;
  };
  users: { get(workspaceId: string, id: string): Promise<{ name: string }> };
  workspaces: { list(): Promise<{ id: string }[]> };
}

/** The custom field that holds a customer's segment, which promotions name. */
export const SEGMENT_FIELD = 'segmento';
