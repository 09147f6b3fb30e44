/** Logging in and out, sessions, password change and reset. Every outcome is a security event. */
import { and, eq, gt, isNull, ne as notEq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import { passwordResets, sessions, users } from './schema.ts';
import { DUMMY_HASH, hashPassword, hashToken, newToken, passwordProblem, verifyPassword } from './secrets.ts';
import { fieldError, normaliseEmail } from './users-service.ts';

export interface AuthSettings {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  publicUrl: string;
}

export interface LoginContext {
  ip: string;
  userAgent: string | undefined;
}

const RESET_TTL_MS = 60 * 60 * 1000;
const locked = (until: Date) =>
  new AppError('auth.locked', 423, 'Too many failed logins: the account is locked for a while', {
    lockedUntil: until.toISOString(),
  });
const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, 'Wrong e-mail or password');

export function createAuthService(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  mailer: Mailer;
  workspaces: WorkspaceService;
  settings: AuthSettings;
  onChange: (userId?: string) => void;
}) {
  const { db, uow, clock, newId, settings } = deps;

  const userColumns = {
    id: users.id,
    workspaceId: users.workspaceId,
    email: users.email,
    passwordHash: users.passwordHash,
    active: users.active,
    failedLogins: users.failedLogins,
    lockedUntil: users.lockedUntil,
  };

  /** Users with this e-mail, in one workspace when its slug is given. */
  async function candidates(email: string, workspaceSlug?: string) {
    const where = [eq(users.email, normaliseEmail(email))];
    if (workspaceSlug) {
      const ws = await deps.workspaces.findBySlug(workspaceSlug);
      if (!ws) return [];
      where.push(eq(users.workspaceId, ws.id));
    }
    return db
      .select(userColumns)
      .from(users)
      .where(and(...where));
  }

  async function login(
    input: { email: string; password: string; workspace?: string },
    context: LoginContext,
  ) {
    const found = await candidates(input.email, input.workspace);
    if (found.length === 0) {
      await verifyPassword(DUMMY_HASH, input.password);
      throw invalidCredentials();
    }
    const now = clock.now();
    const only = found.length === 1 ? found[0] : undefined;
    if (only?.lockedUntil && only.lockedUntil > now) throw locked(only.lockedUntil);
    const matches: typeof found = [];
    for (const user of found) {
      if (await verifyPassword(user.passwordHash, input.password)) matches.push(user);
      else if (found.length === 1) await recordFailure(user, context);
    }
    if (matches.length > 1) {
      throw new AppError(
        'auth.workspace_required',
        400,
        'This e-mail belongs to several workspaces: name the workspace',
      );
    }
    const user = matches[0];
    if (!user) throw invalidCredentials();
    if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
    if (!user.active) throw invalidCredentials();

    const token = newToken('ats');
    const csrfToken = newToken('csrf');
    await uow.run(async (tx, record) => {
      await scoped(tx, user.workspaceId).insert(sessions, {
        id: newId(),
        userId: user.id,
        tokenHash: hashToken(token),
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.sessionTtlHours * 3_600_000),
        ip: context.ip,
        userAgent: context.userAgent?.slice(0, 300) ?? null,
      });
      await scoped(tx, user.workspaceId).update(
        users,
        { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
        eq(users.id, user.id),
      );
      await record(securityEvent(user.workspaceId, 'security.login_succeeded', user.id, { ip: context.ip }));
    });
    return { token, userId: user.id, workspaceId: user.workspaceId };
  }

  async function recordFailure(
    user: { id: string; workspaceId: string; failedLogins: number },
    context: LoginContext,
  ) {
    const failures = user.failedLogins + 1;
    const lock = failures >= settings.loginMaxFailures;
    const lockedUntil = lock
      ? new Date(clock.now().getTime() + settings.loginLockMinutes * 60_000)
      : undefined;
    await uow.run(async (tx, record) => {
      await scoped(tx, user.workspaceId).update(
        users,
        lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures },
        eq(users.id, user.id),
      );
      await record(
        securityEvent(user.workspaceId, 'security.login_failed', user.id, { ip: context.ip, failures }),
      );
      if (lock)
        await record(
          securityEvent(user.workspaceId, 'security.account_locked', user.id, { until: lockedUntil }),
        );
    });
  }

  async function logout(workspaceId: string, sessionId: string, userId: string): Promise<void> {
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).delete(sessions, eq(sessions.id, sessionId));
      await record(securityEvent(workspaceId, 'security.logout', userId, {}));
    });
    deps.onChange(userId);
  }

  async function changePassword(
    workspaceId: string,
    userId: string,
    current: string,
    next: string,
    keepSession: string | null,
  ) {
    const ws = scoped(db, workspaceId);
    const [user] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(ws.where(users, eq(users.id, userId)));
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw fieldError('auth.wrong_password', '/currentPassword', 'The current password is wrong');
    }
    await setPassword(workspaceId, userId, next, keepSession, 'security.password_changed', '/newPassword');
  }

  /** Replaces a password and ends every other session of the user. */
  async function setPassword(
    workspaceId: string,
    userId: string,
    password: string,
    keepSession: string | null,
    type: string,
    field = '/password',
  ) {
    const problem = passwordProblem(password);
    if (problem) throw fieldError('users.weak_password', field, `Password ${problem}`);
    const passwordHash = await hashPassword(password);
    await uow.run(async (tx, record) => {
      const ws = scoped(tx, workspaceId);
      await ws.update(
        users,
        { passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: clock.now() },
        eq(users.id, userId),
      );
      const sessionFilter = eq(sessions.userId, userId);
      await ws.delete(
        sessions,
        keepSession ? and(sessionFilter, notEq(sessions.id, keepSession))! : sessionFilter,
      );
      await record(securityEvent(workspaceId, type, userId, {}));
    });
    deps.onChange(userId);
  }

  /** Sends a reset link when the address is known; answers the same either way. */
  async function requestReset(email: string, workspaceSlug: string | undefined): Promise<void> {
    const found = await candidates(email, workspaceSlug);
    const now = clock.now();
    for (const user of found.filter((u) => u.active)) {
      const token = newToken('rst');
      await uow.run(async (tx, record) => {
        await scoped(tx, user.workspaceId).insert(passwordResets, {
          id: newId(),
          userId: user.id,
          tokenHash: hashToken(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_TTL_MS),
        });
        await record(securityEvent(user.workspaceId, 'security.password_reset_requested', user.id, {}));
      });
      await deps.mailer.send({
        to: user.email,
        subject: 'Atiende: restablecer contraseña / reset your password',
        text: `Abra este enlace para elegir una nueva contraseña (válido 1 hora):\nOpen this link to choose a new password (valid for 1 hour):\n\n${settings.publicUrl}/reset-password?token=${token}\n`,
      });
    }
  }

  async function confirmReset(token: string, password: string): Promise<void> {
    const now = clock.now();
    const [reset] = await db
      .select({
        id: passwordResets.id,
        userId: passwordResets.userId,
        workspaceId: passwordResets.workspaceId,
      })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          gt(passwordResets.expiresAt, now),
          isNull(passwordResets.usedAt),
        ),
      );
    if (!reset) throw new AppError('auth.bad_reset_token', 400, 'The reset link is unknown, used or expired');
    await scoped(db, reset.workspaceId).update(
      passwordResets,
      { usedAt: now },
      eq(passwordResets.id, reset.id),
    );
    await setPassword(reset.workspaceId, reset.userId, password, null, 'security.password_reset');
  }

  return { login, logout, changePassword, requestReset, confirmReset };
}

export type AuthService = ReturnType<typeof createAuthService>;

const securityEvent = (
  workspaceId: string,
  type: string,
  userId: string,
  payload: Record<string, unknown>,
) => ({
  workspaceId,
  type,
  subject: 'security',
  subjectId: userId,
  actorId: userId,
  topics: [`user:${userId}`],
  payload,
});
