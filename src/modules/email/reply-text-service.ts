/**
 * What agents write with: saved reply templates (with `{{variables}}`, per workspace or per mailbox) and
 * each agent's own signature, which takes the place of the mailbox's default signature.
 */
import { asc, eq, isNull, or } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { emailSignatures, emailTemplates } from './schema.ts';
import { fillTemplate, KNOWN_VARIABLES, SIGNATURE_VARIABLES, variablesOf } from './templates.ts';

type TemplateRow = typeof emailTemplates.$inferSelect;

export interface TemplateInput {
  name: string;
  language: 'es' | 'en';
  mailboxId?: string | null;
  subject?: string | null;
  body: string;
}

const toTemplate = (r: TemplateRow) => ({
  id: r.id,
  name: r.name,
  language: r.language,
  mailboxId: r.mailboxId,
  subject: r.subject,
  body: r.body,
  variables: variablesOf(`${r.subject ?? ''} ${r.body}`),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export type Template = ReturnType<typeof toTemplate>;

/** Refuses variables a template cannot be filled with, naming each and where it is. */
function checkVariables(fields: Record<string, string | null | undefined>, allowed: readonly string[]) {
  const details = Object.entries(fields).flatMap(([field, text]) =>
    variablesOf(text ?? '')
      .filter((v) => !allowed.includes(v))
      .map((v) => ({ path: `/${field}`, message: `unknown variable {{${v}}}` })),
  );
  if (details.length)
    throw errors.badRequest(
      'email.unknown_variable',
      `Unknown variable: ${details.map((d) => d.message.slice(17)).join(', ')}. Known: ${allowed.join(', ')}`,
      details,
    );
}

export function createReplyTextService(deps: {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  /** Answers 404 when the mailbox is not this workspace's. */
  checkMailbox(workspaceId: string, mailboxId: string): Promise<unknown>;
}) {
  const { db, clock, newId } = deps;

  async function row(workspaceId: string, id: string) {
    const [found] = await db
      .select()
      .from(emailTemplates)
      .where(scoped(db, workspaceId).where(emailTemplates, eq(emailTemplates.id, id)));
    if (!found) throw errors.notFound('Template');
    return found;
  }

  /** The templates of a workspace; with a mailbox, those for every mailbox and for that one. */
  async function list(workspaceId: string, mailboxId?: string) {
    const rows = await db
      .select()
      .from(emailTemplates)
      .where(
        scoped(db, workspaceId).where(
          emailTemplates,
          mailboxId
            ? or(isNull(emailTemplates.mailboxId), eq(emailTemplates.mailboxId, mailboxId))
            : undefined,
        ),
      )
      .orderBy(asc(emailTemplates.name));
    return rows.map(toTemplate);
  }

  async function save(workspaceId: string, input: TemplateInput, id: string | null) {
    checkVariables({ subject: input.subject, body: input.body }, KNOWN_VARIABLES);
    if (input.mailboxId) await deps.checkMailbox(workspaceId, input.mailboxId);
    const values = {
      name: input.name.trim(),
      language: input.language,
      mailboxId: input.mailboxId ?? null,
      subject: input.subject?.trim() || null,
      body: input.body,
      updatedAt: clock.now(),
    };
    try {
      if (id) {
        await row(workspaceId, id);
        await scoped(db, workspaceId).update(emailTemplates, values, eq(emailTemplates.id, id));
        return toTemplate(await row(workspaceId, id));
      }
      const newRowId = newId();
      await scoped(db, workspaceId).insert(emailTemplates, {
        id: newRowId,
        ...values,
        createdAt: clock.now(),
      });
      return toTemplate(await row(workspaceId, newRowId));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('email.template_name_taken', 409, `A template named "${values.name}" exists`, [
          { path: '/name', message: 'taken' },
        ]);
      throw error;
    }
  }

  async function remove(workspaceId: string, id: string) {
    if ((await scoped(db, workspaceId).delete(emailTemplates, eq(emailTemplates.id, id))) === 0)
      throw errors.notFound('Template');
  }

  /** The agent's own signature, unfilled, or null. */
  async function signatureOf(workspaceId: string, userId: string): Promise<string | null> {
    const [found] = await db
      .select({ body: emailSignatures.body })
      .from(emailSignatures)
      .where(scoped(db, workspaceId).where(emailSignatures, eq(emailSignatures.userId, userId)));
    return found?.body ?? null;
  }

  /** Sets (or, with an empty text, removes) the agent's own signature. */
  async function setSignature(workspaceId: string, userId: string, body: string | null) {
    const text = body?.trim() ?? '';
    checkVariables({ body: text }, SIGNATURE_VARIABLES);
    const ws = scoped(db, workspaceId);
    if (!text) {
      await ws.delete(emailSignatures, eq(emailSignatures.userId, userId));
      return null;
    }
    await db
      .insert(emailSignatures)
      .values({ id: newId(), workspaceId, userId, body: text, updatedAt: clock.now() })
      .onConflictDoUpdate({
        target: [emailSignatures.workspaceId, emailSignatures.userId],
        set: { body: text, updatedAt: clock.now() },
      });
    return text;
  }

  /**
   * The signature an agent's reply carries: their own, else the mailbox's, with its variables filled.
   * @example await signatureFor(ws, agent, { name: 'Soporte', signature: '{{agent.name}} · Acme' }) // 'Ana · Acme'
   */
  async function signatureFor(
    workspaceId: string,
    agent: { id: string; name: string; email: string },
    mailbox: { name: string; signature: string | null },
  ): Promise<string | null> {
    const own = await signatureOf(workspaceId, agent.id);
    const chosen = own ?? mailbox.signature;
    if (!chosen) return null;
    return fillTemplate(chosen, {
      'agent.name': agent.name,
      'agent.email': agent.email,
      'mailbox.name': mailbox.name,
    });
  }

  /** A template filled for a conversation; variables without a value stay visible for the agent. */
  async function render(workspaceId: string, id: string, variables: Record<string, string | null>) {
    const t = await row(workspaceId, id);
    return {
      subject: t.subject ? fillTemplate(t.subject, variables) : null,
      text: fillTemplate(t.body, variables),
    };
  }

  return {
    list,
    get: async (workspaceId: string, id: string) => toTemplate(await row(workspaceId, id)),
    create: (workspaceId: string, input: TemplateInput) => save(workspaceId, input, null),
    update: (workspaceId: string, id: string, input: TemplateInput) => save(workspaceId, input, id),
    remove,
    signatureOf,
    setSignature,
    signatureFor,
    render,
  };
}

export type ReplyTextService = ReturnType<typeof createReplyTextService>;
