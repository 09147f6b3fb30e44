/** Custom-field definitions per workspace: text, number, date, choice or boolean, shown in forms. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { definitionProblems, type FieldType } from './custom-fields.ts';
import { customerFieldDefinitions } from './schema.ts';

export interface FieldDefinitionView {
  id: string;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  position: number;
}

const columns = {
  id: customerFieldDefinitions.id,
  key: customerFieldDefinitions.key,
  label: customerFieldDefinitions.label,
  type: customerFieldDefinitions.type,
  options: customerFieldDefinitions.options,
  required: customerFieldDefinitions.required,
  position: customerFieldDefinitions.position,
};

export function createFieldsService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;

  async function list(workspaceId: string): Promise<FieldDefinitionView[]> {
    const ws = scoped(db, workspaceId);
    return db
      .select(columns)
      .from(customerFieldDefinitions)
      .where(ws.where(customerFieldDefinitions))
      .orderBy(asc(customerFieldDefinitions.position), asc(customerFieldDefinitions.key));
  }

  async function get(workspaceId: string, id: string): Promise<FieldDefinitionView> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select(columns)
      .from(customerFieldDefinitions)
      .where(ws.where(customerFieldDefinitions, eq(customerFieldDefinitions.id, id)));
    if (!row) throw errors.notFound('Custom field');
    return row;
  }

  async function create(
    workspaceId: string,
    input: { key: string; label: string; type: FieldType; options?: string[]; required?: boolean },
    actorId: string | null,
  ): Promise<FieldDefinitionView> {
    const options = input.options ?? [];
    const problems = definitionProblems({ type: input.type, options });
    if (problems.length > 0)
      throw new AppError('validation.failed', 400, `options: ${problems[0]!.message}`, problems);
    const ws = scoped(db, workspaceId);
    const [taken] = await db
      .select({ id: customerFieldDefinitions.id })
      .from(customerFieldDefinitions)
      .where(ws.where(customerFieldDefinitions, eq(customerFieldDefinitions.key, input.key)));
    if (taken) {
      throw new AppError('customers.field_key_taken', 409, `A custom field "${input.key}" exists`, [
        { path: '/key', message: 'is taken' },
      ]);
    }
    const id = newId();
    const now = clock.now();
    await uow.run(async (tx, record) => {
      const [max] = await tx
        .select({ n: sql<number>`coalesce(max(${customerFieldDefinitions.position}), -1)::int` })
        .from(customerFieldDefinitions)
        .where(scoped(tx, workspaceId).where(customerFieldDefinitions));
      await scoped(tx, workspaceId).insert(customerFieldDefinitions, {
        id,
        key: input.key,
        label: input.label.trim(),
        type: input.type,
        options,
        required: input.required ?? false,
        position: (max?.n ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      });
      await record({
        workspaceId,
        type: 'customer.field_created',
        subject: 'customer',
        actorId,
        payload: { key: input.key, type: input.type },
      });
    });
    ctx.forget(workspaceId);
    return get(workspaceId, id);
  }

  /** Changes a field's label, options, whether it is required, or its place in forms; never its key or type. */
  async function update(
    workspaceId: string,
    id: string,
    changes: { label?: string; options?: string[]; required?: boolean; position?: number },
    actorId: string,
  ): Promise<FieldDefinitionView> {
    const before = await get(workspaceId, id);
    if (changes.options) {
      const problems = definitionProblems({ type: before.type, options: changes.options });
      if (problems.length > 0)
        throw new AppError('validation.failed', 400, `options: ${problems[0]!.message}`, problems);
    }
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        customerFieldDefinitions,
        { ...changes, ...(changes.label ? { label: changes.label.trim() } : {}), updatedAt: clock.now() },
        and(eq(customerFieldDefinitions.id, id))!,
      );
      await record({
        workspaceId,
        type: 'customer.field_changed',
        subject: 'customer',
        actorId,
        payload: { key: before.key, fields: Object.keys(changes) },
      });
    });
    ctx.forget(workspaceId);
    return get(workspaceId, id);
  }

  return { list, get, create, update };
}

export type FieldsService = ReturnType<typeof createFieldsService>;
