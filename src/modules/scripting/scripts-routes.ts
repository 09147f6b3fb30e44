/** HTTP for the designer: scripts, versions, publishing, validation, preview, selection rules and reports. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Language, NoContent, Obj, Type } from '../../platform/http/schema.ts';
import type { AnswerService } from './answers.ts';
import type { RulesService } from './rules-service.ts';
import type { RunService } from './runs-service.ts';
import {
  Definition,
  EmailTemplate,
  EmailTemplateInput,
  EmailTemplateKey,
  Evaluation,
  NewRule,
  NewScript,
  Preview,
  Problem,
  Rule,
  RuleTest,
  RuleTestResult,
  ScriptDetail,
  ScriptSummary,
} from './schemas.ts';
import type { ScriptService } from './scripts-service.ts';
import type { TemplateService } from './templates-service.ts';

export function scriptsRoutes(s: {
  scripts: ScriptService;
  rules: RulesService;
  runs: RunService;
  templates: TemplateService;
  answers: AnswerService;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['scripting'];
    const manage = { access: 'scripts.manage' as const };
    const ws = (r: { principal?: { workspaceId: string } | null }) => r.principal!.workspaceId;
    const actor = (r: { principal?: { userId: string } | null }) => r.principal!.userId;

    app.get(
      '/scripting/scripts',
      {
        config: manage,
        schema: {
          tags,
          summary: 'List scripts',
          response: { 200: Obj({ items: Type.Array(ScriptSummary) }) },
        },
      },
      async (request) => ({ items: await s.scripts.list(ws(request)) }),
    );
    app.post(
      '/scripting/scripts',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a script with its first version (validated)',
          body: NewScript,
          response: { 201: ScriptDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await s.scripts.create(
              ws(request),
              { ...request.body, definition: request.body.definition },
              actor(request),
            ),
          ),
    );
    app.get(
      '/scripting/scripts/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A script with one version (the live one unless asked)',
          params: IdParams,
          querystring: Obj({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
          response: { 200: ScriptDetail },
        },
      },
      async (request) => s.scripts.get(ws(request), request.params.id, request.query.version),
    );
    app.post(
      '/scripting/scripts/:id/versions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Save a new version (validated, not yet live)',
          params: IdParams,
          body: Obj({ definition: Definition }),
          response: { 201: ScriptDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await s.scripts.addVersion(
              ws(request),
              request.params.id,
              request.body.definition,
              actor(request),
            ),
          ),
    );
    app.post(
      '/scripting/scripts/:id/publish',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Make a version live',
          params: IdParams,
          body: Obj({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: ScriptDetail },
        },
      },
      async (request) =>
        s.scripts.publish(ws(request), request.params.id, request.body.version, actor(request)),
    );
    app.post(
      '/scripting/scripts/:id/preview',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Run a version or a draft against a customer, recording nothing',
          params: IdParams,
          body: Preview,
          response: {
            200: Obj({ context: Type.Record(Type.String(), Type.Unknown()), evaluation: Evaluation }),
          },
        },
      },
      async (request) => {
        const { definition, ...rest } = request.body;
        return s.runs.preview(ws(request), request.params.id, {
          ...rest,
          ...(definition ? { definition: definition } : {}),
        });
      },
    );
    app.get(
      '/scripting/scripts/:id/report',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: 'Where runs stop and how each path converts to leads',
          params: IdParams,
          response: {
            200: Obj({
              scriptName: Type.String(),
              runs: Type.Integer(),
              finished: Type.Integer(),
              steps: Type.Array(
                Obj({ stepId: Type.String(), reached: Type.Integer(), stoppedHere: Type.Integer() }),
              ),
              paths: Type.Array(
                Obj({
                  path: Type.Array(Type.String()),
                  runs: Type.Integer(),
                  finished: Type.Integer(),
                  leads: Type.Integer(),
                  conversion: Type.Number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => s.runs.report(ws(request), request.params.id),
    );
    app.get(
      '/scripting/answers/:id',
      {
        config: manage,
        schema: {
          tags,
          summary:
            "A published knowledge article as an answer step's fields (its title and its body as plain text)",
          params: IdParams,
          response: {
            200: Obj({
              answerId: Type.String(),
              title: Type.String(),
              text: Type.String(),
              language: Language,
            }),
          },
        },
      },
      async (request) => s.answers.forStep(ws(request), request.params.id),
    );
    app.post(
      '/scripting/validate',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The problems of a definition (empty when sound)',
          body: Obj({ definition: Definition }),
          response: { 200: Obj({ problems: Type.Array(Problem) }) },
        },
      },
      async (request) => ({
        problems: await s.scripts.problemsOf(ws(request), request.body.definition),
      }),
    );

    app.get(
      '/scripting/rules',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Selection rules in priority order',
          response: { 200: Obj({ items: Type.Array(Rule) }) },
        },
      },
      async (request) => ({ items: await s.rules.list(ws(request)) }),
    );
    app.post(
      '/scripting/rules',
      {
        config: manage,
        schema: { tags, summary: 'Add a selection rule', body: NewRule, response: { 201: Rule } },
      },
      async (request, reply) => reply.status(201).send(await s.rules.create(ws(request), request.body)),
    );
    app.put(
      '/scripting/rules/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a selection rule (its criteria, script or priority)',
          params: IdParams,
          body: NewRule,
          response: { 200: Rule },
        },
      },
      async (request) => s.rules.update(ws(request), request.params.id, request.body),
    );
    app.delete(
      '/scripting/rules/:id',
      {
        config: manage,
        schema: { tags, summary: 'Remove a selection rule', params: IdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await s.rules.remove(ws(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/scripting/rules/test',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Which script the rules start for sample facts or a sample customer, the rule that chose it and the facts it saw',
          body: RuleTest,
          response: { 200: RuleTestResult },
        },
      },
      async (request) => s.rules.test(ws(request), request.body),
    );
    app.get(
      '/scripting/email-templates',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The e-mail templates scripts send',
          response: { 200: Obj({ items: Type.Array(EmailTemplate) }) },
        },
      },
      async (request) => ({ items: await s.templates.list(ws(request)) }),
    );
    app.put(
      '/scripting/email-templates/:key',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Create or replace an e-mail template (placeholders as in steps: {{customer.name}}, {{var.x}})',
          params: EmailTemplateKey,
          body: EmailTemplateInput,
          response: { 200: EmailTemplate },
        },
      },
      async (request) => s.templates.put(ws(request), request.params.key, request.body),
    );
  };
}
