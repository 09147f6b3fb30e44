/** Scripts and their versions: create, save a new version, publish one, validate and preview. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { AnswerService } from './answers.ts';
import type { ScriptingDeps } from './context.ts';
import { contextSchema } from './core/context-schema.ts';
import { type CompiledScript, compile } from './core/evaluate.ts';
import type { Problem, ScriptDefinition } from './core/types.ts';
import { validateScript } from './core/validate.ts';
import { scriptingScripts, scriptingVersions } from './schema.ts';
import type { TemplateService } from './templates-service.ts';

const summaryColumns = {
  id: scriptingScripts.id,
  name: scriptingScripts.name,
  description: scriptingScripts.description,
  liveVersion: scriptingScripts.liveVersion,
  updatedAt: scriptingScripts.updatedAt,
  latestVersion: sql<number>`(select coalesce(max(v.version), 0)::int from scripting_versions v
    where v.workspace_id = scripting_scripts.workspace_id and v.script_id = scripting_scripts.id)`,
};

const toSummary = <T extends { updatedAt: Date }>(r: T): Omit<T, 'updatedAt'> & { updatedAt: string } => ({
  ...r,
  updatedAt: r.updatedAt.toISOString(),
});

/** A refusal listing every problem of a script, the first one in the message. */
export function invalidScript(problems: Problem[]): AppError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError('scripting.invalid_script', 400, `${first.message}${more}`, problems);
}

/**
 * @param parts.answers checks, at publishing, the knowledge articles answer steps embed.
 * @param parts.published told after a version goes live, so what caches the live scripts drops them.
 */
