/**
 * Script runs on interactions: start the script the rules choose, take the agent's answers one at a time,
 * go back, and when the end is reached carry out the effects. Every answer is recorded on the interaction
 * (an event in its log) and the path so far on the customer's timeline.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { CustomerSummary } from '../customers/index.ts';
import type { Interaction } from '../interactions/index.ts';
import type { AnswerService } from './answers.ts';
import type { ScriptingDeps } from './context.ts';
import { type CompiledScript, compile, type Evaluation, EvaluationError, evaluate } from './core/evaluate.ts';
import type { Answer, Effect, ScriptDefinition, Value } from './core/types.ts';
import type { Effects } from './effects.ts';
import type { OffersService } from './offers-service.ts';
import { type RulesService, reasonOf } from './rules-service.ts';
import { scriptingRuns } from './schema.ts';
import { invalidScript, type ScriptService } from './scripts-service.ts';

type RunRow = typeof scriptingRuns.$inferSelect;

/** What the runner shows of the current step. */
export function stepView(script: CompiledScript, e: Evaluation) {
  const step = script.byId.get(e.current)!;
  const variable = step.type === 'ask' ? script.vars.get(step.variable)! : null;
  return {
    id: step.id,
    type: step.type,
    text: e.text,
    title: step.type === 'answer' ? step.title : null,
    variable: variable ? { name: variable.name, type: variable.type, options: variable.options ?? [] } : null,
  };
}

/** An evaluation as the API shows it. */
export function evaluationView(script: CompiledScript, e: Evaluation, answers: Answer[]) {
  return {
    status: e.status,
    step: stepView(script, e),
    path: e.path,
    variables: e.variables,
    effects: e.effects.map((f) => ({ stepId: f.stepId, action: { ...f.action } })),
    outcome: e.outcome,
    answers,
  };
}

/** Runs a script, turning a mismatched answer into a 400 that says which step and why. */
export function evaluateOr400(script: CompiledScript, context: Record<string, Value>, answers: Answer[]) {
  try {
    return evaluate(script, context, answers);
  } catch (e) {
    if (e instanceof EvaluationError) throw new AppError(`scripting.${e.code}`, 400, e.message);
    throw e;
  }
}

