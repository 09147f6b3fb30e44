/** Selection rules: which script starts for an interaction, and the context a script reads. */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { Interaction } from '../interactions/index.ts';
import { workspaceCache } from './cache.ts';
import type { ScriptingDeps } from './context.ts';
import { chooseRule, type SelectionFacts, type SelectionRule } from './core/selection.ts';
import type { Value } from './core/types.ts';
import type { InvoiceService } from './invoices-service.ts';
import type { OffersService } from './offers-service.ts';
import { scriptingRules, scriptingScripts } from './schema.ts';
import type { ScriptService } from './scripts-service.ts';

export interface RuleInput {
  priority: number;
  scriptId: string;
  queueId?: string | null;
  channel?: string | null;
  reason?: string | null;
  language?: string | null;
  tiers?: string[];
}

/** The contact reason an interaction carries in its attributes (set by the channel or the agent). */
export const reasonOf = (i: Pick<Interaction, 'attributes'>): string | null =>
  typeof i.attributes.reason === 'string' ? i.attributes.reason : null;

const CACHE_MS = 5_000;

const ruleColumns = {
  id: scriptingRules.id,
  priority: scriptingRules.priority,
  scriptId: scriptingRules.scriptId,
  queueId: scriptingRules.queueId,
  channel: scriptingRules.channel,
  reason: scriptingRules.reason,
  language: scriptingRules.language,
  tiers: scriptingRules.tiers,
};

