import { asc, eq } from 'drizzle-orm';
import { BUILT_IN_ROLES, isPermission } from '../../platform/auth/permissions.ts';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { roles } from './schema.ts';

export interface Role {
  key: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
}

const columns = { key: roles.key, name: roles.name, builtIn: roles.builtIn, permissions: roles.permissions };

export function createRoleService(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  onChange: () => void;
}) {
  const { db, uow, clock, newId } = deps;

  async function list(workspaceId: string): Promise<Role[]> {
    const ws = scoped(db, workspaceId);
    return db.select(columns).from(roles).where(ws.where(roles)).orderBy(asc(roles.builtIn), asc(roles.key));
  }

  async function get(workspaceId: string, key: string): Promise<Role> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select(columns)
      .from(roles)
      .where(ws.where(roles, eq(roles.key, key)));
    if (!row) throw errors.notFound(`Role "${key}"`);
    return row;
  }

  async function exists(workspaceId: string, key: string): Promise<boolean> {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select({ key: roles.key })
      .from(roles)
      .where(ws.where(roles, eq(roles.key, key)));
    return rows.length > 0;
  }

  /** Gives a new workspace the built-in roles. */
  async function seedBuiltIns(tx: Db, workspaceId: string): Promise<void> {
    const ws = scoped(tx, workspaceId);
    await ws.insertMany(
      roles,
      Object.entries(BUILT_IN_ROLES).map(([key, role]) => ({
        id: newId(),
        key,
        name: role.name,
        builtIn: true,
        permissions: [...role.permissions],
        createdAt: clock.now(),
      })),
    );
  }

  async function create(
    workspaceId: string,
    input: { key: string; name: string; permissions: string[] },
    actorId: string,
  ) {
    checkPermissions(input.permissions);
    if (await exists(workspaceId, input.key))
      throw errors.conflict('roles.key_taken', `Role "${input.key}" exists`);
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).insert(roles, {
        id: newId(),
        ...input,
        builtIn: false,
        createdAt: clock.now(),
      });
      await record({
        workspaceId,
        type: 'security.role_created',
        subject: 'security',
        actorId,
        payload: { ...input },
      });
    });
    return get(workspaceId, input.key);
  }

  async function update(
    workspaceId: string,
    key: string,
    changes: { name?: string; permissions?: string[] },
    actorId: string,
  ) {
    if (key === 'admin' && changes.permissions) {
      throw new AppError('roles.admin_fixed', 400, 'The administrator role always holds every permission');
    }
    if (changes.permissions) checkPermissions(changes.permissions);
    await get(workspaceId, key);
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(roles, changes, eq(roles.key, key));
      await record({
        workspaceId,
        type: 'security.role_changed',
        subject: 'security',
        actorId,
        payload: { key, ...changes },
      });
    });
    deps.onChange();
    return get(workspaceId, key);
  }

  return { list, get, exists, seedBuiltIns, create, update };
}

export type RoleService = ReturnType<typeof createRoleService>;

function checkPermissions(permissions: string[]): void {
  const unknown = permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0) {
    throw new AppError(
      'roles.unknown_permission',
      400,
      `Unknown permission "${unknown[0]}"`,
      unknown.map((p) => ({ path: '/permissions', message: `unknown permission "${p}"` })),
    );
  }
}