export function createRunService(
  deps: ScriptingDeps,
  parts: {
    scripts: ScriptService;
    rules: RulesService;
    offers: OffersService;
    effects: Effects;
    answers: AnswerService;
  },
) {
  const { db, uow, clock, newId } = deps;

  /** An evaluation as the API shows it, an answer step showing its article's current answer. */
  async function shown(workspaceId: string, script: CompiledScript, e: Evaluation, answers: Answer[]) {
    const out = evaluationView(script, e, answers);
    return { ...out, step: await parts.answers.current(workspaceId, script, out.step) };
  }

  async function findRun(workspaceId: string, id: string, by: 'id' | 'interaction' = 'id', tx: Db = db) {
    const [row] = await tx
      .select()
      .from(scriptingRuns)
      .where(
        scoped(tx, workspaceId).where(
          scriptingRuns,
          eq(by === 'id' ? scriptingRuns.id : scriptingRuns.interactionId, id),
        ),
      );
    return row ?? null;
  }

  /** A run's compiled version, its context, and where its answers (or the ones given) lead. */
  async function replay(workspaceId: string, row: RunRow, i: Interaction, answers = row.answers) {
    const script = await parts.scripts.compiledVersion(workspaceId, row.scriptId, row.version);
    const context = await parts.rules.contextFor(workspaceId, {
      customerId: i.customerId,
      interaction: i,
      agentId: row.agentId,
    });
    return { script, context, e: evaluateOr400(script, context, answers) };
  }

  async function view(workspaceId: string, row: RunRow, interaction?: Interaction) {
    const meta = await parts.scripts.loadScript(workspaceId, row.scriptId);
    const i = interaction ?? (await deps.interactions.get(workspaceId, row.interactionId));
    const { script, e } = await replay(workspaceId, row, i);
    return {
      id: row.id,
      interactionId: row.interactionId,
      customerId: row.customerId,
      scriptId: row.scriptId,
      scriptName: meta.name,
      version: row.version,
      current: await shown(workspaceId, script, e, row.answers),
      followUps: row.followUps,
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async function get(workspaceId: string, id: string) {
    const row = await findRun(workspaceId, id);
    if (!row) throw errors.notFound('Script run');
    return view(workspaceId, row);
  }

  /** The script the rules choose for an interaction, by its queue, channel, reason, language and customer tier. */
  async function chooseFor(
    workspaceId: string,
    interaction: Interaction,
    summary: Promise<CustomerSummary | null> = interaction.customerId
      ? deps.customers.getCustomerSummary(workspaceId, interaction.customerId)
      : Promise.resolve(null),
  ) {
    const customer = await summary;
    return parts.rules.choose(workspaceId, {
      queueId: interaction.queueId,
      channel: interaction.channel,
      reason: reasonOf(interaction),
      language: interaction.language ?? customer?.language ?? null,
      tier: customer?.tier ?? interaction.valueTier,
    });
  }

  /**
   * What the desk shows first: the script the rules choose and the customer's top offers. The rules come
   * from the workspace's cache, so this is the interaction, then the customer's summary and purchase
   * history read side by side.
   */
  async function suggest(workspaceId: string, interactionId: string) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    if (!interaction.customerId)
      return { script: (await chooseFor(workspaceId, interaction))?.script ?? null, offers: null };
    const summary = deps.customers.getCustomerSummary(workspaceId, interaction.customerId);
    const [choice, offers] = await Promise.all([
      chooseFor(workspaceId, interaction, summary),
      parts.offers.offersFor(workspaceId, interaction.customerId, 3, summary),
    ]);
    return { script: choice?.script ?? null, offers };
  }

  /** The interaction's run: the one started before, or a new one of the script its rules choose. */
  async function start(
    workspaceId: string,
    interactionId: string,
    agentId: string | null,
    scriptId?: string,
  ) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    const existing = await findRun(workspaceId, interactionId, 'interaction');
    if (existing) return view(workspaceId, existing, interaction);
    let chosen: { id: string; version: number };
    if (scriptId) {
      const s = await parts.scripts.loadScript(workspaceId, scriptId);
      if (!s.liveVersion)
        throw new AppError('scripting.not_published', 409, 'This script has no published version');
      chosen = { id: s.id, version: s.liveVersion };
    } else {
      const choice = await chooseFor(workspaceId, interaction);
      if (!choice)
        throw new AppError(
          'scripting.no_script',
          404,
          'No selection rule chooses a published script for this interaction',
        );
      chosen = choice.script;
    }
    const script = await parts.scripts.compiledVersion(workspaceId, chosen.id, chosen.version);
    const now = clock.now();
    const row: RunRow = {
      id: newId(),
      workspaceId,
      interactionId,
      customerId: interaction.customerId,
      scriptId: chosen.id,
      version: chosen.version,
      answers: [],
      path: [script.def.start],
      effects: [],
      status: 'running',
      current: script.def.start,
      outcome: null,
      agentId,
      followUps: [],
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await uow.run(async (tx, record) => {
      await tx.insert(scriptingRuns).values(row).onConflictDoNothing();
      await record({
        workspaceId,
        type: 'interaction.script_started',
        subject: 'interaction',
        subjectId: interactionId,
        actorId: agentId,
        topics: [`interaction:${interactionId}`],
        payload: { runId: row.id, scriptId: chosen.id, version: chosen.version },
      });
    });
    return view(workspaceId, (await findRun(workspaceId, interactionId, 'interaction'))!, interaction);
  }

  /** Takes the agent's answer at the current stop (or, with `back`, drops the last one). */
  async function step(
    workspaceId: string,
    runId: string,
    change: { answer: Answer } | { back: true },
    agentId: string | null,
  ) {
    const row = await findRun(workspaceId, runId);
    if (!row) throw errors.notFound('Script run');
    if (row.status === 'finished')
      throw new AppError('scripting.run_finished', 409, 'This script run has ended');
    const answers = 'back' in change ? row.answers.slice(0, -1) : [...row.answers, change.answer];
    const interaction = await deps.interactions.get(workspaceId, row.interactionId);
    const { context, e } = await replay(workspaceId, row, interaction, answers);
    const meta = await parts.scripts.loadScript(workspaceId, row.scriptId);
    const now = clock.now();
    await uow.run(async (tx, record) => {
      const ended = e.status === 'ended';
      await scoped(tx, workspaceId).update(
        scriptingRuns,
        {
          answers,
          path: e.path,
          effects: e.effects,
          current: e.current,
          status: ended ? 'finished' : 'running',
          outcome: e.outcome,
          updatedAt: now,
          finishedAt: ended ? now : null,
        },
        eq(scriptingRuns.id, runId),
      );
      const disposition = ended ? lastDisposition(e.effects) : null;
      await deps.interactions.applyTransitions(tx, record, workspaceId, [
        {
          id: row.interactionId,
          actorId: agentId,
          eventType: ended ? 'interaction.script_finished' : 'interaction.script_answered',
          changes: disposition ? { disposition } : {},
          payload: {
            runId,
            scriptId: row.scriptId,
            version: row.version,
            ...('back' in change
              ? { back: true }
              : { stepId: change.answer.stepId, value: change.answer.value }),
            path: e.path,
            ...(ended ? { outcome: e.outcome, effects: e.effects } : {}),
          },
        },
      ]);
      if (row.customerId)
        await deps.recordTimelineEntry(tx, {
          workspaceId,
          customerId: row.customerId,
          at: row.startedAt,
          kind: 'script',
          channel: interaction.channel,
          refId: runId,
          summary: `${meta.name}: ${ended ? (e.outcome ?? '') : `${e.path.length} steps`}`.slice(0, 200),
          payload: { interactionId: row.interactionId, path: e.path, answers, outcome: e.outcome },
          actorId: agentId,
        });
      if (ended) await parts.effects.inTransaction(tx, record, workspaceId, row, e.effects, agentId);
    });
    if (e.status === 'ended')
      await parts.effects.afterCommit(workspaceId, row, interaction, { ...e, context }, agentId);
    return view(workspaceId, (await findRun(workspaceId, runId))!, interaction);
  }

  /** Carries out again what a finished run's effects left undone (a mail server that was down). */
  async function retryFollowUps(workspaceId: string, runId: string, agentId: string | null) {
    const row = await findRun(workspaceId, runId);
    if (!row) throw errors.notFound('Script run');
    if (row.status !== 'finished')
      throw new AppError('scripting.run_not_finished', 409, 'This script run has not ended yet');
    const interaction = await deps.interactions.get(workspaceId, row.interactionId);
    const { context, e } = await replay(workspaceId, row, interaction);
    await parts.effects.afterCommit(workspaceId, row, interaction, { ...e, context }, agentId);
    return view(workspaceId, (await findRun(workspaceId, runId))!, interaction);
  }

  /**
   * Runs a script against a customer without recording anything: a saved version, or a draft definition
   * (validated first), with the answers given so far.
   */
  async function preview(
    workspaceId: string,
    scriptId: string,
    input: {
      customerId: string;
      version?: number;
      definition?: ScriptDefinition;
      answers?: Answer[];
      reason?: string;
    },
  ) {
    const meta = await parts.scripts.loadScript(workspaceId, scriptId);
    let script: CompiledScript;
    if (input.definition) {
      const problems = await parts.scripts.problemsOf(workspaceId, input.definition);
      if (problems.length > 0) throw invalidScript(problems);
      script = compile(input.definition);
    } else {
      script = await parts.scripts.compiledVersion(
        workspaceId,
        scriptId,
        input.version ?? meta.liveVersion ?? meta.latestVersion,
      );
    }
    const context = await parts.rules.contextFor(workspaceId, {
      customerId: input.customerId,
      reason: input.reason ?? null,
    });
    const answers = input.answers ?? [];
    return {
      context,
      evaluation: await shown(workspaceId, script, evaluateOr400(script, context, answers), answers),
    };
  }

  /** Where runs of a script stop (the steps that lose customers) and how each path converts to leads. */
  async function report(workspaceId: string, scriptId: string) {
    const meta = await parts.scripts.loadScript(workspaceId, scriptId);
    const runs = await db
      .select({
        interactionId: scriptingRuns.interactionId,
        path: scriptingRuns.path,
        status: scriptingRuns.status,
        current: scriptingRuns.current,
      })
      .from(scriptingRuns)
      .where(scoped(db, workspaceId).where(scriptingRuns, eq(scriptingRuns.scriptId, scriptId)))
      .limit(50_000);
    const converted = new Set(
      await parts.offers.leadInteractions(
        workspaceId,
        runs.map((r) => r.interactionId),
      ),
    );
    const steps = new Map<string, { stepId: string; reached: number; stoppedHere: number }>();
    const paths = new Map<string, { path: string[]; runs: number; finished: number; leads: number }>();
    for (const run of runs) {
      for (const id of new Set(run.path)) {
        const s = steps.get(id) ?? { stepId: id, reached: 0, stoppedHere: 0 };
        s.reached++;
        steps.set(id, s);
      }
      if (run.status === 'running') steps.get(run.current)!.stoppedHere++;
      const key = run.path.join('>');
      const p = paths.get(key) ?? { path: run.path, runs: 0, finished: 0, leads: 0 };
      p.runs++;
      if (run.status === 'finished') p.finished++;
      if (converted.has(run.interactionId)) p.leads++;
      paths.set(key, p);
    }
    return {
      scriptName: meta.name,
      runs: runs.length,
      finished: runs.filter((r) => r.status === 'finished').length,
      steps: [...steps.values()].sort((a, b) => b.stoppedHere - a.stoppedHere || b.reached - a.reached),
      paths: [...paths.values()]
        .map((p) => ({ ...p, conversion: p.runs > 0 ? p.leads / p.runs : 0 }))
        .sort((a, b) => b.runs - a.runs)
        .slice(0, 50),
    };
  }

  return { start, get, step, retryFollowUps, findRun, preview, report, chooseFor, suggest };
}

const lastDisposition = (effects: Effect[]): string | null => {
  let found: string | null = null;
  for (const { action } of effects) if (action.kind === 'set_disposition') found = action.disposition;
  return found;
};

export type RunService = ReturnType<typeof createRunService>;
