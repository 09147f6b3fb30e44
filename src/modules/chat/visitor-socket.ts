/**
 * The widget's messages over its own socket. A `send` frame takes the path of `POST …/messages` (the same
 * checks, limits, attachments rules, client-id idempotency and group commit) and is answered with an
 * `ack` once the message is committed, or with an `error` frame carrying the code and status the HTTP
 * route would give. Saves the visitor an HTTP request per message; the route stays for the fallback.
 */
import { Compile } from 'typebox/compile';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { FrameHandler } from '../../platform/realtime/hub.ts';
import type { ConversationService } from './conversations-service.ts';
import { Body, ClientId } from './schemas.ts';
import type { Visitor } from './visitors-service.ts';

export const SendFrame = Obj({
  type: Type.Literal('send'),
  conversationId: Uuid,
  clientId: ClientId,
  body: Body,
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 5 })),
});
const sendFrame = Compile(SendFrame);

interface Issue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The first problems of a frame, named as the HTTP route names a body's. */
function invalid(frame: unknown): AppError {
  const details = ([...sendFrame.Errors(frame)] as Issue[])
    .filter((i) => i.keyword !== 'boolean')
    .slice(0, 5)
    .map((i) => {
      if (i.keyword === 'additionalProperties') {
        const names = (i.params.additionalProperties as string[] | undefined) ?? [];
        return { path: `${i.instancePath}/${names[0] ?? ''}`, message: `unknown property "${names[0]}"` };
      }
      if (i.keyword === 'required') {
        const names = (i.params.requiredProperties as string[] | undefined) ?? [];
        return { path: `${i.instancePath}/${names[0] ?? ''}`, message: 'is required' };
      }
      return { path: i.instancePath, message: i.message ?? 'is invalid' };
    });
  const first = details[0];
  return new AppError(
    'validation.failed',
    400,
    first ? `${first.path || 'frame'}: ${first.message}` : 'Invalid frame',
    details,
  );
}

/** An error as a frame: the code, status and message the HTTP route answers, and the client id it concerns. */
function errorFrame(clientId: string | null, error: unknown) {
  const e =
    error instanceof AppError
      ? error
      : isUniqueViolation(error)
        ? new AppError('conflict.duplicate', 409, 'This conflicts with a record that already exists')
        : new AppError('internal', 500, 'Something went wrong on our side; it has been logged');
  return {
    type: 'error',
    clientId,
    code: e.code,
    status: e.status,
    message: e.message,
    ...(e.details === undefined ? {} : { details: e.details }),
  };
}

/**
 * The frame types of a visitor's socket, bound to that visitor.
 * @example
 * const framesOf = visitorFrames({ conversations, limit: limitMessage });
 * hub.serve(socket, visitorPrincipal(visitor), framesOf(visitor));
 */
export function visitorFrames(deps: {
  conversations: Pick<ConversationService, 'send'>;
  /** The visitor's and the channel's limits, shared with the HTTP route; throws a 429. */
  limit: (visitor: Visitor) => void;
}) {
  return (visitor: Visitor): ReadonlyMap<string, FrameHandler> => {
    const send: FrameHandler = async (frame, reply) => {
      const clientId = typeof frame.clientId === 'string' ? frame.clientId.slice(0, 80) : null;
      try {
        deps.limit(visitor);
        if (!sendFrame.Check(frame)) throw invalid(frame);
        const { message, created } = await deps.conversations.send(
          { kind: 'visitor', visitor },
          frame.conversationId,
          { clientId: frame.clientId, body: frame.body, attachmentIds: frame.attachmentIds },
        );
        reply({ type: 'ack', clientId: frame.clientId, created, message });
      } catch (error) {
        reply(errorFrame(clientId, error));
        // The hub logs what was not a refusal.
        if (!(error instanceof AppError)) throw error;
      }
    };
    return new Map([['send', send]]);
  };
}
