/**
 * HTTP for agents and editors: search, suggested answers, feedback that teaches the ranking, proposed
 * phrasings, and the reports (questions that found nothing, deflection).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { NoContent, Obj, Type } from '../../platform/http/schema.ts';
import type { LearningService } from './learning-service.ts';
import {
  DaysQuery,
  FeedbackBody,
  ProposalSchema,
  ReviewBody,
  SearchQuery,
  SearchResultSchema,
  SuggestBody,
} from './schemas.ts';
import type { Audience, SearchService } from './search-service.ts';
import { cleanQuery } from './text.ts';

const tags = ['knowledge'];

/** What the caller may find: editors everything, agents internal articles too, partners theirs. */
export function audienceOf(request: FastifyRequest): Audience {
  const p = request.principal!.permissions;
  if (p.has('knowledge.manage')) return 'editor';
  if (p.has('desk.use')) return 'agent';
  if (p.has('partner.portal')) return 'partner';
  return 'public';
}

/** How many of the customer's last messages a suggestion reads. */
const LAST_MESSAGES = 3;

export function searchRoutes(
  search: SearchService,
  learning: LearningService,
  clock: Clock,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/knowledge/search',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary: 'Search the articles the caller may read, with highlighted passages',
          querystring: SearchQuery,
          response: { 200: SearchResultSchema },
        },
      },
      async (request) =>
        search.search(request.principal!.workspaceId, {
          query: request.query.q,
          ...(request.query.language ? { language: request.query.language } : {}),
          limit: request.query.limit ?? 10,
          audience: audienceOf(request),
          source: 'api',
        }),
    );

    app.post(
      '/knowledge/suggest',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary:
            "The top 3 answers, each with the passage that answers, for a sentence the agent typed or the customer's last messages",
          body: SuggestBody,
          response: { 200: SearchResultSchema },
        },
      },
      async (request) => {
        const { text, messages, language } = request.body;
        const query = cleanQuery(text?.trim() ? text : (messages ?? []).slice(-LAST_MESSAGES).join(' '));
        if (!query && text === undefined && messages === undefined)
          throw new AppError('knowledge.suggest_empty', 400, 'Send "text" or "messages"');
        return search.search(request.principal!.workspaceId, {
          query,
          ...(language ? { language } : {}),
          limit: 3,
          audience: audienceOf(request) === 'editor' ? 'agent' : audienceOf(request),
          source: 'agent',
        });
      },
    );

    app.post(
      '/knowledge/feedback',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary:
            'Record that an article was viewed, found helpful or not, or inserted into a reply; with the query, it teaches the ranking',
          body: FeedbackBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { kind, articleId, query } = request.body;
        await learning.record(request.principal!.workspaceId, {
          kind,
          articleId,
          source: 'agent',
          ...(query ? { query } : {}),
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/knowledge/proposals',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Recurring queries that led to an article, proposed as its phrasings',
          response: { 200: Obj({ items: Type.Array(ProposalSchema) }) },
        },
      },
      async (request) => ({ items: await learning.proposals(request.principal!.workspaceId) }),
    );

    app.post(
      '/knowledge/proposals/review',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Accept a proposed phrasing into its article, or dismiss it',
          body: ReviewBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const { articleId, query, decision } = request.body;
        await learning.review(p.workspaceId, p.userId, articleId, query, decision);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/knowledge/reports/unanswered',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Questions that found nothing in the last days (30 by default), most asked first',
          querystring: DaysQuery,
          response: {
            200: Obj({
              items: Type.Array(Obj({ query: Type.String(), count: Type.Integer(), lastAt: Type.String() })),
            }),
          },
        },
      },
      async (request) => {
        const since = new Date(clock.now().getTime() - (request.query.days ?? 30) * 86_400_000);
        return { items: await learning.unanswered(request.principal!.workspaceId, since) };
      },
    );

    app.get(
      '/knowledge/reports/deflection',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Searches, article views, votes, inserted answers and contacts in the last days',
          querystring: DaysQuery,
          response: {
            200: Obj({
              searches: Type.Integer(),
              views: Type.Integer(),
              helpful: Type.Integer(),
              notHelpful: Type.Integer(),
              inserted: Type.Integer(),
              contacts: Type.Integer(),
              deflectionRate: Type.Union([Type.Number(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const since = new Date(clock.now().getTime() - (request.query.days ?? 30) * 86_400_000);
        return learning.deflection(request.principal!.workspaceId, since);
      },
    );
  };
}
