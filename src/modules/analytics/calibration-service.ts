/**
 * Calibration sessions: a supervisor names evaluators who each score the same interaction against the
 * same scorecard; the session shows how far apart their scores are (`quality/calibration.ts`).
 * Calibration scores train evaluators: they never count in an agent's quality figures.
 */
import { desc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { InteractionService } from '../interactions/index.ts';
import type { EvaluationService } from './evaluation-service.ts';
import { spread } from './quality/calibration.ts';
import type { Answers } from './quality/scoring.ts';
import { qualityCalibrations } from './schema.ts';
import type { ScorecardService } from './scorecard-service.ts';

export interface CalibrationDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  interactions: Pick<InteractionService, 'get'>;
  scorecards: ScorecardService;
  evaluations: EvaluationService;
  /** Whether a user of the workspace may evaluate (holds `supervise`); unknown users are false. */
  mayEvaluate(workspaceId: string, userId: string): Promise<boolean>;
}

type Row = typeof qualityCalibrations.$inferSelect;

export function createCalibrationService(deps: CalibrationDeps) {
  const table = qualityCalibrations;

  async function find(workspaceId: string, id: string): Promise<Row> {
    const [row] = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table, eq(table.id, id)));
    if (!row) throw errors.notFound('Calibration session');
    return row;
  }

  /** Opens a session. Every evaluator must be a user of the workspace who may evaluate. */
  async function create(
    workspaceId: string,
    actorId: string,
    input: { title: string; scorecardId: string; interactionId: string; evaluatorIds: string[] },
  ) {
    await deps.scorecards.get(workspaceId, input.scorecardId);
    const interaction = await deps.interactions.get(workspaceId, input.interactionId);
    if (!interaction.agentId)
      throw errors.conflict(
        'quality.not_handled',
        'No agent handled this interaction: there is no work to evaluate',
      );
    const evaluatorIds = [...new Set(input.evaluatorIds)];
    if (evaluatorIds.length < 2)
      throw errors.badRequest('quality.too_few_evaluators', 'A calibration needs at least two evaluators');
    for (const id of evaluatorIds)
      if (!(await deps.mayEvaluate(workspaceId, id)))
        throw errors.badRequest('quality.not_an_evaluator', `User ${id} cannot evaluate in this workspace`);
    const row: Row = {
      id: deps.newId(),
      workspaceId,
      title: input.title.trim(),
      scorecardId: input.scorecardId,
      interactionId: input.interactionId,
      evaluatorIds,
      status: 'open',
      createdBy: actorId,
      createdAt: deps.clock.now(),
    };
    await deps.db.insert(table).values(row);
    return get(workspaceId, row.id);
  }

  /** Sessions, newest first. */
  async function list(workspaceId: string) {
    const rows = await deps.db
      .select()
      .from(table)
      .where(scoped(deps.db, workspaceId).where(table))
      .orderBy(desc(table.createdAt))
      .limit(200);
    return rows.map(summary);
  }

  /** A session with its scores and their spread. */
  async function get(workspaceId: string, id: string) {
    const row = await find(workspaceId, id);
    const card = await deps.scorecards.get(workspaceId, row.scorecardId);
    const evaluations = await deps.evaluations.ofCalibration(workspaceId, id);
    return {
      ...summary(row),
      evaluations,
      pending: row.evaluatorIds.filter((e) => !evaluations.some((v) => v.evaluatorId === e)),
      spread: spread(
        card.definition,
        evaluations.map((e) => ({ evaluatorId: e.evaluatorId, score: e.score, answers: e.answers })),
      ),
    };
  }

  /** One named evaluator's score in an open session. */
  async function score(
    workspaceId: string,
    evaluatorId: string,
    id: string,
    input: { answers: Answers; comment?: string | null },
  ) {
    const row = await find(workspaceId, id);
    if (row.status !== 'open') throw errors.conflict('quality.calibration_closed', 'This session is closed');
    if (!row.evaluatorIds.includes(evaluatorId))
      throw new AppError('quality.not_invited', 403, 'You are not an evaluator of this session');
    await deps.evaluations.create(workspaceId, evaluatorId, {
      scorecardId: row.scorecardId,
      interactionId: row.interactionId,
      calibrationId: row.id,
      ...input,
    });
    return get(workspaceId, id);
  }

  async function close(workspaceId: string, id: string) {
    await find(workspaceId, id);
    await scoped(deps.db, workspaceId).update(table, { status: 'closed' }, eq(table.id, id));
    return get(workspaceId, id);
  }

  return { create, list, get, score, close };
}

function summary(r: Row) {
  return {
    id: r.id,
    title: r.title,
    scorecardId: r.scorecardId,
    interactionId: r.interactionId,
    evaluatorIds: r.evaluatorIds,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
