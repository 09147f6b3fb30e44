/**
 * Quality evaluations: an evaluator scores an interaction against a scorecard, reading its transcript or
 * message thread; the agent acknowledges the evaluation or disputes it, and a supervisor resolves a
 * dispute (re-scoring it if need be). Each step is a `quality.*` event on the agent's topic, so the
 * agent's screen hears of it at once.
 */
import { and, desc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { InteractionService } from '../interactions/index.ts';
import { type Answers, checkAnswers, type ScorecardDefinition, score } from './quality/scoring.ts';
import { qualityEvaluations } from './schema.ts';
import type { ScorecardService } from './scorecard-service.ts';

export interface EvaluationDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  interactions: Pick<InteractionService, 'get' | 'listMessages'>;
  scorecards: ScorecardService;
}

/** Who asks: supervisors see every evaluation, agents only their own. */
export interface Viewer {
  userId: string;
  supervises: boolean;
}

export interface EvaluationFilter {
  agentId?: string;
  interactionId?: string;
  status?: string;
  from?: string;
  to?: string;
  limit: number;
}

type Row = typeof qualityEvaluations.$inferSelect;

function scoreOrFail(definition: ScorecardDefinition, answers: Answers) {
  const problems = checkAnswers(definition, answers);
  if (problems.length > 0)
    throw errors.badRequest('quality.invalid_answers', problems.join('; '), { problems });
  return score(definition, answers);
}

