import { and, asc, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import type { RoleService } from './roles-service.ts';
import { users } from './schema.ts';
import { hashPassword, passwordProblem } from './secrets.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  language: 'es' | 'en';
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
  language?: 'es' | 'en';
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  language: users.language,
  active: users.active,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

type Row = { createdAt: Date; lastLoginAt: Date | null } & Omit<User, 'createdAt' | 'lastLoginAt'>;
const toUser = (r: Row): User => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
});

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function createUserService(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  roles: RoleService;
  onChange: (userId: string) => void;
}) {
  const { db, uow, clock, newId } = deps;

  async function list(workspaceId: string, page: PageRequest, q?: string) {
    const ws = scoped(db, workspaceId);
    const search = q
      ? or(ilike(users.email, `%${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`))
      : undefined;
    const after = page.after ? afterKey(page.after) : undefined;
    const rows = await db
      .select(columns)
      .from(users)
      .where(ws.where(users, search, after))
      .orderBy(asc(users.email), asc(users.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.email, r.id]);
    return { items: result.items.map(toUser), nextCursor: result.nextCursor };
  }

  async function get(workspaceId: string, id: string): Promise<User> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select(columns)
      .from(users)
      .where(ws.where(users, eq(users.id, id)));
    if (!row) throw errors.notFound('User');
    return toUser(row);
  }

  async function create(workspaceId: string, input: NewUser, actorId: string | null): Promise<User> {
    const email = normaliseEmail(input.email);
    const problem = passwordProblem(input.password);
    if (problem) throw fieldError('users.weak_password', '/password', `Password ${problem}`);
    if (!(await deps.roles.exists(workspaceId, input.role))) {
      throw fieldError('users.unknown_role', '/role', `Unknown role "${input.role}"`);
    }
    const ws = scoped(db, workspaceId);
    const taken = await db
      .select({ id: users.id })
      .from(users)
      .where(ws.where(users, eq(users.email, email)));
    if (taken.length > 0)
      throw fieldError('users.email_taken', '/email', `A user with e-mail ${email} exists`, 409);
    const id = newId();
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    const language = input.language ?? 'es';
    await uow.run(async (tx, record) => {
      const row = {
        id,
        email,
        name: input.name.trim(),
        role: input.role,
        language,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      };
      await scoped(tx, workspaceId).insert(users, row);
      await record({
        workspaceId,
        type: 'security.user_created',
        subject: 'security',
        subjectId: id,
        actorId,
        payload: { email, role: input.role },
      });
    });
    return get(workspaceId, id);
  }

  async function update(
    workspaceId: string,
    id: string,
    changes: { name?: string; role?: string; language?: 'es' | 'en'; active?: boolean },
    actorId: string,
  ): Promise<User> {
    const before = await get(workspaceId, id);
    if (changes.role && !(await deps.roles.exists(workspaceId, changes.role))) {
      throw fieldError('users.unknown_role', '/role', `Unknown role "${changes.role}"`);
    }
    if (id === actorId && (changes.active === false || (changes.role && changes.role !== before.role))) {
      throw new AppError('users.self_lockout', 400, 'You cannot deactivate yourself or change your own role');
    }
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(users, { ...changes, updatedAt: clock.now() }, eq(users.id, id));
      const security = changes.role !== undefined || changes.active !== undefined;
      await record({
        workspaceId,
        type: security ? 'security.user_changed' : 'user.updated',
        subject: security ? 'security' : 'user',
        subjectId: id,
        actorId,
        payload: { ...changes },
      });
    });
    deps.onChange(id);
    return get(workspaceId, id);
  }

  return { list, get, create, update };
}

export type UserService = ReturnType<typeof createUserService>;

function afterKey(after: unknown[]): SQL | undefined {
  const [email, id] = after;
  if (typeof email !== 'string' || typeof id !== 'string') return undefined;
  return or(gt(users.email, email), and(eq(users.email, email), gt(users.id, id)));
}

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function fieldError(code: string, path: string, message: string, status = 400): AppError {
  return new AppError(code, status, message, [{ path, message }]);
}
