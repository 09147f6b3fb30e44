/** An interaction as services answer it: the row without its workspace and idempotency key. */
import type { interactions } from './schema.ts';

export type Row = typeof interactions.$inferSelect;

export const toInteraction = (r: Row) => ({
  id: r.id,
  channel: r.channel,
  direction: r.direction,
  customerId: r.customerId,
  subject: r.subject,
  language: r.language,
  attributes: r.attributes,
  priority: r.priority,
  valueTier: r.valueTier,
  queueId: r.queueId,
  state: r.state,
  agentId: r.agentId,
  scheduledFor: r.scheduledFor?.toISOString() ?? null,
  disposition: r.disposition,
  notes: r.notes,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  answeredAt: r.answeredAt?.toISOString() ?? null,
  endedAt: r.endedAt?.toISOString() ?? null,
});
