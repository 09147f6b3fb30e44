/** Identity: users, roles, login sessions, API tokens, password resets and the security audit trail. */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import { adminRoutes } from './admin-routes.ts';
import { createAuditService } from './audit-service.ts';
import { authRoutes } from './auth-routes.ts';
import { createAuthService } from './auth-service.ts';
import { createAuthenticator } from './authenticator.ts';
import { createMeService } from './me-service.ts';
import { createProvisioner } from './provision.ts';
import { createRoleService } from './roles-service.ts';
import { createTokenService } from './tokens-service.ts';
import { createUserService } from './users-service.ts';

export type { NewUser, User } from './users-service.ts';

export interface IdentityDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  mailer: Mailer;
  workspaces: WorkspaceService;
  settings: {
    sessionTtlHours: number;
    loginMaxFailures: number;
    loginLockMinutes: number;
    publicUrl: string;
    secureCookies: boolean;
  };
}

/**
 * Wires the identity module.
 * @example const identity = createIdentity(deps); app.register(identity.routes, { prefix: '/api/v1' });
 */
export function createIdentity(deps: IdentityDeps) {
  const authenticator = createAuthenticator({
    db: deps.db,
    clock: deps.clock,
    sessionTtlHours: deps.settings.sessionTtlHours,
  });
  const onChange = (userId?: string) => {
    authenticator.invalidate(userId);
    me.invalidate(userId);
  };
  const base = { db: deps.db, uow: deps.uow, clock: deps.clock, newId: deps.newId };
  const roles = createRoleService({ ...base, onChange: () => onChange() });
  const users = createUserService({ ...base, roles, onChange });
  const me = createMeService({ users, workspaces: deps.workspaces, clock: deps.clock });
  const tokens = createTokenService({ ...base, onChange: () => onChange() });
  const audit = createAuditService({ db: deps.db });
  const auth = createAuthService({
    ...base,
    mailer: deps.mailer,
    workspaces: deps.workspaces,
    settings: deps.settings,
    onChange,
  });
  const routes = [
    authRoutes({
      auth,
      users,
      me,
      authenticator,
      secureCookies: deps.settings.secureCookies,
      sessionTtlHours: deps.settings.sessionTtlHours,
    }),
    adminRoutes({ users, roles, tokens, audit }),
  ];
  const provisionWorkspace = createProvisioner({ workspaces: deps.workspaces, roles, users, db: deps.db });
  return { authenticator, auth, users, roles, tokens, audit, routes, provisionWorkspace };
}

export type Identity = ReturnType<typeof createIdentity>;
