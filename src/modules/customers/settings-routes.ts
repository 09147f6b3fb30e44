/** HTTP: the workspace's custom fields and customer value rule. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Obj, Type } from '../../platform/http/schema.ts';
import type { FieldsService } from './fields-service.ts';
import {
  FieldPatch,
  FieldSchema,
  NewFieldBody,
  RecomputeResult,
  ValueRuleSchema,
  ValueRuleView,
} from './schemas.ts';
import type { ValueService } from './value-service.ts';

const tags = ['customer settings'];

export function settingsRoutes(deps: {
  fields: FieldsService;
  value: ValueService;
}): FastifyPluginAsyncTypebox {
  const { fields, value } = deps;
  return async (app) => {
    app.get(
      '/customer-fields',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Custom fields of customers, in form order',
          response: { 200: Obj({ items: Type.Array(FieldSchema) }) },
        },
      },
      async (request) => ({ items: await fields.list(request.principal!.workspaceId) }),
    );
    app.post(
      '/customer-fields',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags,
          summary: 'Define a custom field',
          body: NewFieldBody,
          response: { 201: FieldSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply.status(201).send(await fields.create(p.workspaceId, request.body, p.userId));
      },
    );
    app.patch(
      '/customer-fields/:id',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags,
          summary: 'Change a custom field’s label, options, requiredness or position',
          params: IdParams,
          body: FieldPatch,
          response: { 200: FieldSchema },
        },
      },
      async (request) =>
        fields.update(
          request.principal!.workspaceId,
          request.params.id,
          request.body,
          request.principal!.userId,
        ),
    );

    app.get(
      '/customer-value-rule',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'The value rule, the current tier cut-offs and how many customers each tier has',
          response: { 200: ValueRuleView },
        },
      },
      async (request) => value.getRule(request.principal!.workspaceId),
    );
    app.put(
      '/customer-value-rule',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags,
          summary: 'Change the value rule and recompute every customer',
          body: ValueRuleSchema,
          response: { 200: RecomputeResult },
        },
      },
      async (request) =>
        value.setRule(request.principal!.workspaceId, request.body, request.principal!.userId),
    );
    app.post(
      '/customer-value-rule/recompute',
      {
        config: { access: 'workspace.manage' },
        schema: { tags, summary: 'Run the nightly value batch now', response: { 200: RecomputeResult } },
      },
      async (request) => value.recomputeWorkspace(request.principal!.workspaceId, request.principal!.userId),
    );
  };
}
