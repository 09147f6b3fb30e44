import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { apiTokens } from './schema.ts';
import { hashToken, newToken } from './secrets.ts';

/** API tokens for integrations: the secret is returned once, at creation, and only its hash is kept. */
export function createTokenService(deps: {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  onChange: () => void;
}) {
  const { db, uow, clock, newId } = deps;

  async function list(workspaceId: string) {
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .where(ws.where(apiTokens, isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    }));
  }

  async function create(workspaceId: string, userId: string, name: string) {
    const token = newToken('atk');
    const id = newId();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).insert(apiTokens, {
        id,
        userId,
        name,
        tokenHash: hashToken(token),
        createdAt: clock.now(),
      });
      await record({
        workspaceId,
        type: 'security.api_token_created',
        subject: 'security',
        subjectId: id,
        actorId: userId,
        payload: { name },
      });
    });
    return { id, name, token };
  }

  async function revoke(workspaceId: string, id: string, actorId: string): Promise<void> {
    await uow.run(async (tx, record) => {
      const changed = await scoped(tx, workspaceId).update(
        apiTokens,
        { revokedAt: clock.now() },
        and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))!,
      );
      if (changed === 0) throw errors.notFound('API token');
      await record({
        workspaceId,
        type: 'security.api_token_revoked',
        subject: 'security',
        subjectId: id,
        actorId,
      });
    });
    deps.onChange();
  }

  return { list, create, revoke };
}

export type TokenService = ReturnType<typeof createTokenService>;
