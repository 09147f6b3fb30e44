/**
 * The e-mail templates scripts send with `send_email`: a subject and a text per key, whose placeholders
 * are the ones steps use (`{{customer.name}}`, `{{var.x}}` …), checked when saved.
 */
import { asc, eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { ScriptingDeps } from './context.ts';
import { render, textRefs, VAR_PREFIX } from './core/conditions.ts';
import { contextSchema } from './core/context-schema.ts';
import type { Value } from './core/types.ts';
import { scriptingEmailTemplates } from './schema.ts';

export interface TemplateInput {
  name: string;
  subject: string;
  body: string;
}

const columns = {
  key: scriptingEmailTemplates.key,
  name: scriptingEmailTemplates.name,
  subject: scriptingEmailTemplates.subject,
  body: scriptingEmailTemplates.body,
  updatedAt: scriptingEmailTemplates.updatedAt,
};

type Row = { key: string; name: string; subject: string; body: string; updatedAt: Date };
const toView = (r: Row) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

/**
 * The subject and text of a template with its placeholders filled in from a run.
 * @example renderTemplate(t, (ref) => ({ 'customer.name': 'Ana' })[ref] ?? null) // { subject: 'Hola Ana', text: '…' }
 */
export function renderTemplate(t: TemplateInput, read: (ref: string) => Value) {
  return { subject: render(t.subject, read).replace(/\s+/g, ' ').trim(), text: render(t.body, read) };
}

export function createTemplateService(deps: ScriptingDeps) {
  const { db, clock } = deps;

  async function list(workspaceId: string) {
    const rows = await db
      .select(columns)
      .from(scriptingEmailTemplates)
      .where(scoped(db, workspaceId).where(scriptingEmailTemplates))
      .orderBy(asc(scriptingEmailTemplates.key));
    return rows.map(toView);
  }

  async function find(workspaceId: string, key: string) {
    const [row] = await db
      .select(columns)
      .from(scriptingEmailTemplates)
      .where(scoped(db, workspaceId).where(scriptingEmailTemplates, eq(scriptingEmailTemplates.key, key)));
    return row ? toView(row) : null;
  }

  async function get(workspaceId: string, key: string) {
    const found = await find(workspaceId, key);
    if (!found) throw errors.notFound('E-mail template');
    return found;
  }

  /** Creates or replaces a template; a placeholder that no script can fill is refused, naming the field. */
  async function put(workspaceId: string, key: string, input: TemplateInput) {
    const schema = contextSchema(await deps.customers.fieldKeys(workspaceId));
    const details = (['subject', 'body'] as const).flatMap((field) =>
      textRefs(input[field])
        .filter((ref) => !ref.startsWith(VAR_PREFIX) && !(ref in schema))
        .map((ref) => ({ path: `/${field}`, message: `{{${ref}}} is not something a script can fill in` })),
    );
    if (details.length > 0)
      throw new AppError('scripting.unknown_placeholder', 400, details[0]!.message, details);
    const row = { ...input, updatedAt: clock.now() };
    await db
      .insert(scriptingEmailTemplates)
      .values({ workspaceId, key, ...row })
      .onConflictDoUpdate({
        target: [scriptingEmailTemplates.workspaceId, scriptingEmailTemplates.key],
        set: row,
      });
    return toView({ key, ...row });
  }

  /** The keys a script's `send_email` may name. */
  async function keys(workspaceId: string): Promise<Set<string>> {
    return new Set((await list(workspaceId)).map((t) => t.key));
  }

  return { list, get, find, put, keys };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
