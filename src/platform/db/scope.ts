/**
 * Workspace scoping in one place. Every table of a workspace's data has a `workspace_id` column; services
 * reach those tables through `scoped(db, workspaceId)`, which adds the workspace condition to every read,
 * update and delete and sets it on every insert.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';

export type WorkspaceTable = PgTable & { workspaceId: PgColumn };

export interface Scoped {
  readonly workspaceId: string;
  readonly db: Db;
  /** The workspace condition, and'ed with any others: use it in every `where` of a workspace table. */
  where<T extends WorkspaceTable>(table: T, ...conditions: (SQL | undefined)[]): SQL;
  insert<T extends WorkspaceTable>(table: T, values: Omit<T['$inferInsert'], 'workspaceId'>): Promise<void>;
  insertMany<T extends WorkspaceTable>(
    table: T,
    values: Omit<T['$inferInsert'], 'workspaceId'>[],
  ): Promise<void>;
  update<T extends WorkspaceTable>(
    table: T,
    set: PgUpdateSetSource<T>,
    ...conditions: SQL[]
  ): Promise<number>;
  delete<T extends WorkspaceTable>(table: T, ...conditions: SQL[]): Promise<number>;
}

/**
 * @example
 * const ws = scoped(db, principal.workspaceId);
 * const rows = await db.select({ id: users.id }).from(users).where(ws.where(users, eq(users.email, email)));
 */
export function scoped(db: Db, workspaceId: string): Scoped {
  const where = <T extends WorkspaceTable>(table: T, ...conditions: (SQL | undefined)[]): SQL =>
    and(eq(table.workspaceId, workspaceId), ...conditions) as SQL;
  return {
    workspaceId,
    db,
    where,
    async insert(table, values) {
      await db.insert(table).values({ ...values, workspaceId } as never);
    },
    async insertMany(table, values) {
      if (values.length === 0) return;
      await db.insert(table).values(values.map((v) => ({ ...v, workspaceId })) as never);
    },
    async update(table, set, ...conditions) {
      const result = await db
        .update(table)
        .set(set)
        .where(where(table, ...conditions));
      return affected(result);
    },
    async delete(table, ...conditions) {
      const result = await db.delete(table).where(where(table, ...conditions));
      return affected(result);
    },
  };
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