export function createEvaluationService(deps: EvaluationDeps) {
  const table = qualityEvaluations;

  async function find(workspaceId: string, id: string): Promise<Row> {
    const [row] = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table, eq(table.id, id)));
    if (!row) throw errors.notFound('Evaluation');
    return row;
  }

  /** An evaluation the viewer may see (an agent's own, or any for a supervisor); others are 404. */
  async function get(workspaceId: string, viewer: Viewer, id: string) {
    const row = await find(workspaceId, id);
    if (!viewer.supervises && row.agentId !== viewer.userId) throw errors.notFound('Evaluation');
    return toResponse(row);
  }

  /** What an evaluator reads: the interaction, its messages and the evaluations it already has. */
  async function review(workspaceId: string, interactionId: string) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    const messages = await deps.interactions.listMessages(workspaceId, interactionId);
    const evaluations = await list(
      workspaceId,
      { userId: '', supervises: true },
      { interactionId, limit: 50 },
    );
    return { interaction, messages, evaluations };
  }

  /**
   * Scores an interaction. It must have been handled by an agent; the scorecard must be active.
   * A calibration evaluation (`calibrationId`) is checked by the calibration service first.
   * @example await evaluations.create(ws, evaluatorId, { scorecardId, interactionId, answers: { greet: 1 } });
   */
  async function create(
    workspaceId: string,
    evaluatorId: string,
    input: {
      scorecardId: string;
      interactionId: string;
      answers: Answers;
      comment?: string | null;
      calibrationId?: string;
    },
  ) {
    const card = await deps.scorecards.get(workspaceId, input.scorecardId);
    const interaction = await deps.interactions.get(workspaceId, input.interactionId);
    if (!card.active && !input.calibrationId)
      throw errors.conflict('quality.inactive_scorecard', 'This scorecard is no longer in use');
    if (!interaction.agentId)
      throw errors.conflict(
        'quality.not_handled',
        'No agent handled this interaction: there is no work to evaluate',
      );
    const result = scoreOrFail(card.definition, input.answers);
    const now = deps.clock.now();
    const row: Row = {
      id: deps.newId(),
      workspaceId,
      scorecardId: card.id,
      scorecardName: card.name,
      definition: card.definition,
      interactionId: interaction.id,
      agentId: interaction.agentId,
      queueId: interaction.queueId,
      channel: interaction.channel,
      evaluatorId,
      calibrationId: input.calibrationId ?? null,
      answers: input.answers,
      comment: input.comment?.trim() || null,
      score: result.score,
      rawScore: result.rawScore,
      criticalFailed: result.criticalFailed,
      sectionScores: result.sections,
      status: input.calibrationId ? 'calibration' : 'submitted',
      agentComment: null,
      resolution: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.uow.run(async (tx, recordEvent) => {
        await tx.insert(table).values(row);
        if (!input.calibrationId) await recordEvent(event(row, 'quality.evaluated'));
      });
    } catch (error) {
      const e = error as { code?: string; cause?: { code?: string } };
      if (e.code === '23505' || e.cause?.code === '23505')
        throw errors.conflict('quality.already_scored', 'You already scored this calibration session');
      throw error;
    }
    return toResponse(row);
  }

  /** Evaluations the viewer may see, newest first; calibration scores only when asked by interaction. */
  async function list(workspaceId: string, viewer: Viewer, filter: EvaluationFilter) {
    const conditions: (SQL | undefined)[] = [
      viewer.supervises ? undefined : eq(table.agentId, viewer.userId),
      filter.agentId ? eq(table.agentId, filter.agentId) : undefined,
      filter.interactionId ? eq(table.interactionId, filter.interactionId) : isNull(table.calibrationId),
      filter.status ? eq(table.status, filter.status) : undefined,
      filter.from ? gte(table.createdAt, new Date(filter.from)) : undefined,
      filter.to ? lt(table.createdAt, new Date(filter.to)) : undefined,
    ];
    const rows = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table, ...conditions))
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(filter.limit);
    return rows.map(toResponse);
  }

  /** Calibration scores of one session, for the calibration service. */
  async function ofCalibration(workspaceId: string, calibrationId: string) {
    const rows = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table, eq(table.calibrationId, calibrationId)))
      .orderBy(table.createdAt);
    return rows.map(toResponse);
  }

  /** The evaluated agent acknowledges, or disputes with a reason; only once, only their own. */
  async function respond(
    workspaceId: string,
    viewer: Viewer,
    id: string,
    answer: { dispute: boolean; comment?: string | null },
  ) {
    const row = await find(workspaceId, id);
    if (row.agentId !== viewer.userId) {
      if (viewer.supervises)
        throw new AppError('quality.not_yours', 403, 'Only the evaluated agent acknowledges or disputes');
      throw errors.notFound('Evaluation');
    }
    if (row.status !== 'submitted')
      throw errors.conflict('quality.already_answered', `This evaluation is already ${row.status}`);
    const comment = answer.comment?.trim() || null;
    if (answer.dispute && !comment)
      throw errors.badRequest('quality.reason_required', 'Say why you dispute the evaluation');
    return change(row, {
      status: answer.dispute ? 'disputed' : 'acknowledged',
      agentComment: comment,
    });
  }

  /** A supervisor settles a dispute, with new answers if the score changes. */
  async function resolve(workspaceId: string, id: string, input: { resolution: string; answers?: Answers }) {
    const row = await find(workspaceId, id);
    if (row.status !== 'disputed')
      throw errors.conflict(
        'quality.not_disputed',
        `Only disputed evaluations are resolved; this one is ${row.status}`,
      );
    const rescored = input.answers ? scoreOrFail(row.definition, input.answers) : null;
    return change(row, {
      status: 'resolved',
      resolution: input.resolution.trim(),
      ...(rescored && input.answers
        ? {
            answers: input.answers,
            score: rescored.score,
            rawScore: rescored.rawScore,
            criticalFailed: rescored.criticalFailed,
            sectionScores: rescored.sections,
          }
        : {}),
    });
  }

  async function change(row: Row, set: Partial<Row>) {
    const next = { ...row, ...set, updatedAt: deps.clock.now() };
    await deps.uow.run(async (tx, recordEvent) => {
      await tx
        .update(table)
        .set({ ...set, updatedAt: next.updatedAt })
        .where(and(eq(table.workspaceId, row.workspaceId), eq(table.id, row.id)));
      await recordEvent(event(next, `quality.${next.status}`));
    });
    return toResponse(next);
  }

  return { get, review, create, list, ofCalibration, respond, resolve };
}

function event(row: Row, type: string) {
  return {
    workspaceId: row.workspaceId,
    type,
    subject: 'evaluation',
    subjectId: row.id,
    topics: [`interaction:${row.interactionId}`, ...(row.agentId ? [`user:${row.agentId}`] : [])],
    payload: { interactionId: row.interactionId, agentId: row.agentId, score: row.score, status: row.status },
  };
}

export function toResponse(r: Row) {
  return {
    id: r.id,
    scorecardId: r.scorecardId,
    scorecardName: r.scorecardName,
    definition: r.definition,
    interactionId: r.interactionId,
    agentId: r.agentId,
    queueId: r.queueId,
    channel: r.channel,
    evaluatorId: r.evaluatorId,
    calibrationId: r.calibrationId,
    answers: r.answers,
    comment: r.comment,
    score: r.score,
    rawScore: r.rawScore,
    criticalFailed: r.criticalFailed,
    sectionScores: r.sectionScores,
    status: r.status,
    agentComment: r.agentComment,
    resolution: r.resolution,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
export type Evaluation = ReturnType<typeof toResponse>;