export function createRulesService(
  deps: ScriptingDeps,
  parts: { scripts: ScriptService; invoices: InvoiceService; offers: OffersService },
) {
  const { db, clock, newId } = deps;
  const live = workspaceCache(clock, CACHE_MS, loadLive);

  async function list(workspaceId: string): Promise<SelectionRule[]> {
    return db
      .select(ruleColumns)
      .from(scriptingRules)
      .where(scoped(db, workspaceId).where(scriptingRules))
      .orderBy(asc(scriptingRules.priority), asc(scriptingRules.id));
  }

  /** The rules whose script has a live version, with that script: what choosing reads, in one query. */
  async function loadLive(workspaceId: string) {
    const rows = await db
      .select({
        ...ruleColumns,
        scriptName: scriptingScripts.name,
        liveVersion: scriptingScripts.liveVersion,
      })
      .from(scriptingRules)
      .innerJoin(
        scriptingScripts,
        and(
          eq(scriptingScripts.workspaceId, scriptingRules.workspaceId),
          eq(scriptingScripts.id, scriptingRules.scriptId),
        ),
      )
      .where(scoped(db, workspaceId).where(scriptingRules, isNotNull(scriptingScripts.liveVersion)))
      .orderBy(asc(scriptingRules.priority), asc(scriptingRules.id));
    return rows.map(({ scriptName, liveVersion, ...rule }) => ({
      rule,
      script: { id: rule.scriptId, name: scriptName, version: liveVersion! },
    }));
  }

  /** A rule's columns from its input, once its script is known to exist in the workspace. */
  async function columnsOf(workspaceId: string, input: RuleInput) {
    await parts.scripts.loadScript(workspaceId, input.scriptId);
    return {
      priority: input.priority,
      scriptId: input.scriptId,
      queueId: input.queueId ?? null,
      channel: input.channel ?? null,
      reason: input.reason ?? null,
      language: input.language ?? null,
      tiers: input.tiers ?? [],
    };
  }

  async function create(workspaceId: string, input: RuleInput) {
    const row = { id: newId(), ...(await columnsOf(workspaceId, input)) };
    await scoped(db, workspaceId).insert(scriptingRules, { ...row, createdAt: clock.now() });
    live.invalidate(workspaceId);
    return row;
  }

  /** Replaces a rule's criteria, script and priority (reordering is a change of priority). */
  async function update(workspaceId: string, id: string, input: RuleInput): Promise<SelectionRule> {
    const row = await columnsOf(workspaceId, input);
    const n = await scoped(db, workspaceId).update(scriptingRules, row, eq(scriptingRules.id, id));
    if (n === 0) throw errors.notFound('Rule');
    live.invalidate(workspaceId);
    return { id, ...row };
  }

  async function remove(workspaceId: string, id: string) {
    const n = await scoped(db, workspaceId).delete(scriptingRules, eq(scriptingRules.id, id));
    if (n === 0) throw errors.notFound('Rule');
    live.invalidate(workspaceId);
  }

  /**
   * The rule and live script chosen for some facts; rules whose script has no live version are skipped.
   * Reads the workspace's cached rules only: no query once they are loaded.
   */
  async function choose(workspaceId: string, facts: SelectionFacts) {
    const candidates = await live.get(workspaceId);
    const rule = chooseRule(
      candidates.map((c) => c.rule),
      facts,
    );
    return candidates.find((c) => c.rule === rule) ?? null;
  }

  /** Everything a script may read about a customer, an interaction and the agent, by reference name. */
  async function contextFor(
    workspaceId: string,
    who: {
      customerId: string | null;
      interaction?: Interaction | null;
      agentId?: string | null;
      reason?: string | null;
    },
  ): Promise<Record<string, Value>> {
    const context: Record<string, Value> = {};
    const i = who.interaction;
    if (i) {
      context['interaction.channel'] = i.channel;
      context['interaction.queue'] = i.queueId;
      context['interaction.language'] = i.language;
      context['interaction.reason'] = reasonOf(i);
    }
    if (who.reason) context['interaction.reason'] = who.reason;
    if (who.agentId)
      context['agent.name'] =
        (await deps.users.get(workspaceId, who.agentId).catch(() => null))?.name ?? null;
    if (!who.customerId) return context;
    const [customer, fields, balance, offers] = await Promise.all([
      deps.customers.getCustomerSummary(workspaceId, who.customerId),
      deps.customers.customFields(workspaceId, who.customerId),
      parts.invoices.balance(workspaceId, who.customerId),
      parts.offers.offersFor(workspaceId, who.customerId, 20),
    ]);
    Object.assign(context, {
      'customer.name': customer.name,
      'customer.tier': customer.tier,
      'customer.score': customer.score,
      'customer.language': customer.language,
      'invoices.open_count': balance.openCount,
      'invoices.overdue_count': balance.overdueCount,
      'invoices.overdue_amount': balance.balances.reduce((s, b) => s + b.overdue, 0),
      'promotions.active': offers.offers.flatMap((o) => (o.promotion ? [o.promotion.code] : [])),
      'promotions.products': offers.offers.flatMap((o) => (o.promotion ? [o.product] : [])),
      'offers.top_product': offers.offers[0]?.product ?? null,
      'offers.top_score': offers.offers[0]?.score ?? 0,
    });
    for (const [key, value] of Object.entries(fields)) context[`customer.field.${key}`] = value;
    return context;
  }

  /** Which script the rules would start for sample facts, or for a sample customer's tier and language. */
  async function test(workspaceId: string, input: Partial<SelectionFacts> & { customerId?: string | null }) {
    const customer = input.customerId
      ? await deps.customers.getCustomerSummary(workspaceId, input.customerId)
      : null;
    const facts: SelectionFacts = {
      queueId: input.queueId ?? null,
      channel: input.channel ?? null,
      reason: input.reason ?? null,
      language: input.language ?? customer?.language ?? null,
      tier: input.tier ?? customer?.tier ?? null,
    };
    const choice = await choose(workspaceId, facts);
    return {
      ruleId: choice?.rule.id ?? null,
      rule: choice?.rule ?? null,
      script: choice?.script ?? null,
      facts,
      customer: customer && { id: customer.id, name: customer.name, tier: customer.tier },
    };
  }

  /** 404 unless the workspace has this customer. */
  async function customerExists(workspaceId: string, id: string): Promise<void> {
    await deps.customers.getCustomerSummary(workspaceId, id);
  }

  return {
    list,
    create,
    update,
    remove,
    choose,
    contextFor,
    test,
    customerExists,
    invalidate: live.invalidate,
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
