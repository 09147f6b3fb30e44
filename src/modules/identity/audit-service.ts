import { and, desc, eq, like, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { events } from '../../platform/events/schema.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import { users } from './schema.ts';

/** The security audit trail: the `security.*` events of the log, newest first, with the actor's e-mail. */
export function createAuditService(deps: { db: Db }) {
  const { db } = deps;

  async function list(workspaceId: string, page: PageRequest) {
    const ws = scoped(db, workspaceId);
    const [beforeId] = page.after ?? [];
    const rows = await db
      .select({
        id: events.id,
        type: events.type,
        actorId: events.actorId,
        actorEmail: users.email,
        at: events.at,
        payload: events.payload,
      })
      .from(events)
      .leftJoin(users, and(eq(users.id, events.actorId), eq(users.workspaceId, events.workspaceId)))
      .where(
        ws.where(
          events,
          like(events.type, 'security.%'),
          typeof beforeId === 'number' ? lt(events.id, beforeId) : undefined,
        ),
      )
      .orderBy(desc(events.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.id]);
    return {
      items: result.items.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
      nextCursor: result.nextCursor,
    };
  }

  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
