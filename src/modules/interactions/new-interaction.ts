/** A new interaction as its caller describes it, and the row, first message and event it becomes. */
import type { IdGenerator } from '../../platform/clock.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { Channel, InteractionState } from './lifecycle.ts';
import { type PreparedInteraction, type Row, toInteraction, topicsOf } from './transitions.ts';

export interface NewInteraction {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  customerId?: string | null;
  subject?: string | null;
  language?: string | null;
  attributes?: Record<string, unknown>;
  priority?: number;
  valueTier?: string | null;
  queueId?: string | null;
  idempotencyKey?: string | null;
  scheduledFor?: string | null;
  /** The first message, stored in the same transaction. */
  message?: string | null;
}

/** A new interaction's row, first message and creation event, ready to insert. Pure. */
export function prepareInteraction(
  workspaceId: string,
  input: NewInteraction,
  actorId: string | null,
  now: Date,
  newId: IdGenerator,
): PreparedInteraction {
  const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : null;
  const state: InteractionState =
    scheduledFor && scheduledFor > now ? 'scheduled' : input.queueId ? 'queued' : 'new';
  const row: Row = {
    id: newId(),
    workspaceId,
    channel: input.channel,
    direction: input.direction,
    customerId: input.customerId ?? null,
    subject: input.subject ?? null,
    language: input.language ?? null,
    attributes: input.attributes ?? {},
    priority: input.priority ?? 0,
    valueTier: input.valueTier ?? null,
    queueId: input.queueId ?? null,
    state,
    agentId: null,
    idempotencyKey: input.idempotencyKey ?? null,
    scheduledFor,
    disposition: null,
    notes: null,
    createdAt: now,
    updatedAt: now,
    answeredAt: null,
    endedAt: null,
  };
  const message = input.message
    ? {
        id: newId(),
        workspaceId,
        interactionId: row.id,
        direction: input.direction === 'inbound' ? ('inbound' as const) : ('outbound' as const),
        authorId: actorId,
        body: input.message,
        createdAt: now,
      }
    : null;
  const event: NewEvent = {
    workspaceId,
    type: `interaction.${state === 'new' ? 'created' : state}`,
    subject: 'interaction',
    subjectId: row.id,
    actorId,
    topics: topicsOf(row),
    payload: {
      channel: row.channel,
      direction: row.direction,
      queueId: row.queueId,
      customerId: row.customerId,
      priority: row.priority,
    },
  };
  return { row, message, event, interaction: toInteraction(row) };
}
