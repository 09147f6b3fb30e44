import { eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { type BusinessHours, calendarProblems, isTimeZone } from './calendar.ts';
import { workspaces } from './schema.ts';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLanguage: 'es' | 'en';
  defaultCountry: string;
  businessHours: BusinessHours;
}

export type WorkspaceChanges = Partial<Omit<Workspace, 'id' | 'slug'>>;

const columns = {
  id: workspaces.id,
  slug: workspaces.slug,
  name: workspaces.name,
  timeZone: workspaces.timeZone,
  defaultLanguage: workspaces.defaultLanguage,
  defaultCountry: workspaces.defaultCountry,
  businessHours: workspaces.businessHours,
};

export const DEFAULT_HOURS: BusinessHours = {
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '18:00' })),
  holidays: [],
};

export function createWorkspaceService(deps: { db: Db; uow: UnitOfWork; clock: Clock; newId: IdGenerator }) {
  const { db, uow, clock, newId } = deps;

  async function get(id: string): Promise<Workspace> {
    const [row] = await db.select(columns).from(workspaces).where(eq(workspaces.id, id));
    if (!row) throw errors.notFound('Workspace');
    return row;
  }

  async function findBySlug(slug: string): Promise<Workspace | null> {
    const [row] = await db.select(columns).from(workspaces).where(eq(workspaces.slug, slug));
    return row ?? null;
  }

  async function list(): Promise<Workspace[]> {
    return db.select(columns).from(workspaces).orderBy(workspaces.slug);
  }

  async function create(
    input: Omit<Workspace, 'id' | 'businessHours'> & { businessHours?: BusinessHours },
  ): Promise<Workspace> {
    validate(input);
    if (await findBySlug(input.slug))
      throw errors.conflict('workspaces.slug_taken', `Workspace "${input.slug}" exists`);
    const now = clock.now();
    const row = { ...input, id: newId(), businessHours: input.businessHours ?? DEFAULT_HOURS };
    await uow.run(async (tx, record) => {
      await tx.insert(workspaces).values({ ...row, createdAt: now, updatedAt: now });
      await record({
        workspaceId: row.id,
        type: 'workspace.created',
        subject: 'workspace',
        subjectId: row.id,
      });
    });
    return row;
  }

  async function update(id: string, changes: WorkspaceChanges, actorId: string | null): Promise<Workspace> {
    validate(changes);
    await uow.run(async (tx, record) => {
      await tx
        .update(workspaces)
        .set({ ...changes, updatedAt: clock.now() })
        .where(eq(workspaces.id, id));
      await record({
        workspaceId: id,
        type: 'workspace.updated',
        subject: 'workspace',
        subjectId: id,
        actorId,
        payload: { fields: Object.keys(changes) },
      });
    });
    return get(id);
  }

  return { get, findBySlug, list, create, update };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

function validate(input: WorkspaceChanges & { slug?: string }): void {
  if (input.slug !== undefined && !/^[a-z0-9][a-z0-9-]{1,40}$/.test(input.slug)) {
    throw errors.badRequest('workspaces.bad_slug', 'A slug is 2 to 41 lower-case letters, digits or dashes');
  }
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new AppError('validation.failed', 400, `Unknown time zone "${input.timeZone}"`, [
      { path: '/timeZone', message: 'unknown time zone' },
    ]);
  }
  if (input.businessHours) {
    const problems = calendarProblems(input.businessHours);
    if (problems.length > 0) throw new AppError('validation.failed', 400, problems[0]!.message, problems);
  }
}
