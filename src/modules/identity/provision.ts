import type { Db } from '../../platform/db/connect.ts';
import type { Workspace, WorkspaceService } from '../workspaces/index.ts';
import type { RoleService } from './roles-service.ts';
import type { NewUser, UserService } from './users-service.ts';

/** Creates a workspace with its built-in roles and, optionally, its first users. */
export function createProvisioner(deps: {
  workspaces: WorkspaceService;
  roles: RoleService;
  users: UserService;
  db: Db;
}) {
  return async function provisionWorkspace(
    input: Omit<Workspace, 'id' | 'businessHours'> & { businessHours?: Workspace['businessHours'] },
    people: NewUser[] = [],
  ): Promise<Workspace> {
    const workspace = await deps.workspaces.create(input);
    await deps.db.transaction(async (tx) => deps.roles.seedBuiltIns(tx as unknown as Db, workspace.id));
    for (const person of people) await deps.users.create(workspace.id, person, null);
    return workspace;
  };
}