export function createScriptService(
  deps: ScriptingDeps,
  parts: {
    templates: TemplateService;
    answers: AnswerService;
    published: (workspaceId: string) => void;
  },
) {
  const { db, uow, clock, newId } = deps;
  // Versions never change once saved, so their compiled form is kept for as long as the process runs.
  const compiled = new Map<string, CompiledScript>();

  /** The core's problems, and e-mail templates that do not exist (the core does not know them). */
  async function problemsOf(workspaceId: string, def: ScriptDefinition): Promise<Problem[]> {
    const [fields, templates] = await Promise.all([
      deps.customers.fieldKeys(workspaceId),
      parts.templates.keys(workspaceId),
    ]);
    const problems = validateScript(def, contextSchema(fields));
    for (const step of def.steps)
      if (step.type === 'action' && step.action.kind === 'send_email' && !templates.has(step.action.template))
        problems.push({
          stepId: step.id,
          code: 'unknown_template',
          message: `Step "${step.id}" sends the e-mail template "${step.action.template}", which does not exist`,
        });
    return problems;
  }

  async function check(workspaceId: string, def: ScriptDefinition) {
    const problems = await problemsOf(workspaceId, def);
    if (problems.length > 0) throw invalidScript(problems);
  }

  async function list(workspaceId: string) {
    const rows = await db
      .select(summaryColumns)
      .from(scriptingScripts)
      .where(scoped(db, workspaceId).where(scriptingScripts))
      .orderBy(asc(scriptingScripts.name));
    return rows.map(toSummary);
  }

  async function loadScript(workspaceId: string, id: string, tx: Db = db) {
    const [row] = await tx
      .select(summaryColumns)
      .from(scriptingScripts)
      .where(scoped(tx, workspaceId).where(scriptingScripts, eq(scriptingScripts.id, id)));
    if (!row) throw errors.notFound('Script');
    return row;
  }

  /** A script with one version's definition: the one asked for, else the live one, else the latest. */
  async function get(workspaceId: string, id: string, version?: number) {
    const script = await loadScript(workspaceId, id);
    const versions = await db
      .select({ version: scriptingVersions.version, createdAt: scriptingVersions.createdAt })
      .from(scriptingVersions)
      .where(scoped(db, workspaceId).where(scriptingVersions, eq(scriptingVersions.scriptId, id)))
      .orderBy(desc(scriptingVersions.version));
    const wanted = version ?? script.liveVersion ?? script.latestVersion;
    const { definition } = await loadVersion(workspaceId, id, wanted);
    return {
      ...toSummary(script),
      versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
      version: wanted,
      definition,
    };
  }

  async function loadVersion(workspaceId: string, scriptId: string, version: number) {
    const [row] = await db
      .select({ id: scriptingVersions.id, definition: scriptingVersions.definition })
      .from(scriptingVersions)
      .where(
        scoped(db, workspaceId).where(
          scriptingVersions,
          and(eq(scriptingVersions.scriptId, scriptId), eq(scriptingVersions.version, version)),
        ),
      );
    if (!row) throw new AppError('not_found', 404, `Script version ${version} not found`);
    return row;
  }

  /** The compiled form of a saved version, cached. */
  async function compiledVersion(workspaceId: string, scriptId: string, version: number) {
    const row = await loadVersion(workspaceId, scriptId, version);
    let hit = compiled.get(row.id);
    if (!hit) {
      hit = compile(row.definition);
      compiled.set(row.id, hit);
    }
    return hit;
  }

  async function create(
    workspaceId: string,
    input: { name: string; description?: string; definition: ScriptDefinition },
    actorId: string | null,
  ) {
    await check(workspaceId, input.definition);
    const id = newId();
    const now = clock.now();
    await uow.run(async (tx, record) => {
      const ws = scoped(tx, workspaceId);
      const [taken] = await tx
        .select({ id: scriptingScripts.id })
        .from(scriptingScripts)
        .where(ws.where(scriptingScripts, eq(scriptingScripts.name, input.name)));
      if (taken) throw errors.conflict('scripting.name_taken', `A script named "${input.name}" exists`);
      await ws.insert(scriptingScripts, {
        id,
        name: input.name,
        description: input.description ?? '',
        liveVersion: null,
        createdAt: now,
        updatedAt: now,
      });
      await ws.insert(scriptingVersions, {
        id: newId(),
        scriptId: id,
        version: 1,
        definition: input.definition,
        createdBy: actorId,
        createdAt: now,
      });
      await record({
        workspaceId,
        type: 'scripting.script_created',
        subject: 'script',
        subjectId: id,
        actorId,
      });
    });
    return get(workspaceId, id);
  }

  /** Saves a new version (never changing the live one until it is published). */
  async function addVersion(
    workspaceId: string,
    id: string,
    definition: ScriptDefinition,
    actorId: string | null,
  ) {
    await loadScript(workspaceId, id);
    await check(workspaceId, definition);
    const now = clock.now();
    const version = await uow.run(async (tx, record) => {
      const current = await loadScript(workspaceId, id, tx);
      const next = current.latestVersion + 1;
      const ws = scoped(tx, workspaceId);
      await ws.insert(scriptingVersions, {
        id: newId(),
        scriptId: id,
        version: next,
        definition,
        createdBy: actorId,
        createdAt: now,
      });
      await ws.update(scriptingScripts, { updatedAt: now }, eq(scriptingScripts.id, id));
      await record({
        workspaceId,
        type: 'scripting.version_saved',
        subject: 'script',
        subjectId: id,
        actorId,
        payload: { version: next },
      });
      return next;
    });
    return get(workspaceId, id, version);
  }

  /**
   * Makes a version live: new runs use it; runs already started keep theirs. Refused while an answer step
   * embeds a knowledge article that does not exist or is not published.
   */
  async function publish(workspaceId: string, id: string, version: number, actorId: string | null) {
    await loadScript(workspaceId, id);
    const { definition } = await loadVersion(workspaceId, id, version);
    const problems = await parts.answers.problemsOf(workspaceId, definition);
    if (problems.length > 0) throw invalidScript(problems);
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        scriptingScripts,
        { liveVersion: version, updatedAt: clock.now() },
        eq(scriptingScripts.id, id),
      );
      await record({
        workspaceId,
        type: 'scripting.version_published',
        subject: 'script',
        subjectId: id,
        actorId,
        payload: { version },
      });
    });
    parts.published(workspaceId);
    return get(workspaceId, id, version);
  }

  return { list, get, create, addVersion, publish, problemsOf, compiledVersion, loadScript };
}

export type ScriptService = ReturnType<typeof createScriptService>;
