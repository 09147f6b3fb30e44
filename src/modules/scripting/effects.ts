/**
 * What a finished run does. Inside the run's own transaction: leads (the disposition is set with the
 * run's last transition). After it commits, each in its own transaction and at most once per run and step
 * (an idempotency key), so a retry never doubles one: call-backs become scheduled interactions, follow-up
 * tasks become `task` interactions in the contact's queue, and e-mails are filled in from their template
 * and sent through the workspace's mailbox as a new conversation. Each outcome is stored on the run.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Interaction } from '../interactions/index.ts';
import type { ScriptingDeps } from './context.ts';
import { VAR_PREFIX } from './core/conditions.ts';
import type { Action, Effect, Value } from './core/types.ts';
import type { OffersService } from './offers-service.ts';
import { type FollowUp, scriptingRuns } from './schema.ts';
import { renderTemplate, type TemplateService } from './templates-service.ts';

/** The run as its effects need it. */
export interface FinishedRun {
  id: string;
  interactionId: string;
  customerId: string | null;
}

type Later = Extract<Action, { kind: FollowUp['kind'] }>;
const isLater = (a: Action): a is Later =>
  a.kind === 'create_task' || a.kind === 'send_email' || a.kind === 'schedule_callback';

export function createEffects(
  deps: ScriptingDeps,
  parts: { offers: OffersService; templates: TemplateService },
) {
  const { db, clock } = deps;

  /** Leads, recorded in the caller's (the run's) transaction. */
  async function inTransaction(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    run: FinishedRun,
    effects: Effect[],
    agentId: string | null,
  ) {
    for (const { action } of effects)
      if (action.kind === 'create_lead' && run.customerId)
        await parts.offers.recordLead(tx, record, workspaceId, {
          customerId: run.customerId,
          interactionId: run.interactionId,
          product: action.product,
          actorId: agentId,
        });
  }

  /**
   * Carries out call-backs, tasks and e-mails after the run's commit and stores what became of each on
   * the run. Calling it again (a retry) redoes only what did not happen: the keys make the rest no-ops.
   */
  async function afterCommit(
    workspaceId: string,
    run: FinishedRun,
    interaction: Interaction,
    outcome: { effects: Effect[]; variables: Record<string, Value>; context: Record<string, Value> },
    agentId: string | null,
  ): Promise<FollowUp[]> {
    const done: FollowUp[] = [];
    for (const { stepId, action } of outcome.effects) {
      if (!isLater(action)) continue;
      const base = { stepId, kind: action.kind, interactionId: null, detail: null };
      try {
        done.push({
          ...base,
          ...(await one(workspaceId, run, interaction, stepId, action, outcome, agentId)),
        });
      } catch (error) {
        done.push({ ...base, status: 'failed', detail: (error as Error).message });
      }
    }
    await scoped(db, workspaceId).update(
      scriptingRuns,
      { followUps: done, updatedAt: clock.now() },
      eq(scriptingRuns.id, run.id),
    );
    return done;
  }

  async function one(
    workspaceId: string,
    run: FinishedRun,
    interaction: Interaction,
    stepId: string,
    action: Later,
    outcome: { variables: Record<string, Value>; context: Record<string, Value> },
    agentId: string | null,
  ): Promise<Pick<FollowUp, 'status' | 'interactionId' | 'detail'>> {
    const key = `${run.id}:${stepId}`;
    if (action.kind === 'send_email')
      return sendEmail(workspaceId, run, action.template, key, outcome, agentId);
    const { interaction: made } = await deps.interactions.create(
      workspaceId,
      action.kind === 'schedule_callback'
        ? {
            channel: 'callback',
            direction: 'outbound',
            customerId: run.customerId,
            subject: `Call-back: ${interaction.subject ?? ''}`.trim(),
            queueId: interaction.queueId,
            scheduledFor: new Date(clock.now().getTime() + action.inMinutes * 60_000).toISOString(),
            idempotencyKey: `script-callback:${key}`,
          }
        : {
            channel: 'task',
            direction: 'outbound',
            customerId: run.customerId,
            subject: action.title,
            queueId: interaction.queueId,
            language: interaction.language,
            attributes: { scriptRunId: run.id, fromInteractionId: run.interactionId },
            message: action.title,
            idempotencyKey: `script-task:${key}`,
          },
      agentId,
    );
    return { status: 'done', interactionId: made.id, detail: null };
  }

  async function sendEmail(
    workspaceId: string,
    run: FinishedRun,
    templateKey: string,
    key: string,
    outcome: { variables: Record<string, Value>; context: Record<string, Value> },
    agentId: string | null,
  ): Promise<Pick<FollowUp, 'status' | 'interactionId' | 'detail'>> {
    const skip = (detail: string) => ({ status: 'skipped' as const, interactionId: null, detail });
    if (!run.customerId) return skip('The contact has no customer to write to');
    const customer = await deps.customers.getCustomerSummary(workspaceId, run.customerId);
    if (customer.doNotContact.includes('email'))
      return skip('The customer asked not to be contacted by e-mail');
    const [to] = await deps.customers.identityValues(workspaceId, customer.id, 'email');
    if (!to) return skip('The customer has no e-mail address');
    const template = await parts.templates.get(workspaceId, templateKey);
    const read = (ref: string): Value =>
      ref.startsWith(VAR_PREFIX)
        ? (outcome.variables[ref.slice(VAR_PREFIX.length)] ?? null)
        : (outcome.context[ref] ?? null);
    const mail = renderTemplate(template, read);
    const sent = await deps.email.startConversation(workspaceId, {
      mailboxId: null,
      to,
      subject: mail.subject || template.name,
      text: mail.text,
      customerId: customer.id,
      authorId: agentId,
      idempotencyKey: `script-email:${key}`,
      attributes: { scriptRunId: run.id, template: templateKey },
    });
    return { status: 'done', interactionId: sent.interactionId, detail: to };
  }

  return { inTransaction, afterCommit };
}

export type Effects = ReturnType<typeof createEffects>;
