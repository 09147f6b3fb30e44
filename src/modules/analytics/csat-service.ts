/**
 * Customer satisfaction: one survey answer (1–5 and an optional comment) per interaction, linked to the
 * interaction, its agent and the customer's timeline, and written to the log as `csat.recorded` so the
 * reports count it.
 */
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { TimelineEntryInput } from '../customers/index.ts';
import type { InteractionService } from '../interactions/index.ts';
import { csatResponses } from './schema.ts';

export interface CsatDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  interactions: Pick<InteractionService, 'get'>;
  recordTimelineEntry(tx: Db, entry: TimelineEntryInput): Promise<string>;
}

/** Channels whose contacts are surveyed after they end. */
export const SURVEYED_CHANNELS = ['chat', 'email'];

export function createCsatService(deps: CsatDeps) {
  /**
   * Records the customer's answer. Refuses a contact that no agent answered, a channel that is not
   * surveyed, and a second answer (409).
   */
  async function record(
    workspaceId: string,
    interactionId: string,
    input: { rating: number; comment?: string | null },
  ) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    if (!SURVEYED_CHANNELS.includes(interaction.channel))
      throw new AppError(
        'analytics.not_surveyed',
        400,
        `Surveys follow ${SURVEYED_CHANNELS.join(' and ')} contacts`,
      );
    if (!interaction.agentId || !interaction.answeredAt)
      throw new AppError('analytics.not_answered', 409, 'No agent handled this interaction');
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const row = {
      id: deps.newId(),
      workspaceId,
      interactionId,
      agentId: interaction.agentId,
      customerId: interaction.customerId,
      rating: input.rating,
      comment,
      createdAt: deps.clock.now(),
    };
    try {
      await deps.uow.run(async (tx, recordEvent) => {
        await tx.insert(csatResponses).values(row);
        await recordEvent({
          workspaceId,
          type: 'csat.recorded',
          subject: 'interaction',
          subjectId: interactionId,
          topics: [
            `interaction:${interactionId}`,
            `user:${interaction.agentId}`,
            ...(interaction.customerId ? [`customer:${interaction.customerId}`] : []),
          ],
          payload: { rating: row.rating, comment, agentId: row.agentId, customerId: row.customerId },
        });
        if (interaction.customerId) {
          await deps.recordTimelineEntry(tx, {
            workspaceId,
            customerId: interaction.customerId,
            at: row.createdAt,
            kind: 'csat',
            channel: interaction.channel,
            refId: row.id,
            summary: `CSAT ${row.rating}/5${comment ? `: ${comment}` : ''}`,
            payload: { rating: row.rating, comment, interactionId, agentId: row.agentId },
          });
        }
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('analytics.already_rated', 409, 'This interaction already has a survey answer');
      throw error;
    }
    return toResponse(row);
  }

  /** Answers, newest first, optionally of one agent, between two instants. */
  async function list(
    workspaceId: string,
    filter: { agentId?: string; from?: string; to?: string; limit: number },
  ) {
    const rows = await deps.db
      .select()
      .from(csatResponses)
      .where(
        scoped(deps.db, workspaceId).where(
          csatResponses,
          filter.agentId ? eq(csatResponses.agentId, filter.agentId) : undefined,
          filter.from ? gte(csatResponses.createdAt, new Date(filter.from)) : undefined,
          filter.to ? lt(csatResponses.createdAt, new Date(filter.to)) : undefined,
        ),
      )
      .orderBy(desc(csatResponses.createdAt))
      .limit(filter.limit);
    return rows.map(toResponse);
  }

  /** The answer of one interaction, or null. */
  async function ofInteraction(workspaceId: string, interactionId: string) {
    await deps.interactions.get(workspaceId, interactionId);
    const [row] = await deps.db
      .select()
      .from(csatResponses)
      .where(and(eq(csatResponses.workspaceId, workspaceId), eq(csatResponses.interactionId, interactionId)));
    return row ? toResponse(row) : null;
  }

  return { record, list, ofInteraction };
}

function toResponse(r: typeof csatResponses.$inferSelect) {
  return {
    id: r.id,
    interactionId: r.interactionId,
    agentId: r.agentId,
    customerId: r.customerId,
    rating: r.rating,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}

export type CsatService = ReturnType<typeof createCsatService>;
