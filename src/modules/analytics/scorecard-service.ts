/** Quality scorecards: a workspace's forms for evaluating interactions (see `quality/scoring.ts`). */
import { asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import { checkScorecard, type ScorecardDefinition } from './quality/scoring.ts';
import { qualityScorecards } from './schema.ts';

export interface ScorecardInput {
  name: string;
  description?: string | null;
  definition: ScorecardDefinition;
  active?: boolean;
}

export interface ScorecardDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

function check(definition: ScorecardDefinition): void {
  const problems = checkScorecard(definition);
  if (problems.length > 0)
    throw errors.badRequest('quality.invalid_scorecard', problems.join('; '), { problems });
}

export function createScorecardService(deps: ScorecardDeps) {
  /** The workspace's scorecards by name; inactive ones only when asked. */
  async function list(workspaceId: string, includeInactive = false) {
    const rows = await deps.db
      .select()
      .from(qualityScorecards)
      .where(
        scoped(deps.db, workspaceId).where(
          qualityScorecards,
          includeInactive ? undefined : eq(qualityScorecards.active, true),
        ),
      )
      .orderBy(asc(qualityScorecards.name));
    return rows.map(toResponse);
  }

  async function get(workspaceId: string, id: string) {
    const [row] = await deps.db
      .select()
      .from(qualityScorecards)
      .where(scoped(deps.db, workspaceId).where(qualityScorecards, eq(qualityScorecards.id, id)));
    if (!row) throw errors.notFound('Scorecard');
    return toResponse(row);
  }

  /**
   * @example await scorecards.create(ws, userId, { name: 'Chat', definition: { sections: [...] } });
   */
  async function create(workspaceId: string, actorId: string, input: ScorecardInput) {
    check(input.definition);
    const now = deps.clock.now();
    const row = {
      id: deps.newId(),
      name: input.name.trim(),
      description: input.description?.trim() || null,
      definition: input.definition,
      active: input.active ?? true,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    };
    await scoped(deps.db, workspaceId).insert(qualityScorecards, row);
    return toResponse({ ...row, workspaceId });
  }

  /** Replaces a scorecard. Evaluations already given keep the definition they were scored with. */
  async function update(workspaceId: string, id: string, input: ScorecardInput) {
    await get(workspaceId, id);
    check(input.definition);
    await scoped(deps.db, workspaceId).update(
      qualityScorecards,
      {
        name: input.name.trim(),
        description: input.description?.trim() || null,
        definition: input.definition,
        active: input.active ?? true,
        updatedAt: deps.clock.now(),
      },
      eq(qualityScorecards.id, id),
    );
    return get(workspaceId, id);
  }

  return { list, get, create, update };
}

function toResponse(r: typeof qualityScorecards.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    definition: r.definition,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;
