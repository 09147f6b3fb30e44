/**
 * How the widget's routes know their visitor: the token (`x-visitor-token`, or `?token=` on the socket)
 * is checked before the handler, and rate limits count per visitor.
 */
import type { FastifyRequest } from 'fastify';
import type { Visitor, VisitorService } from './visitors-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    visitor?: Visitor;
  }
}

export const tags = ['chat widget'];

export const perVisitor = (max: number) => ({
  max,
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => String(req.headers['x-visitor-token'] ?? req.ip),
});

export function visitorAuth(visitors: VisitorService) {
  /** Authenticates the visitor before the handler (and before a WebSocket upgrade). */
  async function visitorOf(request: FastifyRequest, cached: boolean): Promise<Visitor> {
    const query = request.query as { token?: string } | undefined;
    const token = (request.headers['x-visitor-token'] as string | undefined) ?? query?.token;
    const { visitor } = await visitors.authenticate(token, undefined, { cached });
    request.visitor = visitor;
    return visitor;
  }
  const hook = (cached: boolean) => ({
    preValidation: async (request: FastifyRequest) => void (await visitorOf(request, cached)),
  });
  return {
    me: (request: FastifyRequest) => ({ kind: 'visitor' as const, visitor: request.visitor! }),
    authed: hook(false),
    // Requests in a conversation (messages, receipts, typing, closing, rating, history, the socket) need
    // only the visitor's id, workspace, channel and language, which never change: a recently seen token
    // skips the lookup.
    frequent: hook(true),
  };
}
