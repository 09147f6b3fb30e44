/** HTTP for the desk and the catalogue: runs, offers and their answers, invoices, promotions, products. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { InvoiceService } from './invoices-service.ts';
import type { OffersService } from './offers-service.ts';
import type { RulesService } from './rules-service.ts';
import type { RunService } from './runs-service.ts';
import {
  AnswerBody,
  Balance,
  Invoice,
  Lead,
  NewInvoice,
  NewPromotion,
  OfferResponse,
  Offers,
  Product,
  Promotion,
  Run,
} from './schemas.ts';

const ProductKey = Obj({
  key: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9][a-z0-9_-]*$' }),
});

export function deskRoutes(s: {
  runs: RunService;
  rules: RulesService;
  offers: OffersService;
  invoices: InvoiceService;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['scripting'];
    const desk = { access: 'desk.use' as const };
    const ws = (r: { principal?: { workspaceId: string } | null }) => r.principal!.workspaceId;
    const actor = (r: { principal?: { userId: string } | null }) => r.principal!.userId;
    // Invoice files arrive as the raw body; a few megabytes at most, so they are read whole.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 5_000_000 },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/scripting/interactions/:id/run',
      {
        config: desk,
        schema: {
          tags,
          summary: "Start (or resume) the interaction's script: the one given, or the one its rules choose",
          params: IdParams,
          body: Obj({ scriptId: Type.Optional(Uuid) }),
          response: { 200: Run },
        },
      },
      async (request) => s.runs.start(ws(request), request.params.id, actor(request), request.body.scriptId),
    );
    app.get(
      '/scripting/interactions/:id/suggestion',
      {
        config: desk,
        schema: {
          tags,
          summary: 'The script the rules choose for an interaction and its customer’s top offers',
          params: IdParams,
          response: {
            200: Obj({
              script: Nullable(Obj({ id: Uuid, name: Type.String(), version: Type.Integer() })),
              offers: Nullable(Offers),
            }),
          },
        },
      },
      async (request) => s.runs.suggest(ws(request), request.params.id),
    );
    app.get(
      '/scripting/runs/:id',
      {
        config: desk,
        schema: { tags, summary: 'A script run where it stands', params: IdParams, response: { 200: Run } },
      },
      async (request) => s.runs.get(ws(request), request.params.id),
    );
    app.post(
      '/scripting/runs/:id/answers',
      {
        config: desk,
        schema: {
          tags,
          summary: 'Answer the current step (null to go on after a text)',
          params: IdParams,
          body: AnswerBody,
          response: { 200: Run },
        },
      },
      async (request) =>
        s.runs.step(ws(request), request.params.id, { answer: request.body }, actor(request)),
    );
    app.post(
      '/scripting/runs/:id/back',
      {
        config: desk,
        schema: { tags, summary: 'Go back one step', params: IdParams, response: { 200: Run } },
      },
      async (request) => s.runs.step(ws(request), request.params.id, { back: true }, actor(request)),
    );
    app.post(
      '/scripting/runs/:id/follow-ups',
      {
        config: desk,
        schema: {
          tags,
          summary: "Carry out again what a finished run's tasks, e-mails and call-backs left undone",
          params: IdParams,
          response: { 200: Run },
        },
      },
      async (request) => s.runs.retryFollowUps(ws(request), request.params.id, actor(request)),
    );

    app.get(
      '/scripting/customers/:id/offers',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer’s top offers with their reasons',
          params: IdParams,
          querystring: Obj({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
          response: { 200: Offers },
        },
      },
      async (request) => s.offers.offersFor(ws(request), request.params.id, request.query.limit ?? 3),
    );
    app.post(
      '/scripting/offer-responses',
      {
        config: desk,
        schema: {
          tags,
          summary: 'Record an offer accepted (a lead) or declined (lowers its score)',
          body: OfferResponse,
          response: { 201: Lead },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.offers.respond(ws(request), request.body, actor(request))),
    );
    app.get(
      '/scripting/leads',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Accepted offers, newest first',
          response: { 200: Obj({ items: Type.Array(Lead) }) },
        },
      },
      async (request) => ({ items: await s.offers.leads(ws(request)) }),
    );
    app.post(
      '/scripting/train',
      {
        config: { access: 'scripts.manage' },
        schema: {
          tags,
          summary: 'Retrain the propensity model from the purchase history',
          response: {
            200: Obj({ customers: Type.Integer(), products: Type.Integer(), trainedAt: Type.String() }),
          },
        },
      },
      async (request) => s.offers.trainWorkspace(ws(request)),
    );

    app.get(
      '/scripting/customers/:id/invoices',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Invoices and balances of a customer',
          params: IdParams,
          response: { 200: Balance },
        },
      },
      async (request) => {
        await s.rules.customerExists(ws(request), request.params.id);
        return s.invoices.balance(ws(request), request.params.id);
      },
    );
    app.post(
      '/scripting/invoices',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Create or replace (by number) an invoice',
          body: NewInvoice,
          response: { 200: Invoice },
        },
      },
      async (request) => s.invoices.save(ws(request), request.body, actor(request)),
    );
    app.post(
      '/scripting/invoice-imports',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary:
            'Import invoices from CSV (number, customer, issued_on, due_on, amount, currency[, paid]); all or nothing',
          body: Type.String({ maxLength: 5_000_000 }),
          response: { 200: Obj({ imported: Type.Integer() }) },
        },
      },
      async (request) => s.invoices.importCsv(ws(request), request.body, actor(request)),
    );

    app.get(
      '/scripting/products',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'The products that can be offered',
          response: { 200: Obj({ items: Type.Array(Product) }) },
        },
      },
      async (request) => ({ items: await s.offers.listProducts(ws(request)) }),
    );
    app.put(
      '/scripting/products/:key',
      {
        config: { access: 'scripts.manage' },
        schema: {
          tags,
          summary: 'Create or rename a product',
          params: ProductKey,
          body: Obj({ name: Type.String({ minLength: 1, maxLength: 120 }) }),
          response: { 200: Product },
        },
      },
      async (request) => s.offers.putProduct(ws(request), request.params.key, request.body.name),
    );
    app.get(
      '/scripting/promotions',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Promotions, newest first',
          response: { 200: Obj({ items: Type.Array(Promotion) }) },
        },
      },
      async (request) => ({ items: await s.offers.listPromotions(ws(request)) }),
    );
    app.post(
      '/scripting/promotions',
      {
        config: { access: 'scripts.manage' },
        schema: { tags, summary: 'Create a promotion', body: NewPromotion, response: { 201: Promotion } },
      },
      async (request, reply) =>
        reply.status(201).send(await s.offers.createPromotion(ws(request), request.body, actor(request))),
    );
    app.delete(
      '/scripting/promotions/:id',
      {
        config: { access: 'scripts.manage' },
        schema: { tags, summary: 'Remove a promotion', params: IdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await s.offers.deletePromotion(ws(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
