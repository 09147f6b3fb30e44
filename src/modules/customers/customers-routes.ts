/** HTTP: finding, reading, creating and changing customers; their value inputs; privacy export and erasure. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../platform/errors.ts';
import { pageRequest } from '../../platform/http/pagination.ts';
import { IdParams, Obj, Page, PageQuery, Type, Uuid } from '../../platform/http/schema.ts';
import type { CustomerService } from './customers-service.ts';
import type { PrivacyService } from './privacy-service.ts';
import {
  CustomerListItem,
  CustomerPatch,
  CustomerSchema,
  IdentityKind,
  Kind,
  NewCustomerBody,
  PurchaseBody,
  SummarySchema,
} from './schemas.ts';
import type { SearchService } from './search-service.ts';
import type { ValueService } from './value-service.ts';

const tags = ['customers'];

export function customerRoutes(deps: {
  customers: CustomerService;
  search: SearchService;
  privacy: PrivacyService;
  value: ValueService;
}): FastifyPluginAsyncTypebox {
  const { customers, search, privacy, value } = deps;
  return async (app) => {
    app.get(
      '/customers',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary:
            'List customers by name, or search them by name, company, e-mail, phone or any identity (typo-tolerant)',
          querystring: Obj({
            ...PageQuery,
            q: Type.Optional(Type.String({ maxLength: 200 })),
            kind: Type.Optional(Kind),
            tier: Type.Optional(Type.String({ maxLength: 30 })),
            tag: Type.Optional(Type.String({ maxLength: 50 })),
            ownerId: Type.Optional(Uuid),
            organisationId: Type.Optional(Uuid),
            field: Type.Optional(
              Type.String({ maxLength: 300, description: 'A custom field value: key=value' }),
            ),
          }),
          response: { 200: Page(CustomerListItem) },
        },
      },
      async (request) => {
        const { limit, cursor, ...query } = request.query;
        return search.list(request.principal!.workspaceId, query, pageRequest({ limit, cursor }));
      },
    );

    app.post(
      '/customers',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Create a person or an organisation',
          body: NewCustomerBody,
          response: { 201: CustomerSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply.status(201).send(await customers.create(p.workspaceId, request.body, p.userId));
      },
    );

    app.get(
      '/customers/lookup',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'The customer behind an identity (what the desk pops on a contact)',
          querystring: Obj({ kind: IdentityKind, value: Type.String({ minLength: 1, maxLength: 254 }) }),
          response: { 200: SummarySchema },
        },
      },
      async (request) => {
        const found = await customers.findByIdentity(
          request.principal!.workspaceId,
          request.query.kind,
          request.query.value,
        );
        if (!found) throw errors.notFound('Customer');
        return found;
      },
    );

    app.get(
      '/customers/:id',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer with identities and organisations',
          params: IdParams,
          response: { 200: CustomerSchema },
        },
      },
      async (request) => customers.get(request.principal!.workspaceId, request.params.id),
    );

    app.patch(
      '/customers/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Change a customer’s profile',
          params: IdParams,
          body: CustomerPatch,
          response: { 200: CustomerSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return customers.update(p.workspaceId, request.params.id, request.body, p.userId);
      },
    );

    app.post(
      '/customers/:id/purchases',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Record a purchase (an input of the value score); a known refId is refused',
          params: IdParams,
          body: PurchaseBody,
          response: { 201: Obj({ id: Uuid, customerId: Uuid }) },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const { at, ...rest } = request.body;
        const result = await value.addPurchase(
          p.workspaceId,
          request.params.id,
          { ...rest, at: new Date(at) },
          p.userId,
        );
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/customers/:id/export',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['privacy'],
          summary: 'Everything held about one customer, as JSON (audited)',
          params: IdParams,
          response: { 200: Type.Record(Type.String(), Type.Unknown()) },
        },
      },
      async (request) => {
        const p = request.principal!;
        return privacy.exportCustomer(p.workspaceId, request.params.id, p.userId);
      },
    );

    app.post(
      '/customers/:id/erase',
      {
        // Irreversible, so administrators only.
        config: { access: 'workspace.manage' },
        schema: {
          tags: ['privacy'],
          summary: 'Anonymise a customer for good, keeping aggregates (audited)',
          params: IdParams,
          response: { 200: CustomerSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return privacy.erase(p.workspaceId, request.params.id, p.userId);
      },
    );
  };
}
